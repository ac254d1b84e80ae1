package no.nystart.contracts.introduction;

/** Why an introduction programme is paused. */
public enum PauseReason {
    /** Leave granted under integreringsforskriften chapter 4 (e.g. birth, care, long illness). */
    LEAVE,
    /** Temporary suspension (stans) under § 18, at most three months. */
    TEMPORARY_SUSPENSION
}
