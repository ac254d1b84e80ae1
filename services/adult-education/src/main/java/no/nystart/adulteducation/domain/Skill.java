package no.nystart.adulteducation.domain;

/** The four skills of the Norwegian tests A1–B2 (integreringsforskriften § 34, docs/domain/adult-education.md#4c). */
public enum Skill {
    READING,
    LISTENING,
    WRITING,
    ORAL
}
