package no.nystart.settlement.domain.matching;

import java.util.Arrays;

/**
 * The Lagrangian relaxation of the matching's capacity constraints, solved by subgradient steps. It gives, cheaply and
 * for the FULL problem, a valid upper bound on the optimum, the multipliers that score each household × municipality
 * pair ("reduced score"), and a Lagrangian heuristic (a feasible assignment guided by the multipliers).
 *
 * <p>For multipliers λ_m ≥ 0 (persons) and μ_m ≥ 0 (unaccompanied-minor places), with the reduced score
 * {@code r(h,m) = s(h,m) − λ_m·size(h) − μ_m·minors(h)} and {@code r*(h) = max(0, max_m r(h,m))}:
 * <pre>
 *   L(λ, μ) = Σ_h r*(h) + Σ_m (λ_m·capacity(m) + μ_m·minorPlaces(m))  ≥  objective(x)  for every feasible x
 * </pre>
 * because for a feasible x the added terms λ_m·(capacity − used) are ≥ 0. More precisely, for a feasible x that puts
 * household h in m: {@code objective(x) ≤ L − (r*(h) − r(h,m))}. So a pair whose margin r*(h) − r(h,m) exceeds
 * L − (a known objective) cannot be part of a better solution (reduced-cost fixing), and dropping pairs with margin ≥ d
 * from the model costs at most: every solution using one of them is worth ≤ L − d.
 *
 * <p>All arithmetic is exact: the multipliers are fixed-point integers (1/{@value #SCALE} score points per person), so
 * the bound is computed in {@code long} without rounding error.
 */
public final class LagrangianRelaxation {
    /** Fixed-point scale of the multipliers and reduced scores. */
    public static final long SCALE = 1024;

    private static final double THETA = Double.parseDouble(System.getProperty("settlement.matching.theta", "1.0"));
    /** Steps between two runs of the Lagrangian heuristic (it costs about eight steps; measured: every 25 steps gave a worse assignment). */
    private static final int HEURISTIC_EVERY = 10;
    private static final boolean TRACE = Boolean.getBoolean("settlement.matching.trace");
    private final int nh;
    private final int nm;
    /** score[h·nm + m], −1 where household h alone does not fit in m. */
    private final long[] score;
    private final int[] size;
    private final int[] minors;
    private final int[] capacity;
    private final int[] minorCapacity;

    private long[] lambda;
    private long[] mu;
    private long bestScaledBound = Long.MAX_VALUE;
    private long[] bestLambda;
    private long[] bestMu;
    private int[] incumbent;
    private long incumbentValue = -1;
    private int iterations;

    public LagrangianRelaxation(MatchingInstance instance) {
        nh = instance.households().size();
        nm = instance.municipalities().size();
        score = new long[nh * nm];
        size = new int[nh];
        minors = new int[nh];
        capacity = instance.capacities();
        minorCapacity = instance.minorCapacities();
        for (int h = 0; h < nh; h++) {
            size[h] = instance.households().get(h).size();
            minors[h] = instance.households().get(h).unaccompaniedMinors();
            for (int m = 0; m < nm; m++) {
                score[h * nm + m] = instance.fits(h, m) ? instance.score(h, m).total() : -1;
            }
        }
        lambda = new long[nm];
        mu = new long[nm];
        bestLambda = lambda.clone();
        bestMu = mu.clone();
    }

    public long score(int h, int m) {
        return score[h * nm + m];
    }

    /** Reduced score (scaled) under the best multipliers; {@code Long.MIN_VALUE} where h does not fit in m. */
    public long reduced(int h, int m) {
        return reduced(h, m, bestLambda, bestMu);
    }

    private long reduced(int h, int m, long[] lam, long[] mu) {
        long s = score[h * nm + m];
        return s < 0 ? Long.MIN_VALUE : SCALE * s - lam[m] * size[h] - mu[m] * minors[h];
    }

    /** r*(h), scaled, under the best multipliers: 0 (not placed) or the best reduced score. */
    public long bestReduced(int h) {
        long best = 0;
        for (int m = 0; m < nm; m++) {
            best = Math.max(best, reduced(h, m));
        }
        return best;
    }

    /** The best (smallest) valid upper bound found, scaled by {@link #SCALE}. */
    public long scaledBound() {
        return bestScaledBound;
    }

    /** The best valid upper bound found, in score points (rounded down: the optimum is an integer). */
    public long bound() {
        return Math.floorDiv(bestScaledBound, SCALE);
    }

    public int[] incumbent() {
        return incumbent == null ? null : incumbent.clone();
    }

    public long incumbentValue() {
        return incumbentValue;
    }

    public int iterations() {
        return iterations;
    }

    /** Offers a feasible assignment (e.g. greedy) as the incumbent; it also sets the subgradient step's target. */
    public void offer(int[] choice, long value) {
        if (value > incumbentValue) {
            incumbentValue = value;
            incumbent = choice.clone();
        }
    }

    /** L(λ, μ) scaled; fills choice with each household's Lagrangian choice (−1 = not placed). */
    private long evaluate(long[] lam, long[] mu, int[] choice) {
        long total = 0;
        for (int h = 0; h < nh; h++) {
            long best = 0;
            int bestM = -1;
            int base = h * nm;
            long sz = size[h];
            long mi = minors[h];
            for (int m = 0; m < nm; m++) {
                long s = score[base + m];
                if (s >= 0) {
                    long r = SCALE * s - lam[m] * sz - mu[m] * mi;
                    if (r > best) {
                        best = r;
                        bestM = m;
                    }
                }
            }
            choice[h] = bestM;
            total += best;
        }
        for (int m = 0; m < nm; m++) {
            total += lam[m] * capacity[m] + mu[m] * minorCapacity[m];
        }
        return total;
    }

    /**
     * Subgradient steps (Polyak step towards the incumbent's value, halved after 15 steps without a better bound) until
     * the relative gap between the bound and the incumbent is at most {@code gapLimit}, the step becomes negligible,
     * {@code maxIterations} are done or the deadline passes. Every 10 steps the Lagrangian heuristic may improve the
     * incumbent.
     */
    public void optimize(double gapLimit, int maxIterations, long deadlineNanos) {
        int[] choice = new int[nh];
        double theta = THETA;
        int sinceBetter = 0;
        double[] g = new double[nm];
        double[] gm = new double[nm];
        // the first step (λ = 0: the bound "every household at its best municipality") is always taken
        for (int it = 0; it < maxIterations && (it == 0 || System.nanoTime() < deadlineNanos); it++) {
            iterations++;
            long value = evaluate(lambda, mu, choice);
            if (value < bestScaledBound) {
                bestScaledBound = value;
                bestLambda = lambda.clone();
                bestMu = mu.clone();
                sinceBetter = 0;
            } else if (++sinceBetter >= 15) {
                theta /= 2;
                sinceBetter = 0;
            }
            if (it % HEURISTIC_EVERY == 0) {
                improveIncumbent(lambda, mu);
                if (TRACE) {
                    System.out.printf("it=%d L=%d best=%d inc=%d theta=%.5f%n", it, value / SCALE, bestScaledBound / SCALE,
                            incumbentValue, theta);
                }
            }
            if (gap() <= gapLimit || theta < 1e-4) {
                break;
            }
            Arrays.fill(g, 0);
            Arrays.fill(gm, 0);
            for (int m = 0; m < nm; m++) {
                g[m] = capacity[m];
                gm[m] = minorCapacity[m];
            }
            for (int h = 0; h < nh; h++) {
                int m = choice[h];
                if (m >= 0) {
                    g[m] -= size[h];
                    gm[m] -= minors[h];
                }
            }
            double norm = 0;
            for (int m = 0; m < nm; m++) {
                if (lambda[m] == 0 && g[m] > 0) {
                    g[m] = 0;
                }
                if (mu[m] == 0 && gm[m] > 0) {
                    gm[m] = 0;
                }
                norm += g[m] * g[m] + gm[m] * gm[m];
            }
            if (norm == 0) {
                // the Lagrangian choice is feasible and complementary: it is optimal, and improveIncumbent finds it
                improveIncumbent(lambda, mu);
                break;
            }
            double target = incumbentValue >= 0 ? incumbentValue * (double) SCALE : 0;
            double step = theta * Math.max(value - target, SCALE) / norm;
            for (int m = 0; m < nm; m++) {
                lambda[m] = Math.max(0, Math.round(lambda[m] - step * g[m]));
                mu[m] = Math.max(0, Math.round(mu[m] - step * gm[m]));
            }
        }
        improveIncumbent(bestLambda, bestMu);
    }

    /**
     * LP rounding: households whose LP share is whole keep their municipality; the others, in waiting order, go to
     * the municipality with most of their persons if it still has room, otherwise wherever they score most with room;
     * the result is offered as incumbent (polish improves it further).
     */
    public void roundLp(int[] largestShare, boolean[] whole) {
        int[] room = capacity.clone();
        int[] minorRoom = minorCapacity.clone();
        int[] choice = new int[nh];
        Arrays.fill(choice, -1);
        for (int pass = 0; pass < 2; pass++) {
            for (int h = 0; h < nh; h++) {
                int m = largestShare[h];
                if (choice[h] >= 0 || m < 0 || (pass == 0 && !whole[h])) {
                    continue;
                }
                if (size[h] <= room[m] && minors[h] <= minorRoom[m]) {
                    place(choice, room, minorRoom, h, m);
                }
            }
        }
        for (int h = 0; h < nh; h++) {
            if (choice[h] >= 0) {
                continue;
            }
            long best = 0;
            int bestM = -1;
            for (int m = 0; m < nm; m++) {
                if (size[h] <= room[m] && minors[h] <= minorRoom[m] && score(h, m) > best) {
                    best = score(h, m);
                    bestM = m;
                }
            }
            if (bestM >= 0) {
                place(choice, room, minorRoom, h, bestM);
            }
        }
        long value = 0;
        for (int h = 0; h < nh; h++) {
            if (choice[h] >= 0) {
                value += score(h, choice[h]);
            }
        }
        offer(choice, value);
    }

    /**
     * Improves the incumbent by single moves and by swaps of two households between municipalities (or between a
     * municipality and "not placed") while the real objective rises and capacity holds, until nothing improves or the
     * deadline passes.
     */
    public void polish(long deadlineNanos) {
        if (incumbent == null) {
            return;
        }
        int[] choice = incumbent.clone();
        int[] room = capacity.clone();
        int[] minorRoom = minorCapacity.clone();
        for (int h = 0; h < nh; h++) {
            if (choice[h] >= 0) {
                room[choice[h]] -= size[h];
                minorRoom[choice[h]] -= minors[h];
            }
        }
        boolean improved = true;
        while (improved && System.nanoTime() < deadlineNanos) {
            localSearch(choice, room, minorRoom);
            improved = false;
            for (int a = 0; a < nh && System.nanoTime() < deadlineNanos; a++) {
                int ma = choice[a];
                for (int b = a + 1; b < nh; b++) {
                    int mb = choice[b];
                    if (ma == mb) {
                        continue;
                    }
                    long before = (ma >= 0 ? score(a, ma) : 0) + (mb >= 0 ? score(b, mb) : 0);
                    long sa = mb >= 0 ? score(a, mb) : 0;
                    long sb = ma >= 0 ? score(b, ma) : 0;
                    if (sa < 0 || sb < 0 || sa + sb <= before) {
                        continue;
                    }
                    if (mb >= 0 && (room[mb] + size[b] < size[a] || minorRoom[mb] + minors[b] < minors[a])) {
                        continue;
                    }
                    if (ma >= 0 && (room[ma] + size[a] < size[b] || minorRoom[ma] + minors[a] < minors[b])) {
                        continue;
                    }
                    if (ma >= 0) {
                        room[ma] += size[a] - size[b];
                        minorRoom[ma] += minors[a] - minors[b];
                    }
                    if (mb >= 0) {
                        room[mb] += size[b] - size[a];
                        minorRoom[mb] += minors[b] - minors[a];
                    }
                    choice[a] = mb;
                    choice[b] = ma;
                    ma = mb;
                    improved = true;
                }
            }
        }
        long value = 0;
        for (int h = 0; h < nh; h++) {
            if (choice[h] >= 0) {
                value += score(h, choice[h]);
            }
        }
        if (TRACE) {
            System.out.printf("polish: %d (incumbent %d)%n", value, incumbentValue);
        }
        offer(choice, value);
    }

    /** Relative gap of the best bound to the incumbent. */
    public double gap() {
        long bound = bound();
        return bound <= 0 ? 0 : (double) (bound - Math.max(0, incumbentValue)) / bound;
    }

    /**
     * Lagrangian heuristic: households in order of decreasing regret (best minus second-best reduced score) take the
     * municipality with the best reduced score that still has room, if that score is positive; the room left is then
     * filled with the remaining households by their real score; finally single moves that raise the real score.
     */
    private void improveIncumbent(long[] lam, long[] mu) {
        long[] regret = new long[nh];
        Integer[] order = new Integer[nh];
        for (int h = 0; h < nh; h++) {
            long first = 0;
            long second = 0;
            for (int m = 0; m < nm; m++) {
                long r = reduced(h, m, lam, mu);
                if (r > first) {
                    second = first;
                    first = r;
                } else if (r > second) {
                    second = r;
                }
            }
            regret[h] = first - second;
            order[h] = h;
        }
        Arrays.sort(order, (a, b) -> Long.compare(regret[b], regret[a]));
        int[] room = capacity.clone();
        int[] minorRoom = minorCapacity.clone();
        int[] choice = new int[nh];
        Arrays.fill(choice, -1);
        for (int h : order) {
            long best = 0;
            int bestM = -1;
            for (int m = 0; m < nm; m++) {
                if (size[h] <= room[m] && minors[h] <= minorRoom[m]) {
                    long r = reduced(h, m, lam, mu);
                    if (r > best) {
                        best = r;
                        bestM = m;
                    }
                }
            }
            if (bestM >= 0) {
                place(choice, room, minorRoom, h, bestM);
            }
        }
        localSearch(choice, room, minorRoom);
        long value = 0;
        for (int h = 0; h < nh; h++) {
            if (choice[h] >= 0) {
                value += score(h, choice[h]);
            }
        }
        if (TRACE) {
            System.out.printf("lagrangian heuristic: %d (incumbent %d)%n", value, incumbentValue);
        }
        offer(choice, value);
    }

    private void place(int[] choice, int[] room, int[] minorRoom, int h, int m) {
        choice[h] = m;
        room[m] -= size[h];
        minorRoom[m] -= minors[h];
    }

    /** Moves single households (placed or not) to where they score more and fit, until nothing improves (≤ 5 passes). */
    private void localSearch(int[] choice, int[] room, int[] minorRoom) {
        for (int pass = 0; pass < 5; pass++) {
            boolean improved = false;
            for (int h = 0; h < nh; h++) {
                int current = choice[h];
                long currentScore = current >= 0 ? score(h, current) : 0;
                long best = currentScore;
                int bestM = -1;
                for (int m = 0; m < nm; m++) {
                    if (m != current && size[h] <= room[m] && minors[h] <= minorRoom[m]) {
                        long s = score(h, m);
                        if (s > best) {
                            best = s;
                            bestM = m;
                        }
                    }
                }
                if (bestM >= 0) {
                    if (current >= 0) {
                        room[current] += size[h];
                        minorRoom[current] += minors[h];
                    }
                    place(choice, room, minorRoom, h, bestM);
                    improved = true;
                }
            }
            if (!improved) {
                return;
            }
        }
    }
}
