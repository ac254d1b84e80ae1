package no.nystart.introduction.domain;

import java.time.LocalDate;
import no.nystart.contracts.Regime;

/**
 * One effective-dated version of the target-group age limits (§ 8, docs/domain/introduction-programme.md#3a) and the programme
 * lengths (§ 13, docs/domain/introduction-programme.md#3b) of one regime. Lengths are in months.
 */
public record ProgrammeRuleSet(
        Regime regime,
        LocalDate effectiveFrom,
        int minAge,
        int maxAge,
        int minMonths,
        int maxMonthsUpperSecondaryBackground,
        int maxMonthsUpperSecondaryGoal,
        int maxMonthsOther,
        int extensionMonths,
        int extensionMonthsUpperSecondaryBackground,
        String source) {
}
