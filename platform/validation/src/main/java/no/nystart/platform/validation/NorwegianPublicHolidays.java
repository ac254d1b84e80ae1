package no.nystart.platform.validation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Norwegian public holidays that fall on fixed or Easter-dependent dates ("røde dager"), exactly, for any
 * Gregorian year (platform/validation/README.md, "Public holidays and working days").
 *
 * <ul>
 * <li>Lov 24. februar 1995 nr. 12 om helligdager og helligdagsfred (helligdagsloven) § 2: besides every Sunday
 * (letter a), the helligdager are New Year's Day (b), Maundy Thursday (c), Good Friday (d), Easter Sunday (e),
 * Easter Monday (f), Ascension Day (g), Whit Sunday (h), Whit Monday (i), Christmas Day (j) and Boxing Day (k).
 * Easter Sunday is the first Sunday after the first full moon on or after 21 March, which the church calendar
 * (and this class) reads as the Gregorian computus, the ecclesiastical full moon.</li>
 * <li>Lov 26. april 1947 nr. 1 om 1. og 17. mai som høgtidsdager § 1: 1 May and 17 May are høgtidsdager, on a
 * par with Sundays.</li>
 * </ul>
 *
 * A working day ({@link #isWorkingDay}) is Monday–Friday and none of these days. Christmas Eve, Easter Eve and
 * Whitsun Eve are not holidays (only their afternoons are protected by helligdagsfreden), so they are working days
 * when they fall on a weekday.
 */
public final class NorwegianPublicHolidays {
    /** The named days, in the order of the laws. */
    public enum Holiday {
        NEW_YEARS_DAY("1. nyttårsdag", "helligdagsloven § 2 b"),
        MAUNDY_THURSDAY("skjærtorsdag", "helligdagsloven § 2 c"),
        GOOD_FRIDAY("langfredag", "helligdagsloven § 2 d"),
        EASTER_SUNDAY("1. påskedag", "helligdagsloven § 2 e"),
        EASTER_MONDAY("2. påskedag", "helligdagsloven § 2 f"),
        ASCENSION_DAY("Kristi himmelfartsdag", "helligdagsloven § 2 g"),
        WHIT_SUNDAY("1. pinsedag", "helligdagsloven § 2 h"),
        WHIT_MONDAY("2. pinsedag", "helligdagsloven § 2 i"),
        CHRISTMAS_DAY("1. juledag", "helligdagsloven § 2 j"),
        BOXING_DAY("2. juledag", "helligdagsloven § 2 k"),
        MAY_DAY("1. mai", "lov om 1. og 17. mai som høgtidsdager § 1"),
        CONSTITUTION_DAY("17. mai", "lov om 1. og 17. mai som høgtidsdager § 1");

        private final String norwegianName;
        private final String source;

        Holiday(String norwegianName, String source) {
            this.norwegianName = norwegianName;
            this.source = source;
        }

        public String norwegianName() {
            return norwegianName;
        }

        /** The provision that makes the day a holiday. */
        public String source() {
            return source;
        }
    }

    private static final Map<Integer, Map<LocalDate, Holiday>> BY_YEAR = new ConcurrentHashMap<>();

    private NorwegianPublicHolidays() {
    }

    /**
     * Easter Sunday of a Gregorian year (the anonymous Gregorian computus: golden number, century corrections for
     * the solar and lunar equations, epact, then the Sunday after the paschal full moon).
     */
    public static LocalDate easterSunday(int year) {
        if (year < 1583) {
            throw new IllegalArgumentException("the Gregorian computus applies from 1583, not " + year);
        }
        int golden = year % 19;
        int century = year / 100;
        int yearOfCentury = year % 100;
        int leapCenturies = century / 4;
        int centuryRest = century % 4;
        int lunarCorrection = (century + 8) / 25;
        int solarLunar = (century - lunarCorrection + 1) / 3;
        int epact = (19 * golden + century - leapCenturies - solarLunar + 15) % 30;
        int quarterYear = yearOfCentury / 4;
        int yearRest = yearOfCentury % 4;
        int weekday = (32 + 2 * centuryRest + 2 * quarterYear - epact - yearRest) % 7;
        int correction = (golden + 11 * epact + 22 * weekday) / 451;
        int dayCount = epact + weekday - 7 * correction + 114;
        return LocalDate.of(year, dayCount / 31, dayCount % 31 + 1);
    }

    /** Every public holiday of the year, by date (sorted). Sundays other than Easter and Whit Sunday are not listed. */
    public static Map<LocalDate, Holiday> of(int year) {
        return BY_YEAR.computeIfAbsent(year, NorwegianPublicHolidays::compute);
    }

    private static Map<LocalDate, Holiday> compute(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, Holiday> m = new TreeMap<>();
        m.put(LocalDate.of(year, Month.JANUARY, 1), Holiday.NEW_YEARS_DAY);
        m.put(easter.minusDays(3), Holiday.MAUNDY_THURSDAY);
        m.put(easter.minusDays(2), Holiday.GOOD_FRIDAY);
        m.put(easter, Holiday.EASTER_SUNDAY);
        m.put(easter.plusDays(1), Holiday.EASTER_MONDAY);
        m.put(easter.plusDays(39), Holiday.ASCENSION_DAY);
        m.put(easter.plusDays(49), Holiday.WHIT_SUNDAY);
        m.put(easter.plusDays(50), Holiday.WHIT_MONDAY);
        // 1 or 17 May may fall on Ascension Day or a Whitsun day (Ascension Day 2008 was 1 May): one holiday, the § 2 name kept
        m.putIfAbsent(LocalDate.of(year, Month.MAY, 1), Holiday.MAY_DAY);
        m.putIfAbsent(LocalDate.of(year, Month.MAY, 17), Holiday.CONSTITUTION_DAY);
        m.put(LocalDate.of(year, Month.DECEMBER, 25), Holiday.CHRISTMAS_DAY);
        m.put(LocalDate.of(year, Month.DECEMBER, 26), Holiday.BOXING_DAY);
        return Collections.unmodifiableMap(m);
    }

    /** The holiday on this date, if any (Sundays that are not Easter or Whit Sunday are not named). */
    public static Optional<Holiday> holidayOn(LocalDate date) {
        return Optional.ofNullable(of(date.getYear()).get(date));
    }

    public static boolean isPublicHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }

    /** Monday–Friday and not a public holiday. */
    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek w = date.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isPublicHoliday(date);
    }

    /** Working days from {@code from} to {@code to}, both included; 0 when {@code to} is before {@code from}. */
    public static int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
