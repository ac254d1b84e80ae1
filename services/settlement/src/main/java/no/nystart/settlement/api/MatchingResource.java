package no.nystart.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.settlement.service.MatchingService;

@Path("/api/v1/matching-runs")
@RolesAllowed(Roles.SETTLEMENT_OFFICER)
public class MatchingResource {
    private final MatchingService matching;
    private final Caller caller;

    public MatchingResource(MatchingService matching, Caller caller) {
        this.matching = matching;
        this.caller = caller;
    }

    /** Assigns READY households to municipalities with room, exactly (CP-SAT) → SettlementProposed per member. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> run(@NotNull(message = "matching.required: a body is required") @Valid MatchingRunRequest request,
            @Context UriInfo uri) {
        matching.checkYear(request.year());
        String user = caller.name();
        return matching.load(request.year())
                .chain(input -> matching.solve(input.instance(), request.timeLimitSeconds())
                        .chain(result -> matching.propose(request.year(), input, result, user)))
                .map(run -> Response.created(uri.getAbsolutePathBuilder().path(run.id.toString()).build())
                        .type(MediaType.APPLICATION_JSON).entity(run.report).build());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> get(@PathParam("id") UUID id) {
        return matching.get(id).map(run -> run.report);
    }
}
