package no.nystart.settlement.domain.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import no.nystart.platform.validation.Municipalities;
import no.nystart.platform.validation.Municipality;
import org.junit.jupiter.api.Test;

/**
 * The matching model (docs/services/settlement.md): capacity per municipality, unaccompanied minors only against minor
 * places (docs/domain/settlement.md#2, "Enslige mindreårige"), households never split and placed at most once; CP-SAT's optimum equals
 * brute force on small instances.
 */
class MatchingSolverTest {
    private static final ScoreModel SCORES = new ScoreModel(Weights.DEFAULT);

    private static Profile profile(Random random) {
        int[] demand = new int[Profile.GROUPS];
        for (int g = 0; g < demand.length; g++) {
            demand[g] = random.nextInt(1001);
        }
        return new Profile(demand, random.nextInt(1001), random.nextInt(1001));
    }

    private static MatchingInstance randomInstance(Random random, int households, int municipalities) {
        List<HouseholdDemand> hs = new ArrayList<>();
        for (int h = 0; h < households; h++) {
            boolean minor = random.nextInt(5) == 0;
            int size = minor ? 1 + random.nextInt(2) : 1 + random.nextInt(5);
            List<Set<Integer>> groups = new ArrayList<>();
            for (int p = 0; p < (minor ? 0 : Math.min(size, 2)); p++) {
                Set<Integer> g = new HashSet<>();
                if (random.nextBoolean()) {
                    g.add(random.nextInt(10));
                    g.add(random.nextInt(10));
                }
                groups.add(g);
            }
            hs.add(new HouseholdDemand(UUID.randomUUID(), size, minor ? size : 0, groups));
        }
        List<MunicipalitySupply> ms = new ArrayList<>();
        for (int m = 0; m < municipalities; m++) {
            int capacity = random.nextInt(9);
            ms.add(new MunicipalitySupply(String.format("%04d", 1000 + m), capacity, Math.min(capacity, random.nextInt(3)), profile(random)));
        }
        return new MatchingInstance(hs, ms, SCORES);
    }

    /** Exhaustive optimum: every household to one of the municipalities or nowhere. */
    private static long bruteForce(MatchingInstance instance) {
        int nh = instance.households().size();
        int nm = instance.municipalities().size();
        int[] choice = new int[nh];
        java.util.Arrays.fill(choice, -1);
        long[] best = {Long.MIN_VALUE};
        search(instance, choice, 0, nm, new int[nm], new int[nm], 0, best);
        return best[0];
    }

    private static void search(MatchingInstance in, int[] choice, int h, int nm, int[] used, int[] usedMinors, long value, long[] best) {
        if (h == choice.length) {
            best[0] = Math.max(best[0], value);
            return;
        }
        choice[h] = -1;
        search(in, choice, h + 1, nm, used, usedMinors, value, best);
        HouseholdDemand household = in.households().get(h);
        for (int m = 0; m < nm; m++) {
            MunicipalitySupply s = in.municipalities().get(m);
            if (used[m] + household.size() <= s.capacity() && usedMinors[m] + household.unaccompaniedMinors() <= s.minorCapacity()) {
                used[m] += household.size();
                usedMinors[m] += household.unaccompaniedMinors();
                choice[h] = m;
                search(in, choice, h + 1, nm, used, usedMinors, value + in.score(h, m).total(), best);
                used[m] -= household.size();
                usedMinors[m] -= household.unaccompaniedMinors();
            }
        }
        choice[h] = -1;
    }

    @Test
    void the_solver_optimum_equals_brute_force_on_instances_of_up_to_8_households_and_4_municipalities() {
        Random random = new Random(20261128L);
        for (int round = 0; round < 60; round++) {
            MatchingInstance instance = randomInstance(random, 1 + random.nextInt(8), 1 + random.nextInt(4));
            MatchingResult result = CpSatMatcher.solve(instance, Duration.ofSeconds(10), 1);
            long optimum = bruteForce(instance);
            assertThat(result.status()).as("round %d", round).isEqualTo("OPTIMAL");
            assertThat(result.objective()).as("round %d", round).isEqualTo(optimum);
            assertThat(instance.evaluate(result.choice())).isEqualTo(result.objective());
            assertThat(result.bestBound()).isEqualTo(optimum);
            assertThat(result.greedyObjective()).isLessThanOrEqualTo(optimum);
        }
    }

    @Test
    void the_lagrangian_bound_and_the_lp_bound_are_never_below_the_brute_force_optimum_and_the_heuristic_never_above() {
        Random random = new Random(424242L);
        for (int round = 0; round < 60; round++) {
            MatchingInstance instance = randomInstance(random, 1 + random.nextInt(8), 1 + random.nextInt(4));
            long optimum = bruteForce(instance);
            LagrangianRelaxation lr = new LagrangianRelaxation(instance);
            int[] greedy = GreedyMatcher.solve(instance);
            lr.offer(greedy, instance.evaluate(greedy));
            lr.optimize(0.0, 300, System.nanoTime() + 10_000_000_000L);
            long lp = TransportationBound.compute(instance, lr);
            assertThat(lp).as("round %d: LP bound", round).isGreaterThanOrEqualTo(optimum);
            // the Lagrangian dual of the capacities is never below the LP relaxation
            assertThat(lr.bound()).as("round %d: Lagrangian bound", round).isGreaterThanOrEqualTo(lp);
            assertThat(lr.incumbentValue()).as("round %d: heuristic", round).isLessThanOrEqualTo(optimum);
            assertThat(instance.evaluate(lr.incumbent())).isEqualTo(lr.incumbentValue());
        }
    }

    @Test
    void the_reduced_model_keeps_the_optimum_and_its_bound_stays_valid_for_the_full_problem_when_pairs_are_dropped() {
        Random random = new Random(99L);
        for (int round = 0; round < 40; round++) {
            MatchingInstance instance = randomInstance(random, 1 + random.nextInt(8), 1 + random.nextInt(4));
            long optimum = bruteForce(instance);
            // reduced-cost fixing alone (no cap on pairs) never loses the optimum
            MatchingResult exact = CpSatMatcher.solve(instance, Duration.ofSeconds(10), 1, 0.0, 1_000_000, true);
            assertThat(exact.objective()).as("round %d", round).isEqualTo(optimum);
            assertThat(exact.status()).isEqualTo("OPTIMAL");
            assertThat(exact.bestBound()).isEqualTo(optimum);
            // with at most two pairs per household the model may miss the optimum, but the bound must still hold
            int cap = Math.max(1, instance.households().size() / 2);
            MatchingResult capped = CpSatMatcher.solve(instance, Duration.ofSeconds(10), 1, 0.0, cap, true);
            assertThat(instance.evaluate(capped.choice())).isEqualTo(capped.objective());
            assertThat(capped.objective()).as("round %d", round).isLessThanOrEqualTo(optimum);
            assertThat(capped.bestBound()).as("round %d", round).isGreaterThanOrEqualTo(optimum);
            assertThat(capped.objective()).isGreaterThanOrEqualTo(capped.greedyObjective());
        }
    }

    @Test
    void the_lp_guided_neighbourhood_stays_feasible_and_between_its_start_and_the_brute_force_optimum() {
        Random random = new Random(31337L);
        for (int round = 0; round < 40; round++) {
            MatchingInstance instance = randomInstance(random, 1 + random.nextInt(8), 1 + random.nextInt(4));
            long optimum = bruteForce(instance);
            LagrangianRelaxation lr = new LagrangianRelaxation(instance);
            TransportationBound.Lp lp = TransportationBound.solve(instance, lr);
            int[] start = GreedyMatcher.solve(instance);
            long startValue = instance.evaluate(start);
            int[] better = CpSatMatcher.neighbourhood(instance, lr, lp, start, System.nanoTime() + 10_000_000_000L, 1,
                    System.nanoTime());
            long value = instance.evaluate(better);
            assertThat(value).as("round %d", round).isBetween(startValue, optimum);
            assertThat(lp.bound()).isGreaterThanOrEqualTo(optimum);
        }
    }

    @Test
    void capacity_and_minor_places_are_never_exceeded_and_households_never_split_on_random_instances() {
        Random random = new Random(7L);
        for (int round = 0; round < 12; round++) {
            MatchingInstance instance = randomInstance(random, 10 + random.nextInt(40), 3 + random.nextInt(15));
            MatchingResult result = round % 2 == 0 ? CpSatMatcher.solve(instance, Duration.ofSeconds(1), 2)
                    : CpSatMatcher.solve(instance, Duration.ofSeconds(1), 2, 0.0, 3 * instance.households().size(), true);
            // evaluate throws when a municipality's persons or minors exceed its room; one index per household means
            // a household is placed whole in one municipality or not at all
            long value = instance.evaluate(result.choice());
            assertThat(value).isEqualTo(result.objective());
            assertThat(result.choice()).hasSize(instance.households().size());
            assertThat(result.objective()).isGreaterThanOrEqualTo(result.greedyObjective());
            assertThat(result.bestBound()).isGreaterThanOrEqualTo(result.objective());
            for (int h = 0; h < result.choice().length; h++) {
                int m = result.choice()[h];
                if (m >= 0 && instance.households().get(h).unaccompaniedMinors() > 0) {
                    assertThat(instance.municipalities().get(m).minorCapacity()).isPositive();
                }
            }
        }
    }

    @Test
    void an_unaccompanied_minor_is_placed_only_where_there_are_minor_places_domain_2() {
        Profile rich = new Profile(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, 1000, 0);
        Profile poor = new Profile(new int[10], 0, 1000);
        HouseholdDemand minor = new HouseholdDemand(UUID.randomUUID(), 1, 1, List.of());
        MatchingInstance instance = new MatchingInstance(List.of(minor),
                List.of(new MunicipalitySupply("0301", 10, 0, rich), new MunicipalitySupply("4601", 10, 1, poor)), SCORES);
        MatchingResult result = CpSatMatcher.solve(instance, Duration.ofSeconds(5), 1);
        assertThat(result.choice()).containsExactly(1);

        MatchingInstance noPlaces = new MatchingInstance(List.of(minor),
                List.of(new MunicipalitySupply("0301", 10, 0, rich)), SCORES);
        assertThat(CpSatMatcher.solve(noPlaces, Duration.ofSeconds(5), 1).choice()).containsExactly(-1);
        assertThatThrownBy(() -> noPlaces.evaluate(new int[] {0})).hasMessageContaining("minor places");
    }

    @Test
    void a_household_larger_than_any_remaining_room_is_not_placed_rather_than_split() {
        HouseholdDemand five = new HouseholdDemand(UUID.randomUUID(), 5, 0, List.of());
        Profile p = new Profile(new int[10], 500, 100);
        MatchingInstance instance = new MatchingInstance(List.of(five),
                List.of(new MunicipalitySupply("0301", 3, 0, p), new MunicipalitySupply("4601", 4, 0, p)), SCORES);
        MatchingResult result = CpSatMatcher.solve(instance, Duration.ofSeconds(5), 1);
        assertThat(result.choice()).containsExactly(-1);
        assertThat(result.objective()).isZero();
    }

    @Test
    void the_optimum_beats_greedy_where_first_come_best_available_blocks_a_better_fit() {
        // household A (adult, group 2) comes first and takes Oslo, the only place for B (group 7) with demand;
        // the optimum sends A to Bergen where group 2 is almost as much in demand
        int[] oslo = new int[10];
        oslo[2] = 1000;
        oslo[7] = 1000;
        int[] bergen = new int[10];
        bergen[2] = 900;
        HouseholdDemand a = new HouseholdDemand(UUID.randomUUID(), 1, 0, List.of(Set.of(2)));
        HouseholdDemand b = new HouseholdDemand(UUID.randomUUID(), 1, 0, List.of(Set.of(7)));
        MatchingInstance instance = new MatchingInstance(List.of(a, b), List.of(
                new MunicipalitySupply("0301", 1, 0, new Profile(oslo, 500, 200)),
                new MunicipalitySupply("4601", 1, 0, new Profile(bergen, 500, 200))), SCORES);
        int[] greedy = GreedyMatcher.solve(instance);
        assertThat(greedy).containsExactly(0, 1);
        MatchingResult result = CpSatMatcher.solve(instance, Duration.ofSeconds(5), 1);
        assertThat(result.choice()).containsExactly(1, 0);
        // greedy: A fit 1000 + B fit 0; optimum: A fit 900 + B fit 1000 → difference 5 · 900
        assertThat(result.objective() - result.greedyObjective()).isEqualTo(5L * 900);
    }

    @Test
    void the_score_is_the_documented_sum_of_placement_fit_programme_and_spread_per_member() {
        int[] demand = new int[10];
        demand[2] = 800;
        demand[5] = 300;
        Profile profile = new Profile(demand, 600, 150);
        // two adults with mapped competence (groups {2,5} and {5}) and one child
        HouseholdDemand household = new HouseholdDemand(UUID.randomUUID(), 3, 0, List.of(Set.of(2, 5), Set.of(5)));
        Score s = SCORES.score(household, profile);
        assertThat(s.placement()).isEqualTo(10L * 1000 * 3);
        assertThat(s.fit()).isEqualTo(5L * (800 + 300));
        assertThat(s.programme()).isEqualTo(3L * 600 * 3);
        assertThat(s.spread()).isEqualTo(2L * (1000 - 150) * 3);
        assertThat(s.total()).isEqualTo(30000 + 5500 + 5400 + 5100);
    }

    @Test
    void the_synthetic_profile_set_covers_all_357_municipalities_and_is_the_same_every_time() {
        List<Municipality> all = Municipalities.instance().all();
        assertThat(all).hasSize(357);
        for (Municipality m : all) {
            Profile p = SyntheticProfiles.forMunicipality(m.number());
            assertThat(p).isEqualTo(SyntheticProfiles.forMunicipality(m.number()));
            assertThat(p.resultRatePermille()).isBetween(300, 800);
            assertThat(p.immigrantSharePermille()).isBetween(30, 350);
        }
        assertThat(SyntheticProfiles.forMunicipality("0301")).isNotEqualTo(SyntheticProfiles.forMunicipality("4601"));
    }
}
