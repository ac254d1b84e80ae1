package no.nystart.grants.domain;

import java.time.MonthDay;
import java.util.List;

/**
 * The numbers of the grant rules. Each is the documented default; the unconfirmed ones are configuration
 * (docs/services/grant-accounting.md).
 *
 * @param childBelowAge            below this age at settlement a person gets the child rate AR-1 B (adult from 18)
 * @param elderlyFromAge           ELDR one-off from this age at settlement (docs/domain/grants.md#5b: "≥ 60 at settlement")
 * @param kindergartenUpToAge      BHT one-off up to and including this age at settlement (docs/domain/grants.md#5b: "0–5")
 * @param emChildBandUpToYearAge   EMINB up to and including the year the person turns this age (docs/domain/grants.md#5d: 0–16)
 * @param emUpToYearAge            EM grant up to and including the year the person turns this age (docs/domain/grants.md#5d: 20)
 * @param relocationMonthsKeptAfterMove moving municipality keeps the current and this many following months
 *                                 (docs/domain/grants.md#5b, [S]: 1)
 * @param payoutCutoffs            cut-off of each quarterly payout term Q1–Q4 (docs/domain/grants.md#5a: early April, early July,
 *                                 early October, mid December; exact days unconfirmed)
 */
public record GrantRules(
        int childBelowAge,
        int elderlyFromAge,
        int kindergartenUpToAge,
        int emChildBandUpToYearAge,
        int emUpToYearAge,
        int relocationMonthsKeptAfterMove,
        List<MonthDay> payoutCutoffs) {

    public GrantRules {
        if (payoutCutoffs.size() != 4) {
            throw new IllegalArgumentException("four payout terms (docs/domain/grants.md#5a), got " + payoutCutoffs);
        }
        for (int i = 1; i < 4; i++) {
            if (!payoutCutoffs.get(i).isAfter(payoutCutoffs.get(i - 1))) {
                throw new IllegalArgumentException("payout cut-offs must be in calendar order: " + payoutCutoffs);
            }
        }
        if (relocationMonthsKeptAfterMove < 0 || relocationMonthsKeptAfterMove > 11) {
            throw new IllegalArgumentException("months kept after a move must be 0-11");
        }
        payoutCutoffs = List.copyOf(payoutCutoffs);
    }

    public static GrantRules defaults() {
        return new GrantRules(18, 60, 5, 16, 20, 1,
                List.of(MonthDay.of(4, 1), MonthDay.of(7, 1), MonthDay.of(10, 1), MonthDay.of(12, 15)));
    }

    public GrantRules withRelocationMonthsKept(int months) {
        return new GrantRules(childBelowAge, elderlyFromAge, kindergartenUpToAge, emChildBandUpToYearAge, emUpToYearAge,
                months, payoutCutoffs);
    }

    public GrantRules withPayoutCutoffs(List<MonthDay> cutoffs) {
        return new GrantRules(childBelowAge, elderlyFromAge, kindergartenUpToAge, emChildBandUpToYearAge, emUpToYearAge,
                relocationMonthsKeptAfterMove, cutoffs);
    }
}
