package no.nystart.settlement.api;

import java.time.LocalDate;

/** A decision with what has been settled and proposed against it. remaining = decided − settled − proposed. */
public record DecisionView(String municipality, String municipalityName, int year, int requestedTotal,
        int requestedUnaccompaniedMinors, int decidedTotal, int decidedUnaccompaniedMinors, LocalDate decidedOn,
        int settled, int settledUnaccompaniedMinors, int proposed, int proposedUnaccompaniedMinors, int remaining,
        int remainingUnaccompaniedMinors) {
}
