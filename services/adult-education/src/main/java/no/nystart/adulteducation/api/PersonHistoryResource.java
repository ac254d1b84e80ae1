package no.nystart.adulteducation.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import no.nystart.adulteducation.service.PersonHistoryService;
import no.nystart.platform.history.PersonHistory;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;

/**
 * What adult education knows about one person, as timeline entries in date order, with the training deadline ahead
 * (the staff portal's person timeline). The readers of learners: municipal caseworkers of the learner's municipality
 * (a learner of another municipality is 404 like an unknown person, so the id reveals nothing); audited.
 */
@Path("/api/v1/persons/{personId}/history")
@RolesAllowed(Roles.MUNICIPAL_CASEWORKER)
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
