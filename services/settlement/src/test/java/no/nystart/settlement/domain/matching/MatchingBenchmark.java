package no.nystart.settlement.domain.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * workers (2), seed (1), relative gap limit (0 = prove optimality; 0.001 = stop at a proven 0.1 %).
 */
public final class MatchingBenchmark {
    private MatchingBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
        double gapLimit = args.length > 4 ? Double.parseDouble(args[4]) : 0.0;
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
        // the native library is loaded once per process (the service loads it on its first run): not timed
        long loadStart = System.nanoTime();
        CpSatMatcher.loadNatives();
        long nativeLoadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long wallStart = System.nanoTime();
        MatchingResult result = CpSatMatcher.solve(instance, Duration.ofSeconds(seconds), workers, gapLimit);
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
        System.out.printf("households=%d municipalities=%d persons=%d seed=%d limit=%ds gapLimit=%.3f%% workers=%d status=%s "
                + "objective=%d bound=%d gap=%.4f%% greedy=%d optimum-vs-greedy=+%.3f%% wall=%d ms (native load before: %d ms) peakRSS=%d MB maxHeap=%d MB load=%s%n",
                n, supply.size(), persons, seed, seconds, gapLimit * 100, workers, result.status(), result.objective(),
                result.bestBound(), result.gap() * 100, result.greedyObjective(),
                (result.objective() - result.greedyObjective()) * 100.0 / result.greedyObjective(), wallMillis, nativeLoadMillis,
                peakRssMegabytes(), Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAverage());
    }

    /** Peak resident set size of this process (Java heap and the solver's native memory): VmHWM in /proc/self/status. */
    private static long peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
