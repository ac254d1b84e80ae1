package no.nystart.adulteducation.api;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.nystart.adulteducation.domain.NorwegianTestResult;
import no.nystart.adulteducation.service.TrainingService;
import no.nystart.platform.paging.PageParams;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.paging.PagedResponse;
import no.nystart.platform.security.Caller;
import no.nystart.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

/** The municipal caseworker's API: own municipality only (Caller.requireMunicipality), every read audited. */
@Path("/api/v1")
@RolesAllowed(Roles.MUNICIPAL_CASEWORKER)
public class AdultEducationResource {
    private final TrainingService training;
    private final Caller caller;
    private final Clock clock;
    private final int closeToDeadlineDays;
    private final int startWithinMonths;

    public AdultEducationResource(TrainingService training, Caller caller, Clock clock,
            @ConfigProperty(name = "adult-education.close-to-deadline-days") int closeToDeadlineDays,
            @ConfigProperty(name = "adult-education.start-within-months") int startWithinMonths) {
        this.training = training;
        this.caller = caller;
        this.clock = clock;
        this.closeToDeadlineDays = closeToDeadlineDays;
        this.startWithinMonths = startWithinMonths;
    }

    private Views.Follow follow() {
        return new Views.Follow(LocalDate.now(clock), closeToDeadlineDays, startWithinMonths);
    }

    /** The municipality asked for, or the caller's own when none is given. */
    private String municipality(String requested) {
        if (requested != null) {
            return requested;
        }
        return caller.municipality().orElseThrow(() -> new ForbiddenException("Your token names no municipality"));
    }

    private static <T> RestResponse<T> created(URI location, T entity) {
        return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.CREATED).location(location).entity(entity).build();
    }

    @POST
    @Path("/providers")
    public Uni<RestResponse<Views.Provider>> registerProvider(@Valid @NotNull Requests.CreateProvider request, UriInfo uri) {
        return training.registerProvider(new TrainingService.NewProvider(request.name(), request.kind(), request.municipality(),
                        request.organisationNumber(), request.approvedFrom(), request.approvedTo()), caller)
                .map(p -> created(uri.getAbsolutePathBuilder().path(p.id.toString()).build(), Views.Provider.of(p)));
    }

    /** A municipality's providers by name, paged (docs/architecture.md, "Paging"). */
    @GET
    @Path("/providers")
    public Uni<RestResponse<List<Views.Provider>>> providers(@QueryParam("municipality") String municipality,
            @BeanParam PageParams paging, UriInfo uri) {
        PageRequest page = paging.request(TrainingService.PROVIDER_SORT, 2);
        return training.providers(municipality(municipality), page, caller)
                .map(found -> PagedResponse.of(found.map(Views.Provider::of), page, uri));
    }

    /** My municipality's learners by training deadline, paged (docs/architecture.md, "Paging"). */
    @GET
    @Path("/learners")
    public Uni<RestResponse<List<Views.Learner>>> learners(@QueryParam("municipality") String municipality,
            @BeanParam PageParams paging, UriInfo uri) {
        Views.Follow follow = follow();
        PageRequest page = paging.request(TrainingService.LEARNER_SORT, 2);
        return training.learners(municipality(municipality), page, caller)
                .map(found -> PagedResponse.of(found.map(r -> Views.Learner.of(r.learner(), r.enrolments(), r.exemptFromNorwegian(), follow)),
                        page, uri));
    }

    /**
     * Learners within the configured days (90) of the deadline without having reached the Norwegian goal; paged over
     * the learners by deadline like {@code /learners} and filtered per page, so a page may hold fewer than
     * {@code limit} while a next page exists (follow {@code Link rel="next"} to its end).
     */
    @GET
    @Path("/learners/close-to-deadline")
    public Uni<RestResponse<List<Views.Learner>>> closeToDeadline(@QueryParam("municipality") String municipality,
            @BeanParam PageParams paging, UriInfo uri) {
        Views.Follow follow = follow();
        PageRequest page = paging.request(TrainingService.LEARNER_SORT, 2);
        return training.learners(municipality(municipality), page, caller)
                .map(found -> PagedResponse.of(found.map(r -> Views.Learner.of(r.learner(), r.enrolments(), r.exemptFromNorwegian(), follow))
                        .filter(Views.Learner::closeToDeadline), page, uri));
    }

    /**
     * Start of Norwegian or social-studies training within 3 months of settlement (NIR measure, docs/domain/adult-education.md#4b).
     * One figure over all the municipality's learners, not a list: read in bounded keyset batches of 500 and counted
     * batch by batch, so no query and no response grows with the number of learners.
     */
    @GET
    @Path("/learners/start-report")
    public Uni<Views.StartReport> startReport(@QueryParam("municipality") String municipality) {
        Views.Follow follow = follow();
        String k = municipality(municipality);
        return training.foldLearners(k, caller, new long[5], (counts, batch) -> {
            for (TrainingService.LearnerRecord r : batch) {
                Views.Learner v = Views.Learner.of(r.learner(), r.enrolments(), r.exemptFromNorwegian(), follow);
                counts[0]++;
                if (Boolean.TRUE.equals(v.startedWithinMonths())) {
                    counts[1]++;
                } else if (Boolean.FALSE.equals(v.startedWithinMonths()) && v.firstTrainingStart() != null) {
                    counts[2]++;
                } else if (Boolean.FALSE.equals(v.startedWithinMonths())) {
                    counts[3]++;
                } else {
                    counts[4]++;
                }
            }
            return counts;
        }).map(c -> new Views.StartReport(k, startWithinMonths, c[0], c[1], c[2], c[3], c[4]));
    }

    @GET
    @Path("/learners/{personId}")
    public Uni<Views.LearnerDetail> learner(@PathParam("personId") UUID personId) {
        Views.Follow follow = follow();
        return training.learner(personId, caller).map(d -> Views.LearnerDetail.of(d.learner(), d.enrolments(),
                d.hoursByEnrolment(), d.norwegianTests(), d.socialStudiesTests(), d.exemptions(), d.history(), follow));
    }

    @PUT
    @Path("/learners/{personId}/education-background")
    public Uni<Views.Learner> educationBackground(@PathParam("personId") UUID personId,
            @Valid @NotNull Requests.EducationBackground request) {
        Views.Follow follow = follow();
        return training.changeEducation(personId, request.educationLevel(), request.documentedB2Need(), caller)
                .map(l -> Views.Learner.of(l, List.of(), follow));
    }

    @POST
    @Path("/learners/{personId}/leaves")
    public Uni<Views.Learner> leave(@PathParam("personId") UUID personId, @Valid @NotNull Requests.Leave request) {
        Views.Follow follow = follow();
        return training.addLeave(personId, request.from(), request.to(), caller).map(l -> Views.Learner.of(l, List.of(), follow));
    }

    @POST
    @Path("/learners/{personId}/enrolments")
    public Uni<RestResponse<Views.Enrolment>> enrol(@PathParam("personId") UUID personId, @Valid @NotNull Requests.Enrol request,
            UriInfo uri) {
        return training.enrol(personId, request.course(), request.providerId(), request.startDate(),
                        request.languageOfInstruction(), caller)
                .map(e -> created(uri.getAbsolutePathBuilder().path(e.id.toString()).build(),
                        Views.Enrolment.of(e, java.math.BigDecimal.ZERO)));
    }

    @PUT
    @Path("/learners/{personId}/enrolments/{enrolmentId}/hours/{date}")
    public Uni<Views.HoursRecorded> hours(@PathParam("personId") UUID personId, @PathParam("enrolmentId") UUID enrolmentId,
            @PathParam("date") LocalDate date, @Valid @NotNull Requests.Hours request) {
        return training.recordHours(personId, enrolmentId, date, request.hours(), caller)
                .map(h -> new Views.HoursRecorded(h.enrolmentId, h.trainingDate, h.hours));
    }

    @POST
    @Path("/learners/{personId}/norwegian-tests")
    public Uni<RestResponse<Views.NorwegianTest>> norwegianTest(@PathParam("personId") UUID personId,
            @Valid @NotNull Requests.NorwegianTest request, UriInfo uri) {
        NorwegianTestResult result = new NorwegianTestResult(request.testType(), request.testDate(), request.readingLevel(),
                request.listeningLevel(), request.writingLevel(), request.oralLevel());
        return training.recordNorwegianTest(personId, result, caller)
                .map(t -> created(uri.getAbsolutePathBuilder().path(t.id.toString()).build(), Views.NorwegianTest.of(t)));
    }

    @POST
    @Path("/learners/{personId}/social-studies-tests")
    public Uni<RestResponse<Views.SocialStudiesTest>> socialStudiesTest(@PathParam("personId") UUID personId,
            @Valid @NotNull Requests.SocialStudiesTest request, UriInfo uri) {
        return training.recordSocialStudiesTest(personId, request.testDate(), request.passed(), caller)
                .map(t -> created(uri.getAbsolutePathBuilder().path(t.id.toString()).build(), Views.SocialStudiesTest.of(t)));
    }

    @POST
    @Path("/learners/{personId}/exemptions")
    public Uni<RestResponse<Views.Exemption>> exemption(@PathParam("personId") UUID personId,
            @Valid @NotNull Requests.Exemption request, UriInfo uri) {
        return training.grantExemption(personId, request.course(), request.legalBasis(), request.documentationType(),
                        request.decidedOn(), caller)
                .map(e -> created(uri.getAbsolutePathBuilder().path(e.id.toString()).build(), Views.Exemption.of(e)));
    }
}
