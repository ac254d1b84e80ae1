package no.nystart.settlement.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;
import no.nystart.platform.paging.PageParams;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.paging.PagedResponse;
import no.nystart.platform.security.Caller;
import org.jboss.resteasy.reactive.RestResponse;
import no.nystart.platform.security.Roles;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.service.CaseService;
import no.nystart.settlement.service.SettlementService;

@Path("/api/v1/cases")
@RolesAllowed(Roles.SETTLEMENT_OFFICER)
public class CaseResource {
    private final CaseService cases;
    private final SettlementService settlement;
    private final Caller caller;

    public CaseResource(CaseService cases, SettlementService settlement, Caller caller) {
        this.cases = cases;
        this.settlement = settlement;
        this.caller = caller;
    }

    /**
     * Settlement cases, optionally only those in one status, in the order they were created. Paged
     * (docs/architecture.md, "Paging"): {@code limit} (default 50, at most 500), {@code cursor}, {@code Link rel="next"}.
     */
    @GET
    public Uni<RestResponse<List<CaseView>>> list(@QueryParam("status") CaseStatus status, @BeanParam PageParams paging,
            @Context UriInfo uri) {
        PageRequest page = paging.request(CaseService.LIST_SORT, 2);
        return cases.list(status, page).map(found -> PagedResponse.of(found.map(CaseView::of), page, uri));
    }

    /**
     * The case first, then the rest of its household. Not paged: one household, at most the persons registered
     * with it (a registration carries at most 30), is one case's own data rather than a list.
     */
    @GET
    @Path("/{id}")
    public Uni<List<CaseView>> household(@PathParam("id") UUID id) {
        return cases.household(id).map(list -> list.stream().map(CaseView::of).toList());
    }

    /** Registers a household arriving by resettlement quota or family reunification → PersonRegisteredForSettlement. */
    @POST
    public Uni<Response> register(@NotNull(message = "case.required: a body is required") @Valid RegisterCaseRequest request,
            @Context UriInfo uri) {
        return cases.register(request, caller.name()).map(created -> Response
                .created(uri.getAbsolutePathBuilder().path(created.get(0).id.toString()).build())
                .entity(created.stream().map(CaseView::of).toList()).build());
    }

    /**
     * Closes the person's case (status CLOSED) with a reason: the person left, emigrated, was settled outside the
     * scheme, died, or another reason with a note. A closed case is never matched or settled; the rest of the
     * household stays open.
     */
    @POST
    @Path("/{id}/closure")
    public Uni<CaseView> close(@PathParam("id") UUID id,
            @NotNull(message = "case.close-required: a body is required") @Valid CloseCaseRequest request) {
        return cases.close(id, request, caller.name()).map(CaseView::of);
    }

    /** Settles the case's whole household → one PersonSettled per member. */
    @POST
    @Path("/{id}/settlement")
    public Uni<List<CaseView>> settle(@PathParam("id") UUID id,
            @NotNull(message = "settlement.required: a body is required") @Valid SettleRequest request) {
        return settlement.settle(id, request, caller.name()).map(list -> list.stream().map(CaseView::of).toList());
    }
}
