package no.nystart.adulteducation.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Caseworker follow-up rules (docs/services/adult-education.md; docs/domain/adult-education.md#4b). */
public final class Monitoring {
    private Monitoring() {
    }

    /**
     * Close to the deadline: the goal is not reached and the training deadline (docs/domain/adult-education.md#4b) is
     * today or within {@code days} days (default 90, configurable). A passed deadline is not "close".
     */
    public static boolean closeToDeadline(LocalDate deadline, boolean goalReached, LocalDate today, int days) {
        if (goalReached || deadline.isBefore(today)) {
            return false;
        }
        return ChronoUnit.DAYS.between(today, deadline) <= days;
    }

    /**
     * The NIR measure "start of training within 3 months" of settlement (docs/domain/adult-education.md#4b): TRUE when the
     * first start is at the latest the day of the 3-month anniversary, FALSE when it is later or the
     * window has passed without a start, null while the window is still open without a start.
     */
    public static Boolean startedWithin(LocalDate settledOn, LocalDate firstStart, LocalDate today, int months) {
        LocalDate lastDay = settledOn.plusMonths(months);
        if (firstStart != null) {
            return !firstStart.isAfter(lastDay);
        }
        return today.isAfter(lastDay) ? Boolean.FALSE : null;
    }
}
