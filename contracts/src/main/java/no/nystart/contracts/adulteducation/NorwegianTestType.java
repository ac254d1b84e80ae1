package no.nystart.contracts.adulteducation;

/** Which Norwegian test was taken (docs/domain/adult-education.md#4c). */
public enum NorwegianTestType {
    /** Norskprøve A1–B2: four sub-tests reading, listening, writing, oral. */
    NORSKPROVE_A1_B2,
    /** Norskprøve C1: two combined sub-tests; the levels are reported on all four skills they cover. */
    NORSKPROVE_C1
}
