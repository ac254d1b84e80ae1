package no.nystart.contracts.reception;

/** The asylum procedure a resident of a reception centre is in (docs/services/reception-training.md). */
public enum AsylumProcedure {
    NORMAL,
    FAST_TRACK,
    DUBLIN,
    COLLECTIVE_PROTECTION
}
