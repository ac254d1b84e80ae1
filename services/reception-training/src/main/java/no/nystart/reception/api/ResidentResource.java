package no.nystart.reception.api;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.nystart.platform.paging.PageParams;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.paging.PagedResponse;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import no.nystart.reception.api.Requests.CareerGuidanceRequest;
import no.nystart.reception.api.Requests.CompetenceMappingRequest;
import no.nystart.reception.api.Requests.ExemptionRequest;
import no.nystart.reception.api.Requests.LanguageRequest;
import no.nystart.reception.api.Requests.PermitRequest;
import no.nystart.reception.api.Requests.TrainingSessionRequest;
import no.nystart.reception.api.Requests.WorkRequest;
import no.nystart.reception.service.DepartureService;
import no.nystart.reception.service.PermitService;
import no.nystart.reception.service.ReceptionConfig;
import no.nystart.reception.service.ResidentService;
import no.nystart.reception.service.TrainingService;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Residents of reception centres. Reception staff bound to a centre (claim {@code reception_centre}) see and
 * change only that centre's residents (a resident of another centre is 404 like an unknown id; registering at another
 * centre or listing it is 403); settlement officers read all.
 */
@Path("/api/v1/residents")
public class ResidentResource {
    private final ResidentService residents;
    private final TrainingService training;
    private final PermitService permits;
    private final DepartureService departures;
    private final ReceptionConfig config;
    private final Caller caller;
    private final Clock clock;

    public ResidentResource(ResidentService residents, TrainingService training, PermitService permits,
            DepartureService departures, ReceptionConfig config, Caller caller, Clock clock) {
        this.departures = departures;
        this.residents = residents;
        this.training = training;
        this.permits = permits;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
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
                        .location(uri.getAbsolutePathBuilder().path(saved.resident().personId.toString()).build())
                        .entity(ResidentView.of(saved, config.policy(), today())).build());
    }

    /** One resident with regime, duty and per-module hours explained; the read is audited. */
    @GET
    @Path("/{personId}")
    @RolesAllowed({Roles.RECEPTION_STAFF, Roles.SETTLEMENT_OFFICER})
    public Uni<ResidentView> get(@PathParam("personId") UUID personId,
            @HeaderParam("X-Purpose") @DefaultValue("not stated") String purpose) {
        return residents.read(personId, readScope(), reader("GET /api/v1/residents/" + personId, purpose))
                .map(state -> ResidentView.of(state, config.policy(), today()));
    }

    /**
     * Residents of a centre with their training status, for staff; {@code behind=true} keeps those who are
     * behind (registered more than 8 weeks ago with less than half the Norwegian hours; configurable).
     * Staff bound to a centre list their own centre. Every listed person's read is audited.
     * Paged (docs/architecture.md, "Paging"): ordered by registration date and person id, {@code limit} (default 50,
     * at most 500) and {@code cursor}; {@code Link rel="next"} while more follow. {@code behind} is judged on the
     * training record after the page is read, so a page with {@code behind=true} may hold fewer than {@code limit}
     * residents while a next page exists.
     */
    @GET
    @RolesAllowed({Roles.RECEPTION_STAFF, Roles.SETTLEMENT_OFFICER})
    public Uni<RestResponse<List<ResidentView>>> list(@QueryParam("receptionCentreId") UUID centreId,
            @QueryParam("behind") @DefaultValue("false") boolean behindOnly,
            @QueryParam("includeLeft") @DefaultValue("false") boolean includeLeft,
            @BeanParam PageParams paging, UriInfo uri,
            @HeaderParam("X-Purpose") @DefaultValue("not stated") String purpose) {
        Optional<String> own = readScope();
        UUID centre = centreId;
        if (own.isPresent()) {
            if (centreId != null && !own.get().equals(centreId.toString())) {
                throw new ForbiddenException("You may only list residents of your own reception centre");
            }
            centre = UUID.fromString(own.get());
        }
        PageRequest page = paging.request(ResidentService.LIST_SORT, 2);
        LocalDate today = today();
        return residents.list(centre, includeLeft, page, reader("GET /api/v1/residents?receptionCentreId=" + centre, purpose))
                .map(states -> PagedResponse.of(states.map(s -> ResidentView.of(s, config.policy(), today))
                        .filter(v -> !behindOnly || v.training().behind()), page, uri));
    }

    /** Attended hours of one module on one day; may complete the module → MandatoryTrainingCompleted. */
    @POST
    @Path("/{personId}/training-sessions")
    @RolesAllowed(Roles.RECEPTION_STAFF)
    public Uni<RestResponse<TrainingView>> recordSession(@PathParam("personId") UUID personId,
            @Valid @NotNull TrainingSessionRequest request) {
        return training.recordSession(personId, request.module(), request.date(), request.hours(), caller.name(),
                        caller.receptionCentre())
                .map(state -> RestResponse.status(RestResponse.Status.CREATED,
                        TrainingView.of(state, config.policy(), today())));
    }

    /** Exemption from one module → TrainingExemptionGranted. */
    @POST
    @Path("/{personId}/exemptions")
    @RolesAllowed(Roles.RECEPTION_STAFF)
    public Uni<RestResponse<TrainingView>> grantExemption(@PathParam("personId") UUID personId,
            @Valid @NotNull ExemptionRequest request) {
        return training.grantExemption(personId, request.module(), request.reason(), request.grantedOn(), caller.name(),
                        caller.receptionCentre())
                .map(state -> RestResponse.status(RestResponse.Status.CREATED,
                        TrainingView.of(state, config.policy(), today())));
    }

    /** UDI's permit decision → ResidencePermitGranted. */
    @POST
    @Path("/{personId}/residence-permit")
    @RolesAllowed(Roles.RECEPTION_STAFF)
    public Uni<RestResponse<ResidentView.PermitView>> grantPermit(@PathParam("personId") UUID personId,
            @Valid @NotNull PermitRequest request) {
        return permits.grantPermit(personId, request.permitType(), request.decisionDate(), caller.name(), caller.receptionCentre())
                .map(p -> RestResponse.status(RestResponse.Status.CREATED,
                        new ResidentView.PermitView(p.permitType, p.decisionDate, p.regime)));
    }

    /** The § 6 competence mapping → CompetenceMapped. Once per person: a second → 409. */
    @PUT
    @Path("/{personId}/competence-mapping")
    @RolesAllowed(Roles.RECEPTION_STAFF)
    public Uni<RestResponse<CompetenceMappingRequest>> mapCompetence(@PathParam("personId") UUID personId,
            @Valid @NotNull CompetenceMappingRequest request) {
        return permits.mapCompetence(personId, request.mappedOn(),
                        request.languages().stream().map(LanguageRequest::toSkill).toList(), request.educationLevel(),
                        request.educationYears(), request.workExperience().stream().map(WorkRequest::toExperience).toList(),
                        request.otherCompetence(), caller.name(), caller.receptionCentre())
                .map(saved -> RestResponse.status(RestResponse.Status.CREATED, request));
    }

    /** § 11 career guidance completed → CareerGuidanceCompleted. */
    @POST
    @Path("/{personId}/career-guidance")
    @RolesAllowed(Roles.RECEPTION_STAFF)
    public Uni<RestResponse<CareerGuidanceRequest>> careerGuidance(@PathParam("personId") UUID personId,
            @Valid @NotNull CareerGuidanceRequest request) {
        return permits.completeCareerGuidance(personId, request.completedOn(), request.county(), caller.name(),
                        caller.receptionCentre())
                .map(saved -> RestResponse.status(RestResponse.Status.CREATED,
                        new CareerGuidanceRequest(saved.completedOn, saved.county)));
    }

    /** Staff record a departure for another reason than settlement → ResidentLeftReception. */
    @POST
    @Path("/{personId}/departure")
    @RolesAllowed(Roles.RECEPTION_STAFF)
    public Uni<RestResponse<Requests.DepartureRequest>> recordDeparture(@PathParam("personId") UUID personId,
            @Valid @NotNull Requests.DepartureRequest request) {
        return departures.recordDeparture(personId, request.leftOn(), request.reason(), caller.receptionCentre())
                .map(r -> RestResponse.status(RestResponse.Status.CREATED, new Requests.DepartureRequest(r.leftOn, r.leftReason)));
    }

    /** Settlement officers read every centre; staff bound to a centre read their own. */
    private Optional<String> readScope() {
        return caller.hasRole(Roles.SETTLEMENT_OFFICER) ? Optional.empty() : caller.receptionCentre();
    }

    private ResidentService.Reader reader(String endpoint, String purpose) {
        String roles = Stream.of(Roles.RECEPTION_STAFF, Roles.SETTLEMENT_OFFICER).filter(caller::hasRole)
                .collect(Collectors.joining(","));
        return new ResidentService.Reader(caller.name(), roles, endpoint, purpose);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
