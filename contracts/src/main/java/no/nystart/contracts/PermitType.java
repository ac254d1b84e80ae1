package no.nystart.contracts;

/** Residence permit type per the Immigration Act (utlendingsloven), as decided by UDI. */
public enum PermitType {
    /** Refugee status, utlendingsloven § 28. */
    REFUGEE,
    /** Resettlement refugee (overføringsflyktning), § 35. */
    RESETTLEMENT,
    /** Strong humanitarian grounds after asylum, § 38. */
    HUMANITARIAN,
    /** Limited permit as member of a family with children, § 38 (5). */
    FAMILY_MEMBER_OF_CHILD_FAMILY,
    /** Collective protection in a mass-flight situation, § 34. */
    COLLECTIVE_PROTECTION,
    /** Family immigration, chapter 6. */
    FAMILY_REUNIFICATION,
    /** Any other permit. */
    OTHER
}
