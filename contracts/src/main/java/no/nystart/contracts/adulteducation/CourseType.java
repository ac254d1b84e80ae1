package no.nystart.contracts.adulteducation;

/** A course a learner can be enrolled in. */
public enum CourseType {
    /** Norwegian language training. */
    NORWEGIAN,
    /** Social studies. */
    SOCIAL_STUDIES,
    /** Primary and lower-secondary education for adults. */
    PRIMARY_FOR_ADULTS,
    /** Upper-secondary education for adults. */
    UPPER_SECONDARY_FOR_ADULTS
}
