package no.nystart.contracts.adulteducation;

/** The right and/or duty to Norwegian and social-studies training (docs/domain/adult-education.md#4a). */
public enum Entitlement {
    /** Right and duty, Integration Act § 27. */
    RIGHT_AND_DUTY,
    /** Duty only, Integration Act § 28. */
    DUTY_ONLY,
    /** Right without duty (collective protection, § 37 d). */
    RIGHT_ONLY
}
