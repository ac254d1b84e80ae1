package no.nystart.adulteducation.domain;

/** Documentation behind an exemption (integreringsforskriften, docs/domain/adult-education.md#4d list a–e, plus others). */
public enum ExemptionDocumentation {
    /** a) B1 in all four sub-skills. */
    NORWEGIAN_TEST_B1_ALL_SKILLS,
    /** b) B1 on a test measuring written and oral skills (Norskprøve 3, Bergenstesten). */
    NORWEGIAN_TEST_B1_WRITTEN_AND_ORAL,
    /** c) Primary school grade 2 or better in Norwegian/Sami. */
    PRIMARY_SCHOOL_GRADE,
    /** d) Upper-secondary grade 2 or better in Norwegian/Sami. */
    UPPER_SECONDARY_GRADE,
    /** e) Approved prior learning (realkompetanse). */
    APPROVED_PRIOR_LEARNING,
    /** A passed social-studies test or equivalent documented knowledge. */
    SOCIAL_STUDIES_DOCUMENTATION,
    /** A medical certificate. */
    MEDICAL_CERTIFICATE,
    /** Other documentation of weighty reasons. */
    OTHER_WEIGHTY_REASONS
}
