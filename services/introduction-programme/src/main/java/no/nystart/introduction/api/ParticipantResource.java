package no.nystart.introduction.api;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import no.nystart.introduction.domain.BenefitCalculator;
import no.nystart.introduction.api.ParticipantViews.AbsenceView;
import no.nystart.introduction.api.ParticipantViews.AttendanceView;
import no.nystart.introduction.api.ParticipantViews.BehindPlanView;
import no.nystart.introduction.api.ParticipantViews.HistoryView;
import no.nystart.introduction.api.ParticipantViews.MonthlyBenefitView;
import no.nystart.introduction.api.ParticipantViews.ParticipantView;
import no.nystart.introduction.api.ParticipantViews.PauseView;
import no.nystart.introduction.api.ParticipantViews.PlanView;
import no.nystart.introduction.service.ParticipantCommands;
import no.nystart.introduction.service.ParticipantQueries;
import no.nystart.platform.paging.PageParams;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.paging.PagedResponse;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Participants of the introduction programme. Municipal caseworkers (claim {@code municipality}) see and
 * change only their own municipality's participants; another municipality's participant answers 404.
 */
@Path("/api/v1/participants")
@RolesAllowed(Roles.MUNICIPAL_CASEWORKER)
public class ParticipantResource {
    private final ParticipantCommands commands;
    private final ParticipantQueries queries;
    private final Caller caller;

    public ParticipantResource(ParticipantCommands commands, ParticipantQueries queries, Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.caller = caller;
    }

    /**
     * My municipality's participants by start deadline; {@code deadlineWithinDays=14}: not started, start deadline
     * (§ 12) within 14 days. Paged (docs/architecture.md, "Paging").
     */
    @GET
    public Uni<RestResponse<List<ParticipantView>>> list(
            @QueryParam("deadlineWithinDays") @Min(0) @Max(366) Integer deadlineWithinDays,
            @BeanParam PageParams paging, UriInfo uri) {
        String municipality = caller.municipality()
                .orElseThrow(() -> new ForbiddenException("a municipal caseworker needs the municipality claim"));
        PageRequest page = paging.request(ParticipantQueries.LIST_SORT, 2);
        return queries.list(municipality, deadlineWithinDays, page, caller)
                .map(found -> PagedResponse.of(found.map(ParticipantView::of), page, uri));
    }

    /** Benefit for a month for my municipality's participants with a programme (§§ 20–21), by person id, paged. */
    @GET
    @Path("/benefits/{month}")
    public Uni<RestResponse<List<MonthlyBenefitView>>> benefits(
            @PathParam("month") @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "month.format: must be yyyy-MM") String month,
            @BeanParam PageParams paging, UriInfo uri) {
        PageRequest page = paging.request(ParticipantQueries.PERSON_SORT, 1);
        return queries.benefits(ownMunicipality(), YearMonth.parse(month), page, caller)
                .map(found -> PagedResponse.of(found.map(MonthlyBenefitView::of), page, uri));
    }

    /**
     * My municipality's participants who are behind plan, by person id, paged; a page holds the behind among one
     * page of running programmes, so it may be shorter than {@code limit} while {@code Link rel="next"} is present.
     */
    @GET
    @Path("/behind-plan")
    public Uni<RestResponse<List<BehindPlanView>>> behindPlan(@BeanParam PageParams paging, UriInfo uri) {
        PageRequest page = paging.request(ParticipantQueries.PERSON_SORT, 1);
        return queries.behindPlan(ownMunicipality(), page, caller).map(found -> PagedResponse.of(found.map(BehindPlanView::of), page, uri));
    }

    private String ownMunicipality() {
        return caller.municipality().orElseThrow(() -> new ForbiddenException("a municipal caseworker needs the municipality claim"));
    }

    /** § 8 third paragraph: admission by explicit decision with a reason. */
    @POST
    public Uni<RestResponse<ParticipantView>> admit(@Valid @NotNull ParticipantRequests.Admission request, UriInfo uri) {
        caller.requireMunicipality(request.municipality());
        return commands.admit(request.toCommand(), caller)
                .map(saved -> RestResponse.ResponseBuilder.<ParticipantView>create(RestResponse.Status.CREATED)
                        .location(uri.getAbsolutePathBuilder().path(saved.personId().toString()).build())
                        .entity(ParticipantView.of(saved)).build());
    }

    @GET
    @Path("/{id}")
    public Uni<ParticipantView> get(@PathParam("id") UUID id) {
        return queries.get(id, caller).map(ParticipantView::of);
    }

    @GET
    @Path("/{id}/history")
    public Uni<RestResponse<List<HistoryView>>> history(@PathParam("id") UUID id, @BeanParam PageParams paging, UriInfo uri) {
        PageRequest page = paging.request(ParticipantQueries.HISTORY_SORT, 2);
        return queries.history(id, page, caller).map(found -> PagedResponse.of(found.map(HistoryView::of), page, uri));
    }

    /** The § 12 decision (§ 13 lengths) → IntroductionProgrammeStarted. */
    @POST
    @Path("/{id}/programme")
    public Uni<ParticipantView> decide(@PathParam("id") UUID id, @Valid @NotNull ParticipantRequests.ProgrammeDecision request) {
        return commands.decide(id, request.toCommand(), caller).map(ParticipantView::of);
    }

    @PUT
    @Path("/{id}/circumstances")
    public Uni<ParticipantView> circumstances(@PathParam("id") UUID id, @Valid @NotNull ParticipantRequests.Circumstances request) {
        return commands.circumstances(id, request.toCommand(), caller).map(ParticipantView::of);
    }

    /** Integration plan and contract (§§ 15–16). */
    @PUT
    @Path("/{id}/plan")
    public Uni<PlanView> plan(@PathParam("id") UUID id, @Valid @NotNull ParticipantRequests.Plan request) {
        return commands.plan(id, request.toCommand(), caller).map(PlanView::of);
    }

    @GET
    @Path("/{id}/plan")
    public Uni<PlanView> getPlan(@PathParam("id") UUID id) {
        return queries.getPlan(id, caller).map(PlanView::of);
    }

    @POST
    @Path("/{id}/attendance")
    public Uni<RestResponse<AttendanceView>> attendance(@PathParam("id") UUID id, @Valid @NotNull ParticipantRequests.Attendance request) {
        return commands.attendance(id, request.toCommand(), caller).map(a -> RestResponse.status(RestResponse.Status.CREATED, AttendanceView.of(a)));
    }

    @GET
    @Path("/{id}/absence")
    public Uni<AbsenceView> absence(@PathParam("id") UUID id) {
        return queries.absenceReport(id, caller).map(AbsenceView::of);
    }

    /** Leave or temporary suspension (§ 18) → IntroductionProgrammePaused. */
    @POST
    @Path("/{id}/pauses")
    public Uni<RestResponse<PauseView>> pause(@PathParam("id") UUID id, @Valid @NotNull ParticipantRequests.Pause request) {
        return commands.pause(id, request.toCommand(), caller).map(p -> RestResponse.status(RestResponse.Status.CREATED, PauseView.of(p)));
    }

    @POST
    @Path("/{id}/resumption")
    public Uni<ParticipantView> resume(@PathParam("id") UUID id, @Valid @NotNull ParticipantRequests.Resumption request) {
        return commands.resume(id, request.toCommand(), caller).map(ParticipantView::of);
    }

    @POST
    @Path("/{id}/completion")
    public Uni<ParticipantView> complete(@PathParam("id") UUID id, @Valid @NotNull ParticipantRequests.Completion request) {
        return commands.complete(id, request.toCommand(), caller).map(ParticipantView::of);
    }

    @POST
    @Path("/{id}/discontinuation")
    public Uni<ParticipantView> discontinue(@PathParam("id") UUID id, @Valid @NotNull ParticipantRequests.Discontinuation request) {
        return commands.discontinue(id, request.toCommand(), caller).map(ParticipantView::of);
    }

    /** Introduksjonsstønad for a month (§§ 20–21) with every step. */
    @GET
    @Path("/{id}/benefit/{month}")
    public Uni<BenefitCalculator.Calculation> benefit(@PathParam("id") UUID id,
            @PathParam("month") @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "month.format: must be yyyy-MM") String month) {
        return queries.benefit(id, YearMonth.parse(month), caller);
    }

    /** Participant certificate (deltakerbevis) as printable HTML. */
    @GET
    @Path("/{id}/certificate")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> certificate(@PathParam("id") UUID id) {
        return queries.certificate(id, caller).map(c -> CertificateHtml.render(c.participant(), c.plan()));
    }
}
