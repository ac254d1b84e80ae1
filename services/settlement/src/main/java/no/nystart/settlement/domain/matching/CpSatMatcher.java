package no.nystart.settlement.domain.matching;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Solves the matching exactly as a 0/1 integer program with OR-Tools CP-SAT (Apache-2.0):
 *
 * <pre>
 *   maximize   Σ_h Σ_m score(h, m) · x[h, m]
 *   subject to Σ_m x[h, m] ≤ 1                         for every household h (never split, at most one place)
 *              Σ_h size(h) · x[h, m] ≤ capacity(m)       for every municipality m
 *              Σ_h minors(h) · x[h, m] ≤ minorPlaces(m)  for every municipality m
 *              x[h, m] ∈ {0, 1}, and only where h alone fits in m
 * </pre>
 * The greedy baseline is given as a hint, so the answer is never worse than greedy. With a time limit the solver
 * reports the best solution and the proven bound.
 */
public final class CpSatMatcher {
    /** At most this many household × municipality pairs go into the CP-SAT model. */
    static final int MAX_PAIRS = Integer.getInteger("settlement.matching.max-pairs", 20_000);
    /** The exact LP bound (min-cost flow) is computed up to this many household × municipality arcs. */
    static final long MAX_FLOW_ARCS = Long.getLong("settlement.matching.max-flow-arcs", 5_000_000L);
    /** The LP bound is waited for until this share of the time limit at most (then it counts only if ready at the end). */
    static final double LP_WAIT_SHARE = Double.parseDouble(System.getProperty("settlement.matching.lp-wait-share", "0.6"));
    /** Municipalities (besides its current and its LP place) a free household may take in the neighbourhood. */
    static final int NEIGHBOURHOOD_CANDIDATES = 8;
    /** CP-SAT is started only with at least this much of the time limit left. */
    static final double MIN_CP_SAT_SECONDS = 1.0;
    /** Share of the time limit the Lagrangian phase may use at most. */
    static final double LAGRANGIAN_SHARE = Double.parseDouble(System.getProperty("settlement.matching.lagrangian-share", "0.5"));
    /** Share of the time limit for improving the Lagrangian heuristic's assignment by moves and swaps. */
    static final double POLISH_SHARE = 0.05;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "matching-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static volatile boolean loaded;

    private CpSatMatcher() {
    }

    /** Loads OR-Tools' native library once per process (a one-off of about a second). */
    public static void loadNatives() {
        load();
    }

    private static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    public static MatchingResult solve(MatchingInstance instance, Duration timeLimit, int workers) {
        return solve(instance, timeLimit, workers, 0.0);
    }

    /**
     * Solves within the time limit, stopping early once the proven gap is at most {@code relativeGapLimit}
     * (0 = prove optimality). Steps: (1) greedy; (2) Lagrangian relaxation of the capacities: a valid bound L on the
     * FULL problem and a heuristic incumbent; (3) the reduced 0/1 model — per household only the municipalities whose
     * reduced-score margin is at most L − incumbent (reduced-cost fixing: no better solution uses another pair), capped
     * at {@code settlement.matching.max-pairs} pairs (pairs with the largest margins dropped, and their bound accounted for) — solved by
     * CP-SAT with the incumbent as hint; (4) the bound reported for the FULL problem is
     * {@code min(L, max(CP-SAT's bound on the reduced model, L − smallest dropped margin))}.
     */
    public static MatchingResult solve(MatchingInstance instance, Duration timeLimit, int workers, double relativeGapLimit) {
        return solve(instance, timeLimit, workers, relativeGapLimit, MAX_PAIRS, false);
    }

    /**
     * As above, with the cap on pairs in the CP-SAT model; {@code alwaysReduced} goes on to the reduced model even when
     * the Lagrangian phase has closed the gap (for tests of that path).
     */
    static MatchingResult solve(MatchingInstance instance, Duration timeLimit, int workers, double relativeGapLimit,
            int maxPairs, boolean alwaysReduced) {
        long started = System.nanoTime();
        int nh = instance.households().size();
        int nm = instance.municipalities().size();
        if (nh == 0 || nm == 0) {
            int[] none = new int[nh];
            Arrays.fill(none, -1);
            return new MatchingResult("OPTIMAL", none, 0, 0, 0, 0);
        }
        long limitNanos = Math.max(50_000_000L, timeLimit.toNanos());
        long deadline = started + limitNanos;
        LagrangianRelaxation lr = new LagrangianRelaxation(instance);
        int[] greedy = GreedyMatcher.solve(instance, lr::score);
        long greedyObjective = instance.evaluate(greedy);
        trace("score table and greedy", started);
        // the exact LP bound (min-cost flow) on a second thread while the Lagrangian runs on this one
        CompletableFuture<TransportationBound.Lp> lp = (long) nh * nm <= MAX_FLOW_ARCS
                ? CompletableFuture.supplyAsync(() -> TransportationBound.solve(instance, lr), CpSatMatcher::daemon)
                : CompletableFuture.completedFuture(TransportationBound.Lp.none(nh));

        lr.offer(greedy, greedyObjective);
        lr.optimize(relativeGapLimit, 5000, started + (long) (limitNanos * LAGRANGIAN_SHARE));
        lr.polish(started + (long) (limitNanos * (LAGRANGIAN_SHARE + POLISH_SHARE)));
        trace("lagrangian", started);
        TransportationBound.Lp relaxation = lp(lp, started + (long) (limitNanos * LP_WAIT_SHARE));
        trace("lp bound " + relaxation.bound(), started);
        if (relaxation.bound() != Long.MAX_VALUE) {
            // LP rounding, then moves and swaps
            lr.roundLp(relaxation.largestShare(), relaxation.whole());
            lr.polish(started + (long) (limitNanos * LP_WAIT_SHARE));
            trace("lp rounding and polish", started);
        }
        int[] incumbent = lr.incumbent();
        long incumbentValue = instance.evaluate(incumbent);
        long lagrangianBound = Math.min(lr.bound(), relaxation.bound());
        if (!alwaysReduced && (incumbentValue >= lagrangianBound || gap(lagrangianBound, incumbentValue) <= relativeGapLimit)) {
            return result(incumbentValue >= lagrangianBound ? "OPTIMAL" : "FEASIBLE", incumbent, incumbentValue,
                    lagrangianBound, greedyObjective, started);
        }

        if (!alwaysReduced && relaxation.bound() != Long.MAX_VALUE
                && (deadline - System.nanoTime()) / 1e9 >= 2 * MIN_CP_SAT_SECONDS) {
            // CP-SAT improves the assignment where the LP and the incumbent disagree (half the time left); the reduced
            // model below may then prove more
            long half = System.nanoTime() + (deadline - System.nanoTime()) / 2;
            int[] better = neighbourhood(instance, lr, relaxation, incumbent, half, workers, started);
            long betterValue = instance.evaluate(better);
            if (betterValue > incumbentValue) {
                incumbent = better;
                incumbentValue = betterValue;
            }
            if (incumbentValue >= lagrangianBound || gap(lagrangianBound, incumbentValue) <= relativeGapLimit) {
                return result(incumbentValue >= lagrangianBound ? "OPTIMAL" : "FEASIBLE", incumbent, incumbentValue,
                        lagrangianBound, greedyObjective, started);
            }
        }
        if ((deadline - System.nanoTime()) / 1e9 < 2 * MIN_CP_SAT_SECONDS) {
            // too little time left to build and solve the reduced model
            return result("FEASIBLE", incumbent, incumbentValue, lagrangianBound, greedyObjective, started);
        }
        // reduced-cost margins of every fitting pair under the best multipliers
        long scaledBound = lr.scaledBound();
        long delta = scaledBound - LagrangianRelaxation.SCALE * incumbentValue;
        long[] bestReduced = new long[nh];
        // per household at most perHousehold pairs, those with the smallest margins (ties with the first dropped one
        // are dropped too, so the cap holds)
        int perHousehold = Math.max(2, maxPairs / nh);
        long[] threshold = new long[nh];
        long[] margins = new long[nm];
        int candidates = 0;
        for (int h = 0; h < nh; h++) {
            bestReduced[h] = lr.bestReduced(h);
            int count = 0;
            for (int m = 0; m < nm; m++) {
                long r = lr.reduced(h, m);
                if (r != Long.MIN_VALUE && bestReduced[h] - r <= delta) {
                    margins[count++] = bestReduced[h] - r;
                }
            }
            candidates += count;
            threshold[h] = delta;
            if (count > perHousehold) {
                Arrays.sort(margins, 0, count);
                int last = perHousehold - 1;
                while (last >= 0 && margins[last] == margins[perHousehold]) {
                    last--;
                }
                threshold[h] = last >= 0 ? margins[last] : -1;
            }
        }
        long smallestDropped = Long.MAX_VALUE;
        load();
        trace("native load", started);
        CpModel model = new CpModel();
        BoolVar[][] x = new BoolVar[nh][nm];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        int kept = 0;
        for (int h = 0; h < nh; h++) {
            if ((h & 255) == 0 && (deadline - System.nanoTime()) / 1e9 < MIN_CP_SAT_SECONDS) {
                // building the model took the time: report the incumbent
                trace("model abandoned", started);
                return result("FEASIBLE", incumbent, incumbentValue, lagrangianBound, greedyObjective, started);
            }
            List<Literal> options = new ArrayList<>();
            for (int m = 0; m < nm; m++) {
                long r = lr.reduced(h, m);
                if (r == Long.MIN_VALUE) {
                    continue;
                }
                long margin = bestReduced[h] - r;
                if (margin > threshold[h]) {
                    smallestDropped = Math.min(smallestDropped, margin);
                    continue;
                }
                BoolVar v = model.newBoolVar("");
                x[h][m] = v;
                options.add(v);
                kept++;
                objective.addTerm(v, lr.score(h, m));
                model.addHint(v, incumbent[h] == m ? 1 : 0);
            }
            if (options.size() > 1) {
                model.addAtMostOne(options);
            }
        }
        // every solution that uses a dropped pair is worth at most L − its margin
        long droppedBound = smallestDropped == Long.MAX_VALUE ? Long.MIN_VALUE
                : Math.floorDiv(scaledBound - smallestDropped, LagrangianRelaxation.SCALE);
        for (int m = 0; m < nm; m++) {
            LinearExprBuilder persons = LinearExpr.newBuilder();
            LinearExprBuilder minors = LinearExpr.newBuilder();
            boolean anyMinor = false;
            long totalSize = 0;
            for (int h = 0; h < nh; h++) {
                if (x[h][m] != null) {
                    HouseholdDemand household = instance.households().get(h);
                    persons.addTerm(x[h][m], household.size());
                    totalSize += household.size();
                    if (household.unaccompaniedMinors() > 0) {
                        minors.addTerm(x[h][m], household.unaccompaniedMinors());
                        anyMinor = true;
                    }
                }
            }
            if (totalSize > instance.municipalities().get(m).capacity()) {
                model.addLessOrEqual(persons, instance.municipalities().get(m).capacity());
            }
            if (anyMinor) {
                model.addLessOrEqual(minors, instance.municipalities().get(m).minorCapacity());
            }
        }
        model.maximize(objective);

        trace("model", started);
        double remaining = (deadline - System.nanoTime()) / 1e9;
        if (remaining < MIN_CP_SAT_SECONDS) {
            // no time left for the solver to be of use: report the incumbent with the best full-problem bound
            return result(incumbentValue >= lagrangianBound ? "OPTIMAL" : "FEASIBLE", incumbent, incumbentValue,
                    lagrangianBound, greedyObjective, started);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(remaining * 0.9);
        solver.getParameters().setNumWorkers(Math.max(1, workers));
        solver.getParameters().setRandomSeed(17);
        solver.getParameters().setCpModelProbingLevel(0);
        solver.getParameters().setLinearizationLevel(2);
        if (relativeGapLimit > 0) {
            solver.getParameters().setRelativeGapLimit(relativeGapLimit);
        }
        solver.getParameters().setLogSearchProgress(Boolean.getBoolean("settlement.cpsat.log"));
        // a watchdog stops the search should the solver overrun its own limit (seen under heavy machine load)
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(solver::stopSearch, Math.max(1, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
        CpSolverStatus status;
        try {
            status = solver.solve(model);
        } finally {
            watchdog.cancel(false);
        }
        if (Boolean.getBoolean("settlement.matching.trace")) {
            System.out.printf("lagrangian: iterations=%d bound=%d incumbent=%d gap=%.4f%% pairs kept=%d of %d dropped-bound=%d"
                    + " cp-sat=%s %d bound %.0f%n", lr.iterations(), lagrangianBound, incumbentValue, lr.gap() * 100, kept,
                    candidates, droppedBound, status, status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE
                            ? (long) solver.objectiveValue() : -1, solver.bestObjectiveBound());
        }

        int[] choice = incumbent;
        long value = incumbentValue;
        long reducedBound = lagrangianBound;
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            int[] found = new int[nh];
            for (int h = 0; h < nh; h++) {
                found[h] = -1;
                for (int m = 0; m < nm; m++) {
                    if (x[h][m] != null && solver.booleanValue(x[h][m])) {
                        found[h] = m;
                        break;
                    }
                }
            }
            long foundValue = instance.evaluate(found);
            if (foundValue > value) {
                choice = found;
                value = foundValue;
            }
            reducedBound = status == CpSolverStatus.OPTIMAL ? foundValue
                    : (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
        } else if (status == CpSolverStatus.INFEASIBLE) {
            throw new IllegalStateException("the reduced matching model cannot be infeasible (nobody placed is feasible)");
        }
        long bound = Math.min(lagrangianBound, Math.max(reducedBound, droppedBound));
        bound = Math.max(bound, value);
        return result(value == bound ? "OPTIMAL" : "FEASIBLE", choice, value, bound, greedyObjective, started);
    }

    /**
     * LP-guided neighbourhood (a heuristic; the bound stays the LP's): households whose LP share is whole and equal to
     * their place in the incumbent keep it; every other household is free and CP-SAT places the free ones optimally
     * (within the time left) in the room the kept ones leave, with the incumbent as hint. The answer is feasible for
     * the full problem and never worse than the incumbent.
     */
    static int[] neighbourhood(MatchingInstance instance, LagrangianRelaxation lr, TransportationBound.Lp lp, int[] incumbent,
            long deadline, int workers, long started) {
        int nh = instance.households().size();
        int nm = instance.municipalities().size();
        int[] room = instance.capacities();
        int[] minorRoom = instance.minorCapacities();
        boolean[] free = new boolean[nh];
        for (int h = 0; h < nh; h++) {
            HouseholdDemand household = instance.households().get(h);
            free[h] = !lp.whole()[h] || lp.largestShare()[h] != incumbent[h] || incumbent[h] < 0;
            if (!free[h]) {
                room[incumbent[h]] -= household.size();
                minorRoom[incumbent[h]] -= household.unaccompaniedMinors();
            }
        }
        load();
        CpModel model = new CpModel();
        List<BoolVar> vars = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        LinearExprBuilder objective = LinearExpr.newBuilder();
        LinearExprBuilder[] persons = new LinearExprBuilder[nm];
        LinearExprBuilder[] minors = new LinearExprBuilder[nm];
        for (int h = 0; h < nh; h++) {
            if (!free[h]) {
                continue;
            }
            HouseholdDemand household = instance.households().get(h);
            List<Literal> options = new ArrayList<>();
            // candidates: its place in the incumbent, where the LP put most of it, and the best-scoring others with room
            int[] top = new int[NEIGHBOURHOOD_CANDIDATES];
            int found = 0;
            for (int m = 0; m < nm; m++) {
                if (lr.score(h, m) < 0 || household.size() > room[m] || household.unaccompaniedMinors() > minorRoom[m]) {
                    continue;
                }
                if (found < top.length) {
                    top[found++] = m;
                } else if (lr.score(h, m) > lr.score(h, top[found - 1])) {
                    top[found - 1] = m;
                } else {
                    continue;
                }
                for (int i = found - 1; i > 0 && lr.score(h, top[i]) > lr.score(h, top[i - 1]); i--) {
                    int t = top[i];
                    top[i] = top[i - 1];
                    top[i - 1] = t;
                }
            }
            java.util.LinkedHashSet<Integer> candidates = new java.util.LinkedHashSet<>();
            for (int m : new int[] {incumbent[h], lp.largestShare()[h]}) {
                if (m >= 0 && lr.score(h, m) >= 0 && household.size() <= room[m] && household.unaccompaniedMinors() <= minorRoom[m]) {
                    candidates.add(m);
                }
            }
            for (int i = 0; i < found; i++) {
                candidates.add(top[i]);
            }
            for (int m : candidates) {
                BoolVar v = model.newBoolVar("");
                options.add(v);
                vars.add(v);
                pairs.add(new int[] {h, m});
                objective.addTerm(v, lr.score(h, m));
                model.addHint(v, incumbent[h] == m ? 1 : 0);
                if (persons[m] == null) {
                    persons[m] = LinearExpr.newBuilder();
                    minors[m] = LinearExpr.newBuilder();
                }
                persons[m].addTerm(v, household.size());
                minors[m].addTerm(v, household.unaccompaniedMinors());
            }
            if (options.size() > 1) {
                model.addAtMostOne(options);
            }
        }
        for (int m = 0; m < nm; m++) {
            if (persons[m] != null) {
                model.addLessOrEqual(persons[m], room[m]);
                model.addLessOrEqual(minors[m], minorRoom[m]);
            }
        }
        model.maximize(objective);
        trace("neighbourhood model with " + pairs.size() + " pairs", started);
        double remaining = (deadline - System.nanoTime()) / 1e9;
        if (remaining < MIN_CP_SAT_SECONDS || pairs.isEmpty()) {
            return incumbent;
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(remaining * 0.9);
        solver.getParameters().setNumWorkers(Math.max(1, workers));
        solver.getParameters().setRandomSeed(17);
        solver.getParameters().setLogSearchProgress(Boolean.getBoolean("settlement.cpsat.log"));
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(solver::stopSearch, Math.max(1, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
        CpSolverStatus status;
        try {
            status = solver.solve(model);
        } finally {
            watchdog.cancel(false);
        }
        trace("neighbourhood " + status, started);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return incumbent;
        }
        int[] choice = incumbent.clone();
        for (int h = 0; h < nh; h++) {
            if (free[h]) {
                choice[h] = -1;
            }
        }
        for (int i = 0; i < pairs.size(); i++) {
            if (solver.booleanValue(vars.get(i))) {
                choice[pairs.get(i)[0]] = pairs.get(i)[1];
            }
        }
        return choice;
    }

    private static double gap(long bound, long value) {
        return bound <= 0 ? 0 : (double) (bound - value) / bound;
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "matching-lp-bound");
        thread.setDaemon(true);
        thread.start();
    }

    /** The LP optimum if it is ready before the deadline, otherwise "no bound". */
    private static TransportationBound.Lp lp(CompletableFuture<TransportationBound.Lp> future, long deadline) {
        try {
            return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return TransportationBound.Lp.none(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TransportationBound.Lp.none(0);
        } catch (ExecutionException e) {
            throw new IllegalStateException("LP bound failed", e.getCause());
        }
    }

    private static void trace(String phase, long started) {
        if (Boolean.getBoolean("settlement.matching.trace")) {
            System.out.printf("%s done at %d ms%n", phase, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static MatchingResult result(String status, int[] choice, long value, long bound, long greedyObjective, long started) {
        return new MatchingResult(status, choice, value, Math.max(bound, value), greedyObjective,
                (System.nanoTime() - started) / 1_000_000);
    }
}
