package no.nystart.contracts.introduction;

/** The final goal (sluttmål) of an introduction programme (docs/domain/introduction-programme.md#3b). */
public enum FinalGoal {
    /** Ordinary employment. */
    EMPLOYMENT,
    /** Completed upper-secondary education. */
    UPPER_SECONDARY_COMPLETED,
    /** Completed (parts of) primary and lower-secondary education for adults. */
    PRIMARY_COMPLETED,
    /** Admission to or completion of higher education. */
    HIGHER_EDUCATION,
    /** Another goal set in the integration plan. */
    OTHER
}
