package no.nystart.contracts.settlement;

/** How a person came into the settlement process. */
public enum ArrivalRoute {
    /** Asylum seeker granted a permit while living in reception. */
    ASYLUM,
    /** Resettlement refugee within the quota set by the Storting; skips reception. */
    RESETTLEMENT_QUOTA,
    /** Family member reunited with a settled person; skips reception. */
    FAMILY_REUNIFICATION
}
