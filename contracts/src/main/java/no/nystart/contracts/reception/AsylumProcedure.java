package no.nystart.contracts.reception;

/** The asylum procedure a resident of a reception centre is in (SERVICES.md, reception-training). */
public enum AsylumProcedure {
    NORMAL,
    FAST_TRACK,
    DUBLIN,
    COLLECTIVE_PROTECTION
}
