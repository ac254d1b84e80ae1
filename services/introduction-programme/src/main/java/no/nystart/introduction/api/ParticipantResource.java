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
import java.util.Map;
import java.util.UUID;
import no.nystart.introduction.domain.BenefitCalculator;
import no.nystart.introduction.persistence.AttendanceEntity;
import no.nystart.introduction.persistence.HistoryEntity;
import no.nystart.introduction.persistence.PauseEntity;
import no.nystart.introduction.persistence.PlanEntity;
import no.nystart.introduction.service.ParticipantService;
import no.nystart.platform.paging.PageParams;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.paging.PagedResponse;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.platform.validation.RuleViolationException;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Participants of the introduction programme. Municipal caseworkers (claim {@code municipality}) see and
 * change only their own municipality's participants; another municipality's participant answers 404.
 */
@Path("/api/v1/participants")
@RolesAllowed(Roles.MUNICIPAL_CASEWORKER)
public class ParticipantResource {
    private final ParticipantService participants;
    private final Caller caller;

    public ParticipantResource(ParticipantService participants, Caller caller) {
        this.participants = participants;
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
        PageRequest page = paging.request(ParticipantService.LIST_SORT, 2);
        return participants.list(municipality, deadlineWithinDays, page, caller)
                .map(found -> PagedResponse.of(found.map(ParticipantView::of), page, uri));
    }

    /** Benefit for a month for my municipality's participants with a programme (§§ 20–21), by person id, paged. */
    @GET
    @Path("/benefits/{month}")
    public Uni<RestResponse<List<ParticipantService.MonthlyBenefit>>> benefits(
            @PathParam("month") @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "month.format: must be yyyy-MM") String month,
            @BeanParam PageParams paging, UriInfo uri) {
        PageRequest page = paging.request(ParticipantService.PERSON_SORT, 1);
        return participants.benefits(ownMunicipality(), YearMonth.parse(month), page, caller)
                .map(found -> PagedResponse.of(found, page, uri));
    }

    /**
     * My municipality's participants who are behind plan, by person id, paged; a page holds the behind among one
     * page of running programmes, so it may be shorter than {@code limit} while {@code Link rel="next"} is present.
     */
    @GET
    @Path("/behind-plan")
    public Uni<RestResponse<List<ParticipantService.BehindPlan>>> behindPlan(@BeanParam PageParams paging, UriInfo uri) {
        PageRequest page = paging.request(ParticipantService.PERSON_SORT, 1);
        return participants.behindPlan(ownMunicipality(), page, caller).map(found -> PagedResponse.of(found, page, uri));
    }

    private String ownMunicipality() {
        return caller.municipality().orElseThrow(() -> new ForbiddenException("a municipal caseworker needs the municipality claim"));
    }

    /** § 8 third paragraph: admission by explicit decision with a reason. */
    @POST
    public Uni<RestResponse<ParticipantView>> admit(@Valid @NotNull Requests.Admission request, UriInfo uri) {
        caller.requireMunicipality(request.municipality());
        if (request.settledOn().isBefore(request.permitDate())) {
            throw new RuleViolationException("settledOn", "settlement.after-permit", "the settlement date is before the permit date");
        }
        return participants.admit(request, caller)
                .map(saved -> RestResponse.ResponseBuilder.<ParticipantView>create(RestResponse.Status.CREATED)
                        .location(uri.getAbsolutePathBuilder().path(saved.personId.toString()).build())
                        .entity(ParticipantView.of(saved)).build());
    }

    @GET
    @Path("/{id}")
    public Uni<ParticipantView> get(@PathParam("id") UUID id) {
        return participants.get(id, caller).map(ParticipantView::of);
    }

    @GET
    @Path("/{id}/history")
    public Uni<RestResponse<List<HistoryView>>> history(@PathParam("id") UUID id, @BeanParam PageParams paging, UriInfo uri) {
        PageRequest page = paging.request(ParticipantService.HISTORY_SORT, 2);
        return participants.history(id, page, caller).map(found -> PagedResponse.of(found.map(HistoryView::of), page, uri));
    }

    /** The § 12 decision (§ 13 lengths) → IntroductionProgrammeStarted. */
    @POST
    @Path("/{id}/programme")
    public Uni<ParticipantView> decide(@PathParam("id") UUID id, @Valid @NotNull Requests.ProgrammeDecision request) {
        return participants.decide(id, request, caller).map(ParticipantView::of);
    }

    @PUT
    @Path("/{id}/circumstances")
    public Uni<ParticipantView> circumstances(@PathParam("id") UUID id, @Valid @NotNull Requests.Circumstances request) {
        return participants.circumstances(id, request, caller).map(ParticipantView::of);
    }

    /** Integration plan and contract (§§ 15–16). */
    @PUT
    @Path("/{id}/plan")
    public Uni<PlanView> plan(@PathParam("id") UUID id, @Valid @NotNull Requests.Plan request) {
        return participants.plan(id, request, caller).map(PlanView::of);
    }

    @GET
    @Path("/{id}/plan")
    public Uni<PlanView> getPlan(@PathParam("id") UUID id) {
        return participants.getPlan(id, caller).map(PlanView::of);
    }

    @POST
    @Path("/{id}/attendance")
    public Uni<RestResponse<Map<String, Object>>> attendance(@PathParam("id") UUID id, @Valid @NotNull Requests.Attendance request) {
        return participants.attendance(id, request, caller).map(a -> RestResponse.status(RestResponse.Status.CREATED, attendanceView(a)));
    }

    @GET
    @Path("/{id}/absence")
    public Uni<Map<String, Object>> absence(@PathParam("id") UUID id) {
        return participants.absenceReport(id, caller);
    }

    /** Leave or temporary suspension (§ 18) → IntroductionProgrammePaused. */
    @POST
    @Path("/{id}/pauses")
    public Uni<RestResponse<Map<String, Object>>> pause(@PathParam("id") UUID id, @Valid @NotNull Requests.Pause request) {
        return participants.pause(id, request, caller).map(p -> RestResponse.status(RestResponse.Status.CREATED, pauseView(p)));
    }

    @POST
    @Path("/{id}/resumption")
    public Uni<ParticipantView> resume(@PathParam("id") UUID id, @Valid @NotNull Requests.Resumption request) {
        return participants.resume(id, request, caller).map(ParticipantView::of);
    }

    @POST
    @Path("/{id}/completion")
    public Uni<ParticipantView> complete(@PathParam("id") UUID id, @Valid @NotNull Requests.Completion request) {
        return participants.complete(id, request, caller).map(ParticipantView::of);
    }

    @POST
    @Path("/{id}/discontinuation")
    public Uni<ParticipantView> discontinue(@PathParam("id") UUID id, @Valid @NotNull Requests.Discontinuation request) {
        return participants.discontinue(id, request, caller).map(ParticipantView::of);
    }

    /** Introduksjonsstønad for a month (§§ 20–21) with every step. */
    @GET
    @Path("/{id}/benefit/{month}")
    public Uni<BenefitCalculator.Calculation> benefit(@PathParam("id") UUID id,
            @PathParam("month") @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "month.format: must be yyyy-MM") String month) {
        return participants.benefit(id, YearMonth.parse(month), caller);
    }

    /** Participant certificate (deltakerbevis) as printable HTML. */
    @GET
    @Path("/{id}/certificate")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> certificate(@PathParam("id") UUID id) {
        return participants.certificate(id, caller).map(c -> CertificateHtml.render(c.participant(), c.plan()));
    }

    public record HistoryView(java.time.OffsetDateTime at, String kind, String detail) {
        static HistoryView of(HistoryEntity h) {
            return new HistoryView(h.at, h.kind, h.detail);
        }
    }

    public record PlanView(UUID personId, String finalGoal, Map<String, String> norwegianGoal, List<String> elements, String longTermGoal,
            String mutualObligations, java.time.LocalDate agreedOn, List<java.time.LocalDate> scheduledNonWorkingDays) {
        static PlanView of(PlanEntity p) {
            return new PlanView(p.personId, p.finalGoal.name(), Map.of("reading", p.goalReading.name(), "listening", p.goalListening.name(),
                    "writing", p.goalWriting.name(), "oral", p.goalOral.name()), List.of(p.elements.split(",")), p.longTermGoal,
                    p.mutualObligations, p.agreedOn, p.scheduledNonWorkingDayList());
        }
    }

    private static Map<String, Object> attendanceView(AttendanceEntity a) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", a.id);
        m.put("date", a.day);
        m.put("plannedHours", a.plannedHours);
        m.put("attendedHours", a.attendedHours);
        m.put("unexcusedHours", a.unexcused);
        return m;
    }

    private static Map<String, Object> pauseView(PauseEntity p) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", p.id);
        m.put("kind", p.kind);
        if (p.leaveType != null) {
            m.put("leaveType", p.leaveType);
        }
        m.put("from", p.fromDate);
        m.put("expectedResumeOn", p.expectedResumeOn);
        m.put("withBenefit", p.withBenefit);
        return m;
    }
}
