package no.nystart.grants.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import no.nystart.grants.service.AnnualRunService;
import no.nystart.grants.service.LedgerQueryService;
import no.nystart.grants.service.RateTableService;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.platform.validation.Municipalities;

/** grant-accounting's API: rate tables and annual runs (grant officers), statements and claims (also municipal finance). */
@Path("/api/v1")
public class GrantResource {
    private final RateTableService rateTables;
    private final AnnualRunService annualRuns;
    private final LedgerQueryService ledger;
    private final Caller caller;

    public GrantResource(RateTableService rateTables, AnnualRunService annualRuns, LedgerQueryService ledger, Caller caller) {
        this.rateTables = rateTables;
        this.annualRuns = annualRuns;
        this.ledger = ledger;
        this.caller = caller;
    }

    @GET
    @Path("/rate-tables/{year}")
    @RolesAllowed(Roles.GRANT_OFFICER)
    public Uni<Views.RateTable> rateTable(@PathParam("year")
            @Min(value = 2000, message = "budget-year.range: year must be between 2000 and 2100")
            @Max(value = 2100, message = "budget-year.range: year must be between 2000 and 2100") int year) {
        return rateTables.get(year);
    }

    @PUT
    @Path("/rate-tables/{year}")
    @RolesAllowed(Roles.GRANT_OFFICER)
    public Uni<Views.RateTable> putRateTable(@PathParam("year")
            @Min(value = 2000, message = "budget-year.range: year must be between 2000 and 2100")
            @Max(value = 2100, message = "budget-year.range: year must be between 2000 and 2100") int year,
            @Valid @NotNull(message = "rate-table.body-required: a rate table is required") RateTableRequest request) {
        return rateTables.put(year, request.rates(), caller.name());
    }

    @POST
    @Path("/annual-runs/{year}")
    @RolesAllowed(Roles.GRANT_OFFICER)
    public Uni<Views.AnnualRun> annualRun(@PathParam("year")
            @Min(value = 2000, message = "budget-year.range: year must be between 2000 and 2100")
            @Max(value = 2100, message = "budget-year.range: year must be between 2000 and 2100") int year) {
        return annualRuns.run(year, caller.name());
    }

    @GET
    @Path("/municipalities/{k}/statement")
    @RolesAllowed({Roles.GRANT_OFFICER, Roles.MUNICIPAL_FINANCE})
    public Uni<Views.Statement> statement(@PathParam("k")
            @Pattern(regexp = "\\d{4}", message = "kommunenummer.format: a kommunenummer is exactly 4 digits, leading zero kept (e.g. 0301)") String k,
            @QueryParam("year") @NotNull(message = "budget-year.required: query parameter year is required")
            @Min(value = 2000, message = "budget-year.range: year must be between 2000 and 2100")
            @Max(value = 2100, message = "budget-year.range: year must be between 2000 and 2100") Integer year) {
        // a well-formed number of no municipality (2024 structure, docs/domain/identifiers.md#7c) is a resource that does not exist: 404
        Municipalities.instance().find(k).orElseThrow(() -> new NotFoundProblem("municipality", k));
        caller.requireMunicipality(k);
        return ledger.statement(k, year);
    }

    /**
     * Issues the municipality's statement for a payout term of a budget year → GrantStatementIssued, once per period:
     * 201 when this call issued it, 200 with the statement already issued for that period (nothing published again).
     */
    @POST
    @Path("/municipalities/{k}/statements")
    @RolesAllowed(Roles.GRANT_OFFICER)
    public Uni<Response> issueStatement(@PathParam("k")
            @Pattern(regexp = "\\d{4}", message = "kommunenummer.format: a kommunenummer is exactly 4 digits, leading zero kept (e.g. 0301)") String k,
            @Valid @NotNull(message = "statement.body-required: budgetYear and payoutQuarter are required") StatementRequest request,
            @Context UriInfo uri) {
        Municipalities.instance().find(k).orElseThrow(() -> new NotFoundProblem("municipality", k));
        return ledger.issue(k, request.budgetYear(), request.payoutQuarter(), caller.name()).map(issue -> {
            java.net.URI location = uri.getAbsolutePathBuilder().path(request.budgetYear() + "/" + request.payoutQuarter()).build();
            return (issue.issued() ? Response.created(location) : Response.ok().location(location))
                    .entity(issue.statement()).build();
        });
    }

    /** A statement as issued for a payout term. */
    @GET
    @Path("/municipalities/{k}/statements/{year}/{quarter}")
    @RolesAllowed({Roles.GRANT_OFFICER, Roles.MUNICIPAL_FINANCE})
    public Uni<Views.Statement> issuedStatement(@PathParam("k")
            @Pattern(regexp = "\\d{4}", message = "kommunenummer.format: a kommunenummer is exactly 4 digits, leading zero kept (e.g. 0301)") String k,
            @PathParam("year") @Min(value = 2000, message = "budget-year.range: year must be between 2000 and 2100")
            @Max(value = 2100, message = "budget-year.range: year must be between 2000 and 2100") int year,
            @PathParam("quarter") @Min(value = 1, message = "payout-quarter.range: a payout term is a quarter from 1 to 4")
            @Max(value = 4, message = "payout-quarter.range: a payout term is a quarter from 1 to 4") int quarter) {
        Municipalities.instance().find(k).orElseThrow(() -> new NotFoundProblem("municipality", k));
        caller.requireMunicipality(k);
        return ledger.issued(k, year, quarter);
    }

    @GET
    @Path("/persons/{personId}/claims")
    @RolesAllowed({Roles.GRANT_OFFICER, Roles.MUNICIPAL_FINANCE})
    public Uni<Views.PersonClaims> personClaims(@PathParam("personId") UUID personId) {
        if (caller.isNational()) {
            return ledger.personClaims(personId);
        }
        return ledger.municipalitiesOf(personId).chain(municipalities -> {
            // unknown, known without figures in any municipality, or only in municipalities outside the caller's: 404 alike
            caller.requirePersonInScope(municipalities, "person", personId);
            return ledger.personClaims(personId);
        });
    }
}
