package no.nystart.adulteducation.domain;

import java.time.LocalDate;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.adulteducation.Entitlement;

/**
 * The last day of the right to free Norwegian training (docs/domain/adult-education.md#4b): 3 years from the start of
 * the right, 18 months with upper-secondary (VGO-level) education or higher, 12 months for
 * collective protection (§ 37 d, docs/domain/adult-education.md#4a); plus approved leave; never past the day before the
 * 67th birthday (rights end at 67, § 27).
 */
public final class TrainingDeadline {
    public static final int STANDARD_MONTHS = 36;
    public static final int UPPER_SECONDARY_MONTHS = 18;
    public static final int COLLECTIVE_PROTECTION_MONTHS = 12;

    private TrainingDeadline() {
    }

    public static boolean hasUpperSecondary(EducationLevel level) {
        return level == EducationLevel.UPPER_SECONDARY || level == EducationLevel.HIGHER;
    }

    /** Length of the right in months, before leave. */
    public static int months(Entitlement entitlement, EducationLevel educationLevel) {
        if (entitlement == Entitlement.RIGHT_ONLY) {
            return COLLECTIVE_PROTECTION_MONTHS;
        }
        return hasUpperSecondary(educationLevel) ? UPPER_SECONDARY_MONTHS : STANDARD_MONTHS;
    }

    /** The deadline before approved leave, as published in LearnerRightsEstablished. */
    public static LocalDate withoutLeave(Entitlement entitlement, EducationLevel educationLevel, LocalDate establishedOn,
            LocalDate birthDate) {
        return withLeave(entitlement, educationLevel, establishedOn, birthDate, 0);
    }

    /** The deadline extended by {@code approvedLeaveDays} days of approved leave (still capped at 67). */
    public static LocalDate withLeave(Entitlement entitlement, EducationLevel educationLevel, LocalDate establishedOn,
            LocalDate birthDate, long approvedLeaveDays) {
        if (approvedLeaveDays < 0) {
            throw new IllegalArgumentException("leave days cannot be negative");
        }
        LocalDate last = establishedOn.plusMonths(months(entitlement, educationLevel)).minusDays(1).plusDays(approvedLeaveDays);
        LocalDate dayBefore67 = birthDate.plusYears(TargetGroup.END_AGE).minusDays(1);
        return last.isAfter(dayBefore67) ? dayBefore67 : last;
    }
}
