package no.nystart.introduction.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days (virkedager, docs/domain/introduction-programme.md#3e) are Monday–Friday. Public holidays are NOT subtracted
 * (no holiday calendar in the platform yet; documented in docs/services/introduction-programme.md).
 */
public final class WorkingDays {
    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Working days from {@code from} to {@code to}, both included; 0 when {@code to} is before {@code from}. */
    public static int between(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
