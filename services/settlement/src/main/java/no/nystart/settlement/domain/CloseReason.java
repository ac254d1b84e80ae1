package no.nystart.settlement.domain;

/** Why a settlement case was closed without settlement by agreement (docs/services/settlement.md: case state CLOSED). */
public enum CloseReason {
    /** The person left Norway (returned, moved on) before settlement. */
    LEFT_NORWAY,
    /** The person emigrated (registered as emigrated in the population register). */
    EMIGRATED,
    /** The person found a home outside the settlement scheme and is not to be settled through it. */
    SETTLED_OUTSIDE_SCHEME,
    /** The person died. */
    DECEASED,
    /** Any other reason; a note is required. */
    OTHER
}
