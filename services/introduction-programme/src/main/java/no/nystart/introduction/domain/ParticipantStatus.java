package no.nystart.introduction.domain;

/** Where a participant stands. */
public enum ParticipantStatus {
    /** In the target group or admitted; no § 12 decision yet. */
    REGISTERED,
    /** § 12 decision made, programme running. */
    ACTIVE,
    /** On leave or temporarily suspended (§ 18). */
    PAUSED,
    COMPLETED,
    DISCONTINUED
}
