package no.nystart.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import no.nystart.platform.paging.PageParams;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.paging.PagedResponse;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.settlement.service.MunicipalityService;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/settlement-decisions")
public class SettlementDecisionResource {
    private final MunicipalityService municipalities;
    private final Caller caller;

    public SettlementDecisionResource(MunicipalityService municipalities, Caller caller) {
        this.municipalities = municipalities;
        this.caller = caller;
    }

    /**
     * The decisions of a year of every municipality that has one, in kommunenummer order, each with the figures of
     * {@code GET /api/v1/municipalities/{k}/settlement-decisions/{year}} (decided, settled, proposed, remaining and
     * the minors of each). The same roles as that GET: settlement officers see every municipality, county analysts
     * the municipalities of their own county. Paged (docs/architecture.md, "Paging"): {@code limit} (default 50,
     * at most 500), {@code cursor}, {@code Link rel="next"}.
     */
    @GET
    @RolesAllowed({Roles.SETTLEMENT_OFFICER, Roles.COUNTY_ANALYST})
    public Uni<RestResponse<List<DecisionView>>> list(
            @Parameter(description = "The year of the decisions, 2000 to two years ahead", required = true)
            @QueryParam("year") Integer year, @BeanParam PageParams paging, @Context UriInfo uri) {
        if (year == null || year < 2000 || year > 9999) {
            throw new RuleViolationException("year", "decision.year", "year is required: a decision is for a year from 2000");
        }
        String county = null;
        if (!caller.isNational()) {
            county = caller.county().orElseThrow(() -> new ForbiddenException("a county analyst needs a county claim"));
        }
        PageRequest page = paging.request(MunicipalityService.DECISION_LIST_SORT, 1);
        return municipalities.listDecisions(year, county, page).map(found -> PagedResponse.of(found, page, uri));
    }
}
