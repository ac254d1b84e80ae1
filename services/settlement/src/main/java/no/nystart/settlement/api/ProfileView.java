package no.nystart.settlement.api;

import java.util.List;

/** source: STORED (PUT, possibly updated from programme results) or SYNTHETIC (generated, not real data). */
public record ProfileView(String municipality, String source, List<Integer> labourDemand, int resultRatePermille,
        int immigrantSharePermille, int completedProgrammes, int successfulProgrammes) {
}
