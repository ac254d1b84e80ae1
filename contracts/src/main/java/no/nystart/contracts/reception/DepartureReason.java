package no.nystart.contracts.reception;

/** Why a resident left the reception centre. */
public enum DepartureReason {
    /** Settled in a municipality. */
    SETTLED,
    /** Left Norway (return, transfer or departure). */
    LEFT_NORWAY,
    /** Any other reason. */
    OTHER
}
