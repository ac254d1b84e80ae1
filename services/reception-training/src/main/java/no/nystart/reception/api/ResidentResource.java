package no.nystart.reception.api;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.reception.service.ResidentService;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/residents")
public class ResidentResource {
    private final ResidentService residents;
    private final Caller caller;

    public ResidentResource(ResidentService residents, Caller caller) {
        this.residents = residents;
        this.caller = caller;
    }

    /** Registers an arrival. Staff bound to a centre (claim {@code reception_centre}) register at their own centre only. */
    @POST
    @RolesAllowed(Roles.RECEPTION_STAFF)
    public Uni<RestResponse<ResidentView>> register(@Valid @NotNull RegisterResidentRequest request, UriInfo uri) {
        caller.receptionCentre().ifPresent(own -> {
            if (!own.equals(String.valueOf(request.receptionCentreId()))) {
                throw new ForbiddenException("You may only register residents at your own reception centre");
            }
        });
        return residents.register(request.toArrival(), caller.name())
                .map(saved -> RestResponse.ResponseBuilder.<ResidentView>create(RestResponse.Status.CREATED)
                        .location(uri.getAbsolutePathBuilder().path(saved.personId.toString()).build())
                        .entity(ResidentView.of(saved)).build());
    }

    @GET
    @Path("/{personId}")
    @RolesAllowed({Roles.RECEPTION_STAFF, Roles.SETTLEMENT_OFFICER})
    public Uni<ResidentView> get(@PathParam("personId") UUID personId) {
        return residents.get(personId).map(resident -> {
            if (!caller.hasRole(Roles.SETTLEMENT_OFFICER)) {
                caller.receptionCentre().ifPresent(own -> {
                    if (!own.equals(String.valueOf(resident.receptionCentreId))) {
                        throw new ForbiddenException("You may only see residents of your own reception centre");
                    }
                });
            }
            return ResidentView.of(resident);
        });
    }
}
