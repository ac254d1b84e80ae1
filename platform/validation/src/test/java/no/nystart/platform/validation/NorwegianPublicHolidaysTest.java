package no.nystart.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nystart.platform.validation.NorwegianPublicHolidays.Holiday;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Helligdagsloven § 2 and lov om 1. og 17. mai som høgtidsdager § 1 (platform/validation/README.md, "Public holidays and working days"). */
class NorwegianPublicHolidaysTest {

    /** Easter Sunday as the public calendar prints it (checked against the almanac for each year). */
    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({
            "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16",
            "2029, 2029-04-01", "2030, 2030-04-21", "2031, 2031-04-13",
            // edge years of the computus: the latest (25 April) and earliest possible (22 March) dates
            "1943, 1943-04-25", "2038, 2038-04-25", "2285, 2285-03-22", "2008, 2008-03-23" })
    void helligdagsloven2e_easterSundayByTheGregorianComputus(int year, LocalDate easter) {
        assertEquals(easter, NorwegianPublicHolidays.easterSunday(year));
        assertEquals(Optional.of(Holiday.EASTER_SUNDAY), NorwegianPublicHolidays.holidayOn(easter));
    }

    @Test
    void helligdagsloven2_theComputusIsGregorianOnly() {
        assertThrows(IllegalArgumentException.class, () -> NorwegianPublicHolidays.easterSunday(1582));
    }

    @Test
    void helligdagsloven2_andMayLaw_theTwelveDaysOf2026() {
        Map<LocalDate, Holiday> y = NorwegianPublicHolidays.of(2026);
        assertEquals(Map.ofEntries(
                Map.entry(LocalDate.of(2026, 1, 1), Holiday.NEW_YEARS_DAY),
                Map.entry(LocalDate.of(2026, 4, 2), Holiday.MAUNDY_THURSDAY),
                Map.entry(LocalDate.of(2026, 4, 3), Holiday.GOOD_FRIDAY),
                Map.entry(LocalDate.of(2026, 4, 5), Holiday.EASTER_SUNDAY),
                Map.entry(LocalDate.of(2026, 4, 6), Holiday.EASTER_MONDAY),
                Map.entry(LocalDate.of(2026, 5, 1), Holiday.MAY_DAY),
                Map.entry(LocalDate.of(2026, 5, 14), Holiday.ASCENSION_DAY),
                Map.entry(LocalDate.of(2026, 5, 17), Holiday.CONSTITUTION_DAY),
                Map.entry(LocalDate.of(2026, 5, 24), Holiday.WHIT_SUNDAY),
                Map.entry(LocalDate.of(2026, 5, 25), Holiday.WHIT_MONDAY),
                Map.entry(LocalDate.of(2026, 12, 25), Holiday.CHRISTMAS_DAY),
                Map.entry(LocalDate.of(2026, 12, 26), Holiday.BOXING_DAY)), y);
        assertEquals(List.copyOf(y.keySet()), y.keySet().stream().sorted().toList());
    }

    @Test
    void helligdagsloven2g_i_ascensionIsEasterPlus39_whitMondayEasterPlus50_2027() {
        assertEquals(Optional.of(Holiday.MAUNDY_THURSDAY), NorwegianPublicHolidays.holidayOn(LocalDate.of(2027, 3, 25)));
        assertEquals(Optional.of(Holiday.GOOD_FRIDAY), NorwegianPublicHolidays.holidayOn(LocalDate.of(2027, 3, 26)));
        assertEquals(Optional.of(Holiday.EASTER_MONDAY), NorwegianPublicHolidays.holidayOn(LocalDate.of(2027, 3, 29)));
        assertEquals(Optional.of(Holiday.ASCENSION_DAY), NorwegianPublicHolidays.holidayOn(LocalDate.of(2027, 5, 6)));
        assertEquals(Optional.of(Holiday.WHIT_SUNDAY), NorwegianPublicHolidays.holidayOn(LocalDate.of(2027, 5, 16)));
        assertEquals(Optional.of(Holiday.WHIT_MONDAY), NorwegianPublicHolidays.holidayOn(LocalDate.of(2027, 5, 17)));
    }

    @Test
    void mayLaw_aHoliday1MayIsOneHoliday() {
        // 2029: Easter 1 April, Ascension Day 10 May; 17 May (a Thursday) is the høgtidsdag only
        assertEquals(Optional.of(Holiday.ASCENSION_DAY), NorwegianPublicHolidays.holidayOn(LocalDate.of(2029, 5, 10)));
        assertEquals(Optional.of(Holiday.CONSTITUTION_DAY), NorwegianPublicHolidays.holidayOn(LocalDate.of(2029, 5, 17)));
        // 2008: Easter 23 March, Ascension Day 1 May: the date is one holiday, not two
        assertEquals(Optional.of(Holiday.ASCENSION_DAY), NorwegianPublicHolidays.holidayOn(LocalDate.of(2008, 5, 1)));
        assertEquals(11, NorwegianPublicHolidays.of(2008).size());
    }

    @Test
    void helligdagsloven2_eveningsBeforeAreWorkingDays() {
        assertTrue(NorwegianPublicHolidays.isWorkingDay(LocalDate.of(2025, 12, 24)), "Christmas Eve 2025 is a Wednesday and a working day");
        assertTrue(NorwegianPublicHolidays.isWorkingDay(LocalDate.of(2025, 12, 31)), "New Year's Eve 2025 is a working day");
        assertFalse(NorwegianPublicHolidays.isWorkingDay(LocalDate.of(2025, 12, 25)));
        assertFalse(NorwegianPublicHolidays.isWorkingDay(LocalDate.of(2026, 4, 4)), "Easter Eve is a Saturday");
        assertFalse(NorwegianPublicHolidays.isWorkingDay(LocalDate.of(2026, 4, 11)), "an ordinary Saturday");
        assertTrue(NorwegianPublicHolidays.isWorkingDay(LocalDate.of(2026, 4, 7)), "the Tuesday after Easter");
    }

    @Test
    void workingDays_april2026Has19() {
        // 22 weekdays less Maundy Thursday 2, Good Friday 3 and Easter Monday 6 April
        assertEquals(19, NorwegianPublicHolidays.workingDaysBetween(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)));
    }

    @Test
    void workingDays_may2026Has18() {
        // 21 weekdays less 1 May (Friday), Ascension Day 14 May and Whit Monday 25 May; 17 May is a Sunday
        assertEquals(18, NorwegianPublicHolidays.workingDaysBetween(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)));
    }

    @Test
    void workingDays_emptyAndReversedRanges() {
        assertEquals(0, NorwegianPublicHolidays.workingDaysBetween(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 6)));
        assertEquals(0, NorwegianPublicHolidays.workingDaysBetween(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 9)));
        assertEquals(1, NorwegianPublicHolidays.workingDaysBetween(LocalDate.of(2026, 4, 7), LocalDate.of(2026, 4, 7)));
        assertEquals(22, NorwegianPublicHolidays.workingDaysBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));
    }
}
