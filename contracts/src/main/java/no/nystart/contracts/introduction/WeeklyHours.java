package no.nystart.contracts.introduction;

/** The full-time model of the programme (docs/domain/introduction-programme.md#3c). */
public enum WeeklyHours {
    /** 37.5 hours a week, no preparation time. */
    HOURS_37_5,
    /** 30 hours a week, with significant self-study. */
    HOURS_30
}
