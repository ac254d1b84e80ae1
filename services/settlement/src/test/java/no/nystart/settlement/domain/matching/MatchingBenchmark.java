package no.nystart.settlement.domain.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import no.nystart.platform.validation.Municipalities;
import no.nystart.platform.validation.Municipality;

/**
 * Rerunnable matching benchmark on SYNTHETIC data (not a test; run with {@code main}): N households against all 357
 * municipalities with their synthetic profiles. Households: size 1..6 (40 % singles), 3 % unaccompanied minors, adults
 * with 0..2 STYRK-08 major groups; each municipality's capacity is drawn so the total room is about 1.1 × the persons,
 * minor places only in one municipality of five. Arguments: households (default 1000), time limit seconds (30),
 * workers (2), seed (1).
 */
public final class MatchingBenchmark {
    private MatchingBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
        Random random = new Random(seed);
        List<HouseholdDemand> households = new ArrayList<>();
        int persons = 0;
        for (int h = 0; h < n; h++) {
            boolean minor = random.nextInt(100) < 3;
            int size = minor ? 1 : random.nextInt(10) < 4 ? 1 : 2 + random.nextInt(5);
            List<Set<Integer>> groups = new ArrayList<>();
            for (int a = 0; a < (minor ? 0 : Math.min(size, 2)); a++) {
                Set<Integer> g = new HashSet<>();
                for (int k = random.nextInt(3); k > 0; k--) {
                    g.add(random.nextInt(10));
                }
                groups.add(g);
            }
            households.add(new HouseholdDemand(UUID.randomUUID(), size, minor ? 1 : 0, groups));
            persons += size;
        }
        List<Municipality> all = Municipalities.instance().all();
        List<MunicipalitySupply> supply = new ArrayList<>();
        int mean = Math.max(1, (int) Math.round(persons * 1.1 / all.size()));
        for (Municipality m : all) {
            int capacity = random.nextInt(2 * mean + 1);
            int minors = random.nextInt(5) == 0 ? Math.min(capacity, 1 + random.nextInt(3)) : 0;
            supply.add(new MunicipalitySupply(m.number(), capacity, minors, SyntheticProfiles.forMunicipality(m.number())));
        }
        MatchingInstance instance = new MatchingInstance(households, supply, new ScoreModel(Weights.DEFAULT));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        MatchingResult result = CpSatMatcher.solve(instance, Duration.ofSeconds(seconds), workers);
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("households=%d persons=%d municipalities=%d status=%s objective=%d bound=%d gap=%.4f%% greedy=%d "
                + "optimum-vs-greedy=+%.3f%% solve=%d ms javaHeapDelta=%d MB (native solver memory not included)%n",
                n, persons, supply.size(), result.status(), result.objective(), result.bestBound(), result.gap() * 100,
                result.greedyObjective(), (result.objective() - result.greedyObjective()) * 100.0 / result.greedyObjective(),
                result.solveMillis(), Math.max(0, after - before) / (1024 * 1024));
    }
}
