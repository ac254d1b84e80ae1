package no.nystart.contracts.settlement;

/** Whether a move to another municipality was agreed. */
public enum RelocationType {
    /** Relocation agreed with the receiving municipality. */
    BY_AGREEMENT,
    /** The person moved on their own (secondary migration). */
    ON_OWN
}
