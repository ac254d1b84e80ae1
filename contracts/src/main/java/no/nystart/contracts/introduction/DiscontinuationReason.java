package no.nystart.contracts.introduction;

/** Why an introduction programme ended before completion. */
public enum DiscontinuationReason {
    /** Permanent suspension (stans) under § 18. */
    PERMANENT_SUSPENSION,
    /** The participant withdrew or declined further participation. */
    PARTICIPANT_WITHDREW,
    /** The participant left Norway. */
    LEFT_NORWAY,
    /** Any other reason. */
    OTHER
}
