package no.nystart.adulteducation.domain;

/** Legal basis of an exemption from training (integreringsloven § 29, docs/domain/adult-education.md#4d). */
public enum ExemptionBasis {
    /** Documented sufficient Norwegian or Sami skills: exemption from Norwegian training. */
    DOCUMENTED_NORWEGIAN_OR_SAMI_SKILLS,
    /** Documented knowledge of Norwegian society: exemption from social studies. */
    DOCUMENTED_SOCIAL_STUDIES_KNOWLEDGE,
    /** Special health reasons or other weighty reasons: either course. */
    HEALTH_OR_OTHER_WEIGHTY_REASONS
}
