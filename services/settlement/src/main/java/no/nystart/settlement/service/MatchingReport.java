package no.nystart.settlement.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import no.nystart.settlement.domain.matching.Weights;

/** What a matching run reports (docs/services/settlement.md): objective, bound, greedy baseline, time, and per household the choice with the score's parts. */
public record MatchingReport(UUID runId, int year, String status, long objective, long bestBound, BigDecimal gapPercent,
        long greedyObjective, BigDecimal improvementOverGreedyPercent, long solveMillis, int households, int assignedHouseholds,
        int municipalitiesWithRoom, Weights weights, int syntheticProfiles, List<Assignment> assignments, List<UUID> unassigned) {

    public record Assignment(UUID householdId, int size, int unaccompaniedMinors, String municipality, long placement, long fit,
            long programme, long spread, long total) {
    }
}
