package no.nystart.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import no.nystart.platform.security.Roles;
import no.nystart.settlement.service.SettlementService;

@Path("/api/v1/persons/{id}/relocations")
@RolesAllowed(Roles.SETTLEMENT_OFFICER)
public class PersonResource {
    private final SettlementService settlement;

    public PersonResource(SettlementService settlement) {
        this.settlement = settlement;
    }

    public record RelocationView(UUID relocationId, UUID personId, String fromMunicipality, String toMunicipality,
            java.time.LocalDate movedOn, no.nystart.contracts.settlement.RelocationType relocationType) {
    }

    /** A settled person moved → PersonRelocated. */
    @POST
    public Uni<Response> relocate(@PathParam("id") UUID personId,
            @NotNull(message = "relocation.required: a body is required") @Valid RelocationRequest request) {
        return settlement.relocate(personId, request).map(r -> Response.status(201)
                .entity(new RelocationView(r.id, r.personId, r.fromMunicipality, r.toMunicipality, r.movedOn, r.relocationType))
                .build());
    }
}
