package no.nystart.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.platform.history.PersonHistory;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.settlement.service.PersonHistoryService;

/**
 * What settlement knows about one person, as timeline entries in date order (the staff portal's person timeline).
 * The readers of cases: settlement officers (national); other roles 403; unknown person 404; audited.
 */
@Path("/api/v1/persons/{personId}/history")
@RolesAllowed(Roles.SETTLEMENT_OFFICER)
public class PersonHistoryResource {
    private final PersonHistoryService history;
    private final Caller caller;
    private final Clock clock;

    public PersonHistoryResource(PersonHistoryService history, Caller caller, Clock clock) {
        this.history = history;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    public Uni<PersonHistory> history(@PathParam("personId") UUID personId) {
        return history.history(personId, caller, LocalDate.now(clock));
    }
}
