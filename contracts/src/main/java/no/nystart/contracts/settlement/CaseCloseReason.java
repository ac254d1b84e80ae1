package no.nystart.contracts.settlement;

/** Why a settlement case was closed without settlement through the scheme (mirrors settlement's case close reasons). */
public enum CaseCloseReason {
    /** The person left Norway (returned, moved on) before settlement. */
    LEFT_NORWAY,
    /** The person emigrated (registered as emigrated in the population register). */
    EMIGRATED,
    /** The person found a home outside the settlement scheme and is not to be settled through it. */
    SETTLED_OUTSIDE_SCHEME,
    /** The person died. */
    DECEASED,
    /** Any other reason (the officer's note stays in settlement; it is not published). */
    OTHER
}
