package no.nystart.introduction.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nystart.platform.validation.Violation;

/** Leave (forskrift kap. 4, docs/domain/introduction-programme.md#3e) and temporary suspension (stans, § 18, docs/domain/introduction-programme.md#3f). */
public final class PauseRules {
    /** § 18: a temporary suspension lasts at most 3 months. */
    public static final int MAX_TEMPORARY_SUSPENSION_MONTHS = 3;

    private PauseRules() {
    }

    /** How long a leave may last: working days, or months for the long ones; and whether benefit is paid. */
    public record Limit(int workingDays, int months, boolean withBenefit) {
    }

    /** The leave limits, configurable per type. */
    public record LeaveLimits(Map<LeaveType, Limit> limits) {
        public static LeaveLimits defaults() {
            Map<LeaveType, Limit> m = new EnumMap<>(LeaveType.class);
            m.put(LeaveType.PREGNANCY, new Limit(10, 0, true));      // forskrift § 11
            m.put(LeaveType.BIRTH_MOTHER, new Limit(20, 0, true));   // forskrift § 12
            m.put(LeaveType.BIRTH_FATHER, new Limit(7, 0, true));    // forskrift § 12
            m.put(LeaveType.CARE, new Limit(0, 10, false));          // [O] omsorgspermisjon up to 10 months
            m.put(LeaveType.LONG_ILLNESS, new Limit(0, 12, false));  // [O] without benefit up to 1 year
            m.put(LeaveType.WELFARE, new Limit(12, 0, true));        // [S] municipal practice
            return new LeaveLimits(m);
        }

        public Limit of(LeaveType type) {
            return limits.get(type);
        }
    }

    /**
     * A leave from {@code from} with the first day back {@code resumeOn}: the resume day is required and
     * after the start; the leave's working days (from … resumeOn − 1) within the limit of its type.
     */
    public static List<Violation> checkLeave(LeaveLimits limits, LeaveType type, LocalDate from, LocalDate resumeOn) {
        List<Violation> v = new ArrayList<>();
        if (type == null) {
            v.add(new Violation("leaveType", "integreringsforskriften-kap4.leave-type", "a leave needs its type"));
            return v;
        }
        if (resumeOn == null || !resumeOn.isAfter(from)) {
            v.add(new Violation("expectedResumeOn", "integreringsforskriften-kap4.leave-period",
                    "a leave needs a first day back after its first day"));
            return v;
        }
        Limit limit = limits.of(type);
        if (limit.months() > 0) {
            if (resumeOn.isAfter(from.plusMonths(limit.months()))) {
                v.add(new Violation("expectedResumeOn", "integreringsforskriften-kap4.leave-limit." + type,
                        type + " leave lasts at most " + limit.months() + " months"));
            }
        } else {
            int days = WorkingDays.between(from, resumeOn.minusDays(1));
            if (days > limit.workingDays()) {
                v.add(new Violation("expectedResumeOn", "integreringsforskriften-kap4.leave-limit." + type,
                        type + " leave lasts at most " + limit.workingDays() + " working days; this one is " + days));
            }
        }
        return v;
    }

    /** § 18: a temporary suspension needs a reason and ends at the latest 3 months after it starts. */
    public static List<Violation> checkTemporarySuspension(LocalDate from, LocalDate resumeOn, String reason) {
        List<Violation> v = new ArrayList<>();
        if (ProgrammeLength.blank(reason)) {
            v.add(new Violation("reason", "integreringsloven-18.reason", "a suspension needs a reason (saklig begrunnet)"));
        }
        if (resumeOn == null || !resumeOn.isAfter(from)) {
            v.add(new Violation("expectedResumeOn", "integreringsloven-18.temporary-period",
                    "a temporary suspension needs a first day back after its first day"));
        } else {
            temporaryMaximum("expectedResumeOn", from, resumeOn).ifPresent(v::add);
        }
        return v;
    }

    /**
     * § 18: a temporary suspension from {@code from} lasts at most 3 months, so its first day back is on or before
     * {@code from} + 3 months. The one place of the rule {@code integreringsloven-18.temporary-max-3-months}: checked when
     * the suspension is made (the expected day back) and when the participant resumes (the actual day back, {@code field}).
     */
    public static Optional<Violation> temporaryMaximum(String field, LocalDate from, LocalDate back) {
        LocalDate latest = from.plusMonths(MAX_TEMPORARY_SUSPENSION_MONTHS);
        if (!back.isAfter(latest)) {
            return Optional.empty();
        }
        return Optional.of(new Violation(field, "integreringsloven-18.temporary-max-3-months",
                "a temporary suspension lasts at most 3 months (back on or before " + latest + ")"));
    }
}
