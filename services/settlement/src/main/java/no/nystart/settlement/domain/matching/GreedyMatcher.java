package no.nystart.settlement.domain.matching;

/**
 * The baseline the solver is measured against ("first come, best available"): households in the order they have
 * waited each take the municipality with the highest score that still has room for the whole household (ties: the
 * lower kommunenummer). This is how a manual, one-at-a-time practice behaves.
 */
public final class GreedyMatcher {
    private GreedyMatcher() {
    }

    /** Scores of household h in municipality m, for a caller that has them in a table already. */
    @FunctionalInterface
    public interface PairScore {
        long score(int h, int m);
    }

    public static int[] solve(MatchingInstance instance) {
        return solve(instance, (h, m) -> instance.score(h, m).total());
    }

    public static int[] solve(MatchingInstance instance, PairScore scores) {
        int nh = instance.households().size();
        int nm = instance.municipalities().size();
        int[] room = instance.capacities();
        int[] minorRoom = instance.minorCapacities();
        int[] choice = new int[nh];
        for (int h = 0; h < nh; h++) {
            HouseholdDemand household = instance.households().get(h);
            int best = -1;
            long bestScore = Long.MIN_VALUE;
            for (int m = 0; m < nm; m++) {
                if (household.size() <= room[m] && household.unaccompaniedMinors() <= minorRoom[m]) {
                    long s = scores.score(h, m);
                    if (s > bestScore) {
                        bestScore = s;
                        best = m;
                    }
                }
            }
            choice[h] = best;
            if (best >= 0) {
                room[best] -= household.size();
                minorRoom[best] -= household.unaccompaniedMinors();
            }
        }
        return choice;
    }
}
