package no.nystart.platform.security;

/** The staff and system roles of NyStart (docs/architecture.md, Users), as they appear in tokens. */
public final class Roles {
    public static final String RECEPTION_STAFF = "reception-staff";
    public static final String SETTLEMENT_OFFICER = "settlement-officer";
    public static final String MUNICIPAL_CASEWORKER = "municipal-caseworker";
    public static final String MUNICIPAL_FINANCE = "municipal-finance";
    public static final String GRANT_OFFICER = "grant-officer";
    public static final String COUNTY_ANALYST = "county-analyst";
    public static final String SYSTEM = "system";

    /** Claims that bind a user to an organisation. */
    public static final String CLAIM_MUNICIPALITY = "municipality";
    public static final String CLAIM_COUNTY = "county";
    public static final String CLAIM_RECEPTION_CENTRE = "reception_centre";

    private Roles() {
    }
}
