package no.nystart.adulteducation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.nystart.platform.validation.Violation;

/**
 * Hours of training per course and date (recorded for NIR, integreringsforskriften § 53, docs/domain/adult-education.md#4f): more than 0 and at most 8 hours a day, in quarter hours at most two decimals; not before
 * the enrolment started and not in the future.
 */
public final class TrainingHours {
    public static final BigDecimal MAX_PER_DAY = new BigDecimal("8");

    private TrainingHours() {
    }

    public static List<Violation> check(BigDecimal hours, LocalDate date, LocalDate enrolmentStart, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (hours.signum() <= 0) {
            violations.add(new Violation("hours", "hours.positive", "hours must be more than 0"));
        } else if (hours.compareTo(MAX_PER_DAY) > 0) {
            violations.add(new Violation("hours", "hours.max-8-per-day", "at most 8 hours per course and day, was " + hours));
        }
        if (hours.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation("hours", "hours.scale", "at most two decimals"));
        }
        if (date.isBefore(enrolmentStart)) {
            violations.add(new Violation("date", "hours.within-enrolment",
                    "the date " + date + " is before the enrolment started (" + enrolmentStart + ")"));
        }
        if (date.isAfter(today)) {
            violations.add(new Violation("date", "date.not-in-future", "the date " + date + " is after today (" + today + ")"));
        }
        return violations;
    }
}
