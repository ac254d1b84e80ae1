package no.nystart.contracts.reception;

/** Self-reported or assessed proficiency in a language at competence mapping. */
public enum LanguageProficiency {
    /** First language. */
    NATIVE,
    /** Fluent. */
    FLUENT,
    /** Good working knowledge. */
    GOOD,
    /** Basic knowledge. */
    BASIC
}
