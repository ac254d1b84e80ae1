package no.nystart.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import no.nystart.platform.security.Roles;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.service.CaseService;

@Path("/api/v1/cases")
public class CaseResource {
    private final CaseService cases;

    public CaseResource(CaseService cases) {
        this.cases = cases;
    }

    /** Settlement cases, optionally only those in one status. */
    @GET
    @RolesAllowed(Roles.SETTLEMENT_OFFICER)
    public Uni<List<CaseView>> list(@QueryParam("status") CaseStatus status) {
        return cases.list(status).map(list -> list.stream().map(CaseView::of).toList());
    }
}
