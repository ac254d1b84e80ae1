package no.nystart.introduction.domain;

/** Content elements of an integration plan (docs/domain/introduction-programme.md#3c, 3d). */
public enum ContentElement {
    /** Opplæring i norsk og samfunnskunnskap. */
    NORWEGIAN_AND_SOCIAL_STUDIES,
    /** "Livsmestring i et nytt land" (integreringsforskriften § 2). */
    LIFE_SKILLS_IN_A_NEW_COUNTRY,
    /** Work-oriented element (arbeidsrettet), e.g. work practice. */
    WORK_ORIENTED,
    /** Education-oriented element (utdanningsrettet), e.g. primary or upper-secondary education. */
    EDUCATION_ORIENTED,
    /** Foreldreveiledning (integreringsforskriften § 3). */
    PARENTAL_GUIDANCE,
    /** Any other element. */
    OTHER
}
