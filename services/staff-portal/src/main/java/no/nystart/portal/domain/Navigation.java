package no.nystart.portal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The menu by role: a user sees only the pages the services will let that role use. A new area (the person
 * search and timeline, the municipal, grant and county pages) adds its entries here for its roles.
 */
public final class Navigation {
    public static final String RECEPTION_STAFF = "reception-staff";
    public static final String SETTLEMENT_OFFICER = "settlement-officer";

    /** One menu entry. */
    public record Entry(String path, String label) {
    }

    private Navigation() {
    }

    public static List<Entry> entries(Set<String> roles) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("/", "Arbeidsliste"));
        if (roles.contains(RECEPTION_STAFF)) {
            entries.add(new Entry("/beboere", "Beboere"));
            entries.add(new Entry("/beboere/ny", "Registrer ankomst"));
        }
        if (roles.contains(SETTLEMENT_OFFICER)) {
            entries.add(new Entry("/bosetting/saker", "Klare saker"));
            entries.add(new Entry("/bosetting/matching", "Matching"));
            entries.add(new Entry("/bosetting/kommuner", "Kommuner og vedtak"));
        }
        if (roles.contains(RECEPTION_STAFF) || roles.contains(SETTLEMENT_OFFICER)) {
            // the roles that see names, DUF numbers and national ids in the services that hold them
            entries.add(new Entry("/personer", "Personsøk"));
        }
        return entries;
    }
}
