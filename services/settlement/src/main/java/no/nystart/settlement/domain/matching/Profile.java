package no.nystart.settlement.domain.matching;

import java.util.Arrays;

/**
 * What matching knows of a municipality (docs/services/settlement.md: labour demand, introduction-programme results,
 * immigrant share). All figures are per mille (0..1000) so that scores are exact integers.
 *
 * @param labourDemandPermille      demand per STYRK-08 major group 0..9 (index = the first digit of the code)
 * @param resultRatePermille        share of introduction-programme completers with outcome EMPLOYMENT or EDUCATION
 * @param immigrantSharePermille    immigrant share of the population
 */
public record Profile(int[] labourDemandPermille, int resultRatePermille, int immigrantSharePermille) {
    public static final int GROUPS = 10;

    public Profile {
        if (labourDemandPermille == null || labourDemandPermille.length != GROUPS) {
            throw new IllegalArgumentException("labour demand needs one figure per STYRK-08 major group 0..9");
        }
        labourDemandPermille = labourDemandPermille.clone();
        for (int d : labourDemandPermille) {
            requirePermille(d);
        }
        requirePermille(resultRatePermille);
        requirePermille(immigrantSharePermille);
    }

    private static void requirePermille(int value) {
        if (value < 0 || value > 1000) {
            throw new IllegalArgumentException("per mille figures lie in 0..1000, got " + value);
        }
    }

    public int demand(int majorGroup) {
        return labourDemandPermille[majorGroup];
    }

    /** Comma-separated, as stored. */
    public String demandText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            sb.append(i == 0 ? "" : ",").append(labourDemandPermille[i]);
        }
        return sb.toString();
    }

    public static int[] parseDemand(String text) {
        return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile p && Arrays.equals(labourDemandPermille, p.labourDemandPermille)
                && resultRatePermille == p.resultRatePermille && immigrantSharePermille == p.immigrantSharePermille;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labourDemandPermille) * 31 + resultRatePermille * 7 + immigrantSharePermille;
    }
}
