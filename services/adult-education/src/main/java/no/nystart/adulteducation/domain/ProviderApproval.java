package no.nystart.adulteducation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.nystart.platform.validation.Violation;

/**
 * The approval of a training provider (docs/domain/adult-education.md#4e, HK-dir): municipal adult-education centres are
 * approved providers; a private provider's approval lasts at most 3 years (approvedTo at the latest
 * the day before the third anniversary of approvedFrom) and covers the days from approvedFrom to
 * approvedTo inclusive. Only training at an approved provider counts.
 */
public record ProviderApproval(ProviderKind kind, String organisationNumber, LocalDate approvedFrom, LocalDate approvedTo) {
    public static final int MAX_YEARS = 3;

    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (kind == ProviderKind.PRIVATE) {
            OrganisationNumber.validate("organisationNumber", organisationNumber).ifPresent(violations::add);
            if (approvedFrom == null) {
                violations.add(new Violation("approvedFrom", "provider.approval-period-required",
                        "a private provider needs the first day of its approval"));
            }
            if (approvedTo == null) {
                violations.add(new Violation("approvedTo", "provider.approval-period-required",
                        "a private provider needs the last day of its approval"));
            }
            if (approvedFrom != null && approvedTo != null) {
                if (approvedTo.isBefore(approvedFrom)) {
                    violations.add(new Violation("approvedTo", "provider.approval-period-order",
                            "approvedTo " + approvedTo + " is before approvedFrom " + approvedFrom));
                } else if (approvedTo.isAfter(approvedFrom.plusYears(MAX_YEARS).minusDays(1))) {
                    violations.add(new Violation("approvedTo", "provider.approval-max-3-years",
                            "an approval lasts at most 3 years (docs/domain/adult-education.md#4e): the last day can be "
                                    + approvedFrom.plusYears(MAX_YEARS).minusDays(1)));
                }
            }
        } else if (organisationNumber != null) {
            OrganisationNumber.validate("organisationNumber", organisationNumber).ifPresent(violations::add);
        }
        return violations;
    }

    /** Does the approval cover {@code date}? Municipal centres always do. */
    public boolean covers(LocalDate date) {
        if (kind == ProviderKind.MUNICIPAL) {
            return true;
        }
        return approvedFrom != null && approvedTo != null && !date.isBefore(approvedFrom) && !date.isAfter(approvedTo);
    }
}
