package no.nystart.contracts;

/** A level of the Common European Framework of Reference for Languages as used by the Norwegian tests (docs/domain/adult-education.md#4c). */
public enum CefrLevel {
    /** Below A1. */
    BELOW_A1,
    /** A1. */
    A1,
    /** A2. */
    A2,
    /** B1. */
    B1,
    /** B2. */
    B2,
    /** C1. */
    C1
}
