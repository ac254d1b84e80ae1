package no.nystart.introduction.domain;

import java.time.LocalDate;
import no.nystart.platform.validation.NorwegianPublicHolidays;

/**
 * Working days (virkedager, docs/domain/introduction-programme.md#3e) are Monday–Friday except the public holidays:
 * the helligdager of lov om helligdager og helligdagsfred § 2 and 1 and 17 May (lov om 1. og 17. mai som
 * høgtidsdager § 1), computed by {@link NorwegianPublicHolidays} (platform/validation/README.md, "Public holidays and
 * working days"). They are the days the benefit is paid for (§ 20, pro rata by working days), the days whose planned
 * hours count in the § 21 reduction, and the unit of the leave limits (integreringsforskriften kap. 4).
 */
public final class WorkingDays {
    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate d) {
        return NorwegianPublicHolidays.isWorkingDay(d);
    }

    /** Working days from {@code from} to {@code to}, both included; 0 when {@code to} is before {@code from}. */
    public static int between(LocalDate from, LocalDate to) {
        return NorwegianPublicHolidays.workingDaysBetween(from, to);
    }

    /** "Saturday", "Sunday" or the holiday's Norwegian name and source, for a message; null on a working day. */
    public static String whyNotWorkingDay(LocalDate d) {
        if (isWorkingDay(d)) {
            return null;
        }
        return NorwegianPublicHolidays.holidayOn(d).map(h -> h.norwegianName() + " (" + h.source() + ")")
                .orElseGet(() -> d.getDayOfWeek() == java.time.DayOfWeek.SATURDAY ? "a Saturday" : "a Sunday");
    }
}
