package no.nystart.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.settlement.service.MunicipalityService;

@Path("/api/v1/municipalities/{k}")
public class MunicipalityResource {
    private final MunicipalityService municipalities;
    private final Caller caller;

    public MunicipalityResource(MunicipalityService municipalities, Caller caller) {
        this.municipalities = municipalities;
        this.caller = caller;
    }

    /** IMDi's request and the council's decision for a year → MunicipalityDecisionRegistered. */
    @PUT
    @Path("/settlement-decisions/{year}")
    @RolesAllowed(Roles.SETTLEMENT_OFFICER)
    public Uni<DecisionView> putDecision(@PathParam("k") String k, @PathParam("year") int year,
            @NotNull(message = "decision.required: a body is required") @Valid DecisionRequest request) {
        return municipalities.putDecision(k, year, request, caller.name());
    }

    /** Decided, settled, proposed and remaining. County analysts see their own county. */
    @GET
    @Path("/settlement-decisions/{year}")
    @RolesAllowed({Roles.SETTLEMENT_OFFICER, Roles.COUNTY_ANALYST})
    public Uni<DecisionView> getDecision(@PathParam("k") String k, @PathParam("year") int year) {
        MunicipalityService.known(k);
        caller.requireMunicipality(k);
        return municipalities.getDecision(k, year);
    }

    @PUT
    @Path("/profile")
    @RolesAllowed(Roles.SETTLEMENT_OFFICER)
    public Uni<ProfileView> putProfile(@PathParam("k") String k,
            @NotNull(message = "profile.required: a body is required") @Valid ProfileRequest request) {
        return municipalities.putProfile(k, request);
    }

    @GET
    @Path("/profile")
    @RolesAllowed({Roles.SETTLEMENT_OFFICER, Roles.COUNTY_ANALYST})
    public Uni<ProfileView> getProfile(@PathParam("k") String k) {
        MunicipalityService.known(k);
        caller.requireMunicipality(k);
        return municipalities.getProfile(k);
    }
}
