package no.nystart.contracts.reception;

/** A module of the mandatory training for asylum seekers in reception (docs/domain/reception.md#1a/1b). */
public enum TrainingModule {
    /** Norwegian language, 175 hours in both regimes. */
    NORWEGIAN,
    /** Social studies, 25 hours (Integration Act § 5, from 2021). */
    SOCIAL_STUDIES,
    /** Norwegian culture and values, 50 hours (Introduction Act § 20 a, registered 2018-09-01 to 2020-12-31). */
    CULTURE_AND_VALUES
}
