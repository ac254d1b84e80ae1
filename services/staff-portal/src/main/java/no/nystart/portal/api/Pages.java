package no.nystart.portal.api;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;

/** Shared bits of the page resources. */
final class Pages {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** The purpose the services' read audit records for a read made by the portal. */
    static final String PURPOSE = "staff-portal";

    private Pages() {
    }

    static LocalDate today() {
        return LocalDate.now(OSLO);
    }

    /** Post/redirect/get: the browser shows the saved state and a reload does not post again. */
    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
