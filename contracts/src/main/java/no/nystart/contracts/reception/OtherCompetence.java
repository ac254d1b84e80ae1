package no.nystart.contracts.reception;

/** Coded other relevant competence recorded at competence mapping (no free text in events). */
public enum OtherCompetence {
    /** Holds a driving licence. */
    DRIVING_LICENCE,
    /** Basic digital skills. */
    DIGITAL_SKILLS,
    /** Holds a trade or journeyman certificate. */
    CERTIFIED_TRADE,
    /** Has run a business. */
    ENTREPRENEURSHIP,
    /** Volunteer or organisational experience. */
    VOLUNTEER_WORK,
    /** Other relevant competence. */
    OTHER
}
