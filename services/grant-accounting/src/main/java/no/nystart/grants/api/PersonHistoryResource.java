package no.nystart.grants.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import no.nystart.grants.service.PersonHistoryService;
import no.nystart.platform.history.PersonHistory;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;

/**
 * What grant accounting knows about one person, as timeline entries in date order (the staff portal's person
 * timeline). The readers of {@code GET /persons/{id}/claims}: grant officers, and municipal finance for persons with
 * figures in their municipality (a person without figures there is 404 like an unknown one); audited.
 */
@Path("/api/v1/persons/{personId}/history")
@RolesAllowed({Roles.GRANT_OFFICER, Roles.MUNICIPAL_FINANCE})
public class PersonHistoryResource {
    private final PersonHistoryService history;
    private final Caller caller;

    public PersonHistoryResource(PersonHistoryService history, Caller caller) {
        this.history = history;
        this.caller = caller;
    }

    @GET
    public Uni<PersonHistory> history(@PathParam("personId") UUID personId) {
        return history.history(personId, caller);
    }
}
