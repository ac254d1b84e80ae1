package no.nystart.settlement.domain.matching;

import java.util.SplittableRandom;

/**
 * SYNTHETIC municipality profiles for demo, tests and benchmarks. NOT real data: every figure is drawn from a
 * pseudo-random generator seeded with the kommunenummer, so the set is the same on every machine and run. Used for a
 * municipality until a real profile is stored with {@code PUT /api/v1/municipalities/{k}/profile}.
 *
 * <p>Ranges: labour demand per STYRK-08 major group 0..9 uniform 0..1000 ‰ with two "strong" groups raised to
 * 600..1000 ‰; introduction-programme result rate 300..800 ‰; immigrant share 30..350 ‰.
 */
public final class SyntheticProfiles {
    public static final String MARK = "SYNTHETIC";

    private SyntheticProfiles() {
    }

    public static Profile forMunicipality(String kommunenummer) {
        SplittableRandom random = new SplittableRandom(0x5E77L * 1_000_003L + Integer.parseInt(kommunenummer));
        int[] demand = new int[Profile.GROUPS];
        for (int g = 0; g < Profile.GROUPS; g++) {
            demand[g] = random.nextInt(1001);
        }
        for (int i = 0; i < 2; i++) {
            demand[random.nextInt(Profile.GROUPS)] = 600 + random.nextInt(401);
        }
        return new Profile(demand, 300 + random.nextInt(501), 30 + random.nextInt(321));
    }
}
