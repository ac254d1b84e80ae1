package no.nystart.contracts.introduction;

/** The outcome of a completed introduction programme. */
public enum ProgrammeOutcome {
    /** Goes on to work. */
    EMPLOYMENT,
    /** Goes on to education. */
    EDUCATION,
    /** Work and education combined. */
    COMBINED,
    /** Any other outcome. */
    OTHER
}
