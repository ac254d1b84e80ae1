package no.nystart.settlement.domain.matching;

/**
 * What a solver found.
 *
 * @param status     OPTIMAL (proven), FEASIBLE (time limit reached; gap from the bound), or GREEDY_ONLY (the solver
 *                   found nothing better than the greedy start in time)
 * @param choice     per household (instance order) the index of its municipality, −1 when not placed
 * @param objective  the objective of {@code choice}
 * @param bestBound  the best proven upper bound on the optimum
 * @param greedyObjective the greedy baseline's objective on the same instance
 * @param solveMillis wall time of the solver
 */
public record MatchingResult(String status, int[] choice, long objective, long bestBound, long greedyObjective, long solveMillis) {

    /** Relative gap (bound − objective) / bound, 0 when the bound is 0. */
    public double gap() {
        return bestBound == 0 ? 0.0 : (double) (bestBound - objective) / bestBound;
    }
}
