package no.nystart.grants.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.nystart.contracts.grants.GrantCode;

/**
 * The year-1 claims of a settled person, paid in full to the settlement municipality once settled
 * (docs/domain/grants.md#5b "year 1 = calendar year of settlement … year 1 paid in full once settled").
 */
public final class YearOneClaims {
    private YearOneClaims() {
    }

    /** The decision: the claims, or the reason the person triggers nothing. */
    public record Decision(List<ClaimLine> claims, Optional<String> exclusionReason) {
    }

    public static Decision decide(SettledPerson person, GrantRules rules) {
        Optional<String> excluded = TargetGroup.exclusionReason(person);
        if (excluded.isPresent()) {
            return new Decision(List.of(), excluded);
        }
        int year = person.settlementYear();
        int age = person.ageAtSettlement();
        PayoutTerm term = PayoutTerm.firstOnOrAfter(person.settledOn(), rules);
        List<ClaimLine> claims = new ArrayList<>();
        // docs/domain/grants.md#5a/5b: AR-1 B child, AR-1 EV single adult (a household of one adult), AR-1 adult in a family
        GrantCode integration;
        if (age < rules.childBelowAge()) {
            integration = GrantCode.AR_1_B;
        } else if (person.householdSize() == 1) {
            integration = GrantCode.AR_1_EV;
        } else {
            integration = GrantCode.AR_1;
        }
        claims.add(new ClaimLine(integration, year, 1, term, 1, 1));
        // docs/domain/grants.md#5b: eldretilskudd, one-off for persons ≥ 60 at settlement
        if (age >= rules.elderlyFromAge()) {
            claims.add(new ClaimLine(GrantCode.ELDR, year, null, term, 1, 1));
        }
        // docs/domain/grants.md#5b: barnehagetilskudd, one-off for children 0-5
        if (age <= rules.kindergartenUpToAge()) {
            claims.add(new ClaimLine(GrantCode.BHT, year, null, term, 1, 1));
        }
        // docs/domain/grants.md#5d: særskilt tilskudd EM, in addition to the integration grant, from the settlement year
        if (person.unaccompaniedMinor()) {
            SpecialGrantBand.forYear(person.birthDate(), year, rules)
                    .ifPresent(code -> claims.add(new ClaimLine(code, year, 1, term, 1, 1)));
        }
        return new Decision(List.copyOf(claims), Optional.empty());
    }
}
