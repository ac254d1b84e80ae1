package no.nystart.settlement.domain;

/** Where a settlement case stands (docs/services/settlement.md). */
public enum CaseStatus {
    /** Registered in reception, no residence permit yet. */
    WAITING_FOR_PERMIT,
    /** Permit granted; may be matched to a municipality. */
    READY,
    /** A municipality was proposed by a matching run. */
    PROPOSED,
    SETTLED,
    CLOSED
}
