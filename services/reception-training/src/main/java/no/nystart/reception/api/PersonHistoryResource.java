package no.nystart.reception.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.nystart.platform.history.PersonHistory;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.reception.service.PersonHistoryService;
import no.nystart.reception.service.ResidentService;

/**
 * What reception knows about one person, as timeline entries in date order (the staff portal's person timeline).
 * The same readers as {@code GET /residents/{id}}: reception staff (own centre when the {@code reception_centre}
 * claim is set; a resident of another centre is 404 like an unknown person) and settlement officers; audited.
 */
@Path("/api/v1/persons/{personId}/history")
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
    @RolesAllowed({Roles.RECEPTION_STAFF, Roles.SETTLEMENT_OFFICER})
    public Uni<PersonHistory> history(@PathParam("personId") UUID personId,
            @HeaderParam("X-Purpose") @DefaultValue("not stated") String purpose) {
        Optional<String> scope = caller.hasRole(Roles.SETTLEMENT_OFFICER) ? Optional.empty() : caller.receptionCentre();
        String roles = Stream.of(Roles.RECEPTION_STAFF, Roles.SETTLEMENT_OFFICER).filter(caller::hasRole)
                .collect(Collectors.joining(","));
        return history.history(personId, scope,
                new ResidentService.Reader(caller.name(), roles, "GET /api/v1/persons/" + personId + "/history", purpose),
                LocalDate.now(clock));
    }
}
