package no.nystart.contracts;

/** The highest completed education of a person, as mapped or recorded (drives programme length and the Norwegian goal). */
public enum EducationLevel {
    /** Has not completed primary and lower-secondary school (grunnskole). */
    NO_COMPLETED_PRIMARY,
    /** Completed primary and lower-secondary school (grunnskole). */
    PRIMARY,
    /** Completed upper-secondary education (videregående opplæring) or equivalent. */
    UPPER_SECONDARY,
    /** Completed higher education (university or university college). */
    HIGHER
}
