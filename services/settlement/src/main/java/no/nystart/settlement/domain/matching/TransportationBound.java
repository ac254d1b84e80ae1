package no.nystart.settlement.domain.matching;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/**
 * The exact LP-relaxation bound of the matching, computed as a min-cost flow (OR-Tools, Apache-2.0).
 *
 * <p>In the LP relaxation a household may be split, and since it uses {@code size(h)} persons of capacity wherever it
 * goes, the LP becomes a transportation problem in persons: y[h,m] = size(h)·x[h,m] persons of household h go to m,
 * each worth score(h,m)/size(h). Network: household h supplies size(h) persons; arcs h → m (only where h alone fits,
 * unit value score(h,m)/size(h)), h → "not placed" (value 0), m → sink (capacity(m)). Households made only of
 * unaccompanied minors go through a node m' with an arc m' → m of capacity minorPlaces(m), which is exactly their
 * minor-place constraint; for a household that mixes minors and others the minor-place constraint is dropped — a
 * relaxation, so the value stays a valid upper bound. Values are scaled by the least common multiple of the sizes so
 * that every unit cost is an integer and the optimum is exact.
 */
public final class TransportationBound {
    private TransportationBound() {
    }

    /**
     * The LP optimum: its value rounded down (a valid bound on the integer optimum, or {@link Long#MAX_VALUE} when it
     * could not be computed exactly) and per household the municipality that got most of its persons (−1: none), the
     * start of an LP-rounding heuristic.
     */
    public record Lp(long bound, int[] largestShare, boolean[] whole) {
        static Lp none(int households) {
            int[] none = new int[households];
            java.util.Arrays.fill(none, -1);
            return new Lp(Long.MAX_VALUE, none, new boolean[households]);
        }
    }

    /** The LP bound only. */
    public static long compute(MatchingInstance instance, LagrangianRelaxation scores) {
        return solve(instance, scores).bound();
    }

    public static Lp solve(MatchingInstance instance, LagrangianRelaxation scores) {
        CpSatMatcher.loadNatives();
        int nh = instance.households().size();
        int nm = instance.municipalities().size();
        long lcm = 1;
        long persons = 0;
        long maxScore = 0;
        for (int h = 0; h < nh; h++) {
            int size = instance.households().get(h).size();
            lcm = lcm / gcd(lcm, size) * size;
            persons += size;
            if (lcm > 1_000_000) {
                return Lp.none(nh);
            }
            for (int m = 0; m < nm; m++) {
                maxScore = Math.max(maxScore, scores.score(h, m));
            }
        }
        // the solver scales costs internally by the number of nodes; stay far from overflow
        double range = (double) maxScore * lcm * persons * (nh + 2.0 * nm + 1);
        if (range > 1e17) {
            return Lp.none(nh);
        }
        MinCostFlow flow = new MinCostFlow(nh + 2 * nm + 1, nh * (nm + 1) + 2 * nm);
        int sink = nh + 2 * nm;
        int[] arc = new int[nh * nm];
        for (int h = 0; h < nh; h++) {
            HouseholdDemand household = instance.households().get(h);
            int size = household.size();
            boolean onlyMinors = household.unaccompaniedMinors() == size;
            flow.setNodeSupply(h, size);
            flow.addArcWithCapacityAndUnitCost(h, sink, size, 0);
            for (int m = 0; m < nm; m++) {
                long s = scores.score(h, m);
                arc[h * nm + m] = -1;
                if (s >= 0) {
                    // minimising cost = −value; value per person = s / size, scaled by lcm
                    arc[h * nm + m] = flow.addArcWithCapacityAndUnitCost(h, onlyMinors ? nh + nm + m : nh + m, size,
                            -(s * (lcm / size)));
                }
            }
        }
        for (int m = 0; m < nm; m++) {
            flow.addArcWithCapacityAndUnitCost(nh + m, sink, instance.municipalities().get(m).capacity(), 0);
            flow.addArcWithCapacityAndUnitCost(nh + nm + m, nh + m, instance.municipalities().get(m).minorCapacity(), 0);
        }
        flow.setNodeSupply(sink, -persons);
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            return Lp.none(nh);
        }
        int[] largest = new int[nh];
        boolean[] whole = new boolean[nh];
        for (int h = 0; h < nh; h++) {
            long most = 0;
            largest[h] = -1;
            for (int m = 0; m < nm; m++) {
                if (arc[h * nm + m] >= 0) {
                    long share = flow.getFlow(arc[h * nm + m]);
                    if (share > most) {
                        most = share;
                        largest[h] = m;
                    }
                }
            }
            whole[h] = most == instance.households().get(h).size();
        }
        // the LP optimum is −cost / lcm; the integer optimum is ≤ its floor
        return new Lp(Math.floorDiv(-flow.getOptimalCost(), lcm), largest, whole);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
