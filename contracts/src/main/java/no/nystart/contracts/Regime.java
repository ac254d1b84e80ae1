package no.nystart.contracts;

/** Which law governs a person's integration rights and duties (docs/domain/README.md#0). */
public enum Regime {
    /** The Introduction Act of 2003, for persons under the transition rules. */
    INTRODUKSJONSLOVEN,
    /** The Integration Act, in force 1 January 2021. */
    INTEGRERINGSLOVEN,
    /** The temporary chapter 6A of the Integration Act for collective protection (utlendingsloven § 34). */
    KAP_6A
}
