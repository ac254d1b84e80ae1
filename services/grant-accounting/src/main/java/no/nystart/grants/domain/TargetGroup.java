package no.nystart.grants.domain;

import java.util.Optional;
import java.util.Set;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.settlement.SettlementType;

/**
 * Who is in the target group of the integration grant (docs/domain/grants.md#5b, IMDi "Integreringstilskudd": refugees,
 * humanitarian after asylum, collective protection, resettlement refugees, settled by agreement or on their own;
 * their family immigrants; renewable limited permits for families with children only when settled by agreement;
 * not when the refugee was a Nordic citizen, not for other (temporary, non-renewable) permits).
 */
public final class TargetGroup {
    /** docs/domain/grants.md#5b: "refugee was Norwegian/Nordic citizen at application/decision" → not paid. */
    static final Set<String> NORDIC = Set.of("NOR", "SWE", "DNK", "FIN", "ISL");

    private TargetGroup() {
    }

    /** Empty when the person is in the target group; otherwise why not (recorded, never an error). */
    public static Optional<String> exclusionReason(SettledPerson person) {
        if (person.permitType() == PermitType.OTHER) {
            return Optional.of("docs/domain/grants.md#5b: permit type OTHER (temporary or non-renewable permit) is outside the "
                    + "target group of the integration grant");
        }
        if (person.permitType() == PermitType.FAMILY_MEMBER_OF_CHILD_FAMILY
                && person.settlementType() == SettlementType.SELF_SETTLED) {
            return Optional.of("docs/domain/grants.md#5b: a limited permit for a family with children (utlendingsloven § 38 (5)) "
                    + "is in the target group only when settled by agreement");
        }
        if (person.citizenship() != null && NORDIC.contains(person.citizenship())) {
            return Optional.of("docs/domain/grants.md#5b: Norwegian or Nordic citizen (" + person.citizenship()
                    + ") is outside the target group");
        }
        return Optional.empty();
    }
}
