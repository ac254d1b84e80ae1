package no.nystart.settlement.domain.matching;

import java.util.Set;

/**
 * The documented, explainable score of placing a household in a municipality (docs/services/settlement.md;
 * criteria from docs/domain/settlement.md#2: results in the introduction programme, work opportunities, avoiding areas with a high
 * immigrant share). Per member, in per-mille points:
 *
 * <pre>
 *   placement = w_placement · 1000
 *   fit       = w_fit · max over the member's STYRK-08 major groups g of demand(m, g)   (0 without mapped competence)
 *   programme = w_programme · resultRate(m)
 *   spread    = w_spread · (1000 − immigrantShare(m))
 * </pre>
 * The household's score is the sum over its members. Every part is ≥ 0, so placing a household never lowers the
 * objective.
 */
public final class ScoreModel {
    private final Weights weights;

    public ScoreModel(Weights weights) {
        this.weights = weights;
    }

    public Weights weights() {
        return weights;
    }

    public Score score(HouseholdDemand household, Profile profile) {
        long fit = 0;
        for (Set<Integer> groups : household.memberOccupationGroups()) {
            int best = 0;
            for (int g : groups) {
                if (g >= 0 && g < Profile.GROUPS) {
                    best = Math.max(best, profile.demand(g));
                }
            }
            fit += best;
        }
        long n = household.size();
        return new Score(weights.placement() * 1000L * n, weights.fit() * fit,
                weights.programme() * (long) profile.resultRatePermille() * n,
                weights.spread() * (1000L - profile.immigrantSharePermille()) * n);
    }
}
