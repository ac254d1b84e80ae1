package no.nystart.portal.api;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.portal.domain.Navigation;
import no.nystart.portal.service.Backend;
import no.nystart.portal.service.Backend.Service;
import no.nystart.portal.service.SettlementClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Settlement pages: READY cases by household, one household with settle (by a proposal or manually) and close,
 * and the matching run: start one and read its result with each part of the score in words.
 */
@Path("/bosetting")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Navigation.SETTLEMENT_OFFICER)
public class SettlementPages {

    @Inject
    Template cases;

    @Inject
    Template household;

    @Inject
    Template matching;

    @RestClient
    SettlementClient settlement;

    /** One household's line of a matching run, with the score explained. */
    @TemplateData
    public record Assignment(UUID householdId, int size, int unaccompaniedMinors, String municipality, long placement,
            long fit, long programme, long spread, long total) {
        public String explanation() {
            return "Plassering " + placement + " poeng (kommunen har ledig plass etter vedtaket), arbeidsmarked "
                    + fit + " poeng (etterspørsel etter yrkene husstanden har erfaring fra), introduksjonsprogram "
                    + programme + " poeng (andelen som går over til arbeid eller utdanning), spredning " + spread
                    + " poeng (lavere andel innvandrere gir flere poeng). Sum " + total + ".";
        }
    }

    @TemplateData
    public record Report(UUID runId, int year, String status, long objective, long bestBound, BigDecimal gapPercent,
            long greedyObjective, BigDecimal improvementOverGreedyPercent, long solveMillis, int households,
            int assignedHouseholds, int municipalitiesWithRoom, List<Assignment> assignments, List<UUID> unassigned) {
        public String statusText() {
            return switch (status) {
                case "OPTIMAL" -> "bevist optimal";
                case "FEASIBLE" -> "gyldig, innenfor bevist avstand til det beste mulige";
                default -> status;
            };
        }
    }

    @GET
    @Path("saker")
    public TemplateInstance ready() {
        Backend.Result r = Backend.call(Service.SETTLEMENT, () -> settlement.cases("READY", 500, null));
        List<Views.Household> households = r instanceof Backend.Ok ok
                ? StartPage.households(Views.readList(ok.body(), Views.Case.class), Pages.today()) : List.of();
        return cases.data("households", households).data("problem", StartPage.message(r));
    }

    @GET
    @Path("saker/{id}")
    public TemplateInstance get(@PathParam("id") UUID caseId) {
        return householdPage(caseId, Backend.Problem.NONE, null, "");
    }

    /** Settles the whole household: by the proposal of a run (its municipality) or manually. */
    @POST
    @Path("saker/{id}/bosett")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settle(@PathParam("id") UUID caseId, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipality", Pages.blankToNull(form.getFirst("municipality")));
        body.put("settledOn", Pages.blankToNull(form.getFirst("settledOn")));
        body.put("settlementType", Pages.blankToNull(form.getFirst("settlementType")));
        String reason = Pages.blankToNull(form.getFirst("overrideReason"));
        if (reason != null) {
            body.put("override", Map.of("reason", reason));
        }
        return after(caseId, Backend.call(Service.SETTLEMENT, () -> settlement.settle(caseId, body)), "settle");
    }

    @POST
    @Path("saker/{id}/avslutt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") UUID caseId, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", Pages.blankToNull(form.getFirst("reason")));
        body.put("closedOn", Pages.blankToNull(form.getFirst("closedOn")));
        body.put("note", Pages.blankToNull(form.getFirst("note")));
        return after(caseId, Backend.call(Service.SETTLEMENT, () -> settlement.close(caseId, body)), "close");
    }

    private Response after(UUID caseId, Backend.Result r, String form) {
        if (r.ok()) {
            return Pages.seeOther("/bosetting/saker/" + caseId);
        }
        Backend.Problem p = r instanceof Backend.Problem x ? x : Backend.Problem.NONE;
        String unavailable = r instanceof Backend.Unavailable u ? u.message() : null;
        int status = r instanceof Backend.Problem x ? (x.status() == 400 ? 422 : x.status()) : 503;
        return Response.status(status).entity(householdPage(caseId, p, unavailable, form)).type(MediaType.TEXT_HTML).build();
    }

    private TemplateInstance householdPage(UUID caseId, Backend.Problem problem, String unavailable, String form) {
        Backend.Result r = Backend.call(Service.SETTLEMENT, () -> settlement.household(caseId));
        List<Views.Case> members = r instanceof Backend.Ok ok ? Views.readList(ok.body(), Views.Case.class) : List.of();
        Views.Case first = members.stream().filter(c -> c.caseId().equals(caseId)).findFirst()
                .orElse(members.isEmpty() ? null : members.get(0));
        return household.data("members", members).data("c", first).data("caseId", caseId)
                .data("loadProblem", StartPage.message(r)).data("problem", problem).data("problemForm", form)
                .data("unavailable", unavailable).data("today", Pages.today().toString());
    }

    @GET
    @Path("matching")
    public TemplateInstance matchingForm() {
        return matching.data("report", null).data("problem", Backend.Problem.NONE).data("unavailable", null)
                .data("year", Pages.today().getYear());
    }

    @POST
    @Path("matching")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response startMatching(MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", Pages.blankToNull(form.getFirst("year")));
        body.put("timeLimitSeconds", Pages.blankToNull(form.getFirst("timeLimitSeconds")));
        Backend.Result r = Backend.call(Service.SETTLEMENT, () -> settlement.startMatching(body));
        if (r instanceof Backend.Ok ok) {
            return Pages.seeOther("/bosetting/matching/" + ok.body().path("runId").asText());
        }
        int status = r instanceof Backend.Problem x ? (x.status() == 400 ? 422 : x.status()) : 503;
        return Response.status(status).entity(matching.data("report", null)
                .data("problem", r instanceof Backend.Problem x ? x : Backend.Problem.NONE)
                .data("unavailable", r instanceof Backend.Unavailable u ? u.message() : null)
                .data("year", Pages.today().getYear())).type(MediaType.TEXT_HTML).build();
    }

    @GET
    @Path("matching/{id}")
    public TemplateInstance run(@PathParam("id") UUID runId) {
        Backend.Result r = Backend.call(Service.SETTLEMENT, () -> settlement.matchingRun(runId));
        Report report = r instanceof Backend.Ok ok ? Views.read(ok.body(), Report.class) : null;
        return matching.data("report", report).data("problem", Backend.Problem.NONE)
                .data("unavailable", StartPage.message(r)).data("year", Pages.today().getYear());
    }
}
