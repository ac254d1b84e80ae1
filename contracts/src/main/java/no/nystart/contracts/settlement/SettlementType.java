package no.nystart.contracts.settlement;

/** How a person was settled (docs/domain/settlement.md#2). */
public enum SettlementType {
    /** Settled by agreement between IMDi and the municipality. */
    BY_AGREEMENT,
    /** Found housing on their own, with agreement (avtalt selvbosetting). */
    SELF_SETTLED_BY_AGREEMENT,
    /** Settled on their own without agreement (no claim to the introduction programme). */
    SELF_SETTLED
}
