package no.nystart.contracts.reception;

/** Why a resident is exempted from mandatory training. */
public enum ExemptionReason {
    /** Particular health reasons. */
    HEALTH,
    /** Other weighty reasons (andre tungtveiende årsaker). */
    OTHER_WEIGHTY_REASON
}
