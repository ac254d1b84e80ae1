package no.nystart.introduction.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.nystart.platform.validation.Violation;

/** One day of attendance: planned hours = attended hours + the absence hours of every reason. */
public record AttendanceDay(LocalDate date, BigDecimal plannedHours, BigDecimal attendedHours, Map<AbsenceReason, BigDecimal> absence) {
    private static final BigDecimal DAY = BigDecimal.valueOf(24);

    public AttendanceDay {
        Map<AbsenceReason, BigDecimal> copy = new EnumMap<>(AbsenceReason.class);
        if (absence != null) {
            copy.putAll(absence); // a null value stays, and check() names it
        }
        absence = Collections.unmodifiableMap(copy);
    }

    public BigDecimal absenceHours(AbsenceReason reason) {
        return absence.getOrDefault(reason, BigDecimal.ZERO);
    }

    public BigDecimal totalAbsence() {
        return absence.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The hours add up (planned = attended + absence, docs/domain/introduction-programme.md#3e: attendance is the basis of payment, § 24);
     * no negative hours, at most 24 a day, at most two decimals (quarter hours need 0.25).
     */
    public List<Violation> check() {
        List<Violation> v = new ArrayList<>();
        hours("plannedHours", plannedHours, v);
        hours("attendedHours", attendedHours, v);
        absence.forEach((reason, h) -> hours("absence." + reason, h, v));
        if (v.isEmpty() && plannedHours.compareTo(attendedHours.add(totalAbsence())) != 0) {
            v.add(new Violation("attendedHours", "attendance.hours-add-up", "planned hours " + plannedHours
                    + " must equal attended " + attendedHours + " + absence " + totalAbsence()));
        }
        return v;
    }

    private static void hours(String field, BigDecimal h, List<Violation> v) {
        if (h == null) {
            v.add(new Violation(field, "attendance.hours-required", "hours are required"));
        } else if (h.signum() < 0 || h.compareTo(DAY) > 0) {
            v.add(new Violation(field, "attendance.hours-range", "hours must be between 0 and 24"));
        } else if (h.stripTrailingZeros().scale() > 2) {
            v.add(new Violation(field, "attendance.hours-precision", "hours have at most two decimals"));
        }
    }
}
