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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.portal.domain.Messages;
import no.nystart.portal.domain.Navigation;
import no.nystart.portal.service.Backend;
import no.nystart.portal.service.Backend.Service;
import no.nystart.portal.service.ReceptionClient;
import no.nystart.portal.service.SettlementClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Settlement pages: READY cases by household, one household with settle (by a proposal or manually), relocation
 * of a settled member and close, and the matching run: start one and read its result with each part of the score in words.
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

    @RestClient
    ReceptionClient reception;

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
        // READY households and those a matching run has PROPOSED (waiting for the officer to accept or settle)
        Backend.Result r = Backend.call(Service.SETTLEMENT, () -> settlement.cases("READY", 500, null));
        Backend.Result proposed = r.ok() ? Backend.call(Service.SETTLEMENT, () -> settlement.cases("PROPOSED", 500, null)) : r;
        List<Views.Case> all = new java.util.ArrayList<>();
        for (Backend.Result x : List.of(r, proposed)) {
            if (x instanceof Backend.Ok ok) {
                all.addAll(Views.readList(ok.body(), Views.Case.class));
            }
        }
        Backend.Result failed = !r.ok() ? r : proposed;
        return cases.data("households", StartPage.households(all, Pages.today()))
                .data("problem", StartPage.message(failed));
    }

    /** The settle form as shown: the proposal's municipality and today first; a refused form keeps what was typed. */
    @TemplateData
    public record SettleForm(String municipality, String settledOn, String settlementType, String overrideReason) {
        static SettleForm of(MultivaluedMap<String, String> f) {
            return new SettleForm(f.getFirst("municipality"), f.getFirst("settledOn"), f.getFirst("settlementType"),
                    f.getFirst("overrideReason"));
        }
    }

    /** The relocation form as shown. */
    @TemplateData
    public record MoveForm(UUID personId, String toMunicipality, String movedOn, String relocationType) {
        static MoveForm of(MultivaluedMap<String, String> f) {
            return new MoveForm(uuid(f.getFirst("personId")), f.getFirst("toMunicipality"), f.getFirst("movedOn"),
                    f.getFirst("relocationType"));
        }
    }

    /** The close form as shown. */
    @TemplateData
    public record CloseForm(String reason, String closedOn, String note) {
        static CloseForm of(MultivaluedMap<String, String> f) {
            return new CloseForm(f.getFirst("reason"), f.getFirst("closedOn"), f.getFirst("note"));
        }
    }

    /** What the page says after a saved form (post/redirect/get: {@code ?utfort=...}). */
    static String done(String what) {
        return switch (what == null ? "" : what) {
            case "bosatt" -> "Husstanden er bosatt.";
            case "flyttet" -> "Flyttingen er registrert.";
            case "avsluttet" -> "Saken er avsluttet.";
            default -> null;
        };
    }

    @GET
    @Path("saker/{id}")
    public TemplateInstance get(@PathParam("id") UUID caseId, @QueryParam("utfort") String done) {
        return householdPage(caseId, Backend.Problem.NONE, null, "", null, null, null).data("done", done(done));
    }

    /**
     * Settles the whole household: on the proposal of a matching run (its municipality filled in) or manually in
     * another municipality, with an override reason when the municipality's decision for the year is full.
     */
    @POST
    @Path("saker/{id}/bosett")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settle(@PathParam("id") UUID caseId, MultivaluedMap<String, String> form) {
        SettleForm f = SettleForm.of(form);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipality", Pages.blankToNull(f.municipality()));
        body.put("settledOn", Pages.blankToNull(f.settledOn()));
        body.put("settlementType", Pages.blankToNull(f.settlementType()));
        String reason = Pages.blankToNull(f.overrideReason());
        if (reason != null) {
            body.put("override", Map.of("reason", reason));
        }
        Backend.Result r = Backend.call(Service.SETTLEMENT, () -> settlement.settle(caseId, body));
        return after(caseId, r, "settle", "bosatt", f, null, null);
    }

    /** A settled member of the household moved to another municipality. */
    @POST
    @Path("saker/{id}/flytting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response relocate(@PathParam("id") UUID caseId, MultivaluedMap<String, String> form) {
        MoveForm f = MoveForm.of(form);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toMunicipality", Pages.blankToNull(f.toMunicipality()));
        body.put("movedOn", Pages.blankToNull(f.movedOn()));
        body.put("relocationType", Pages.blankToNull(f.relocationType()));
        Backend.Result r = f.personId() == null
                ? new Backend.Problem(422, Messages.page(422, ""), List.of(Messages.field("personId", "relocation.required", "")))
                : Backend.call(Service.SETTLEMENT, () -> settlement.relocate(f.personId(), body));
        return after(caseId, r, "relocate", "flyttet", null, f, null);
    }

    @POST
    @Path("saker/{id}/avslutt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") UUID caseId, MultivaluedMap<String, String> form) {
        CloseForm f = CloseForm.of(form);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", Pages.blankToNull(f.reason()));
        body.put("closedOn", Pages.blankToNull(f.closedOn()));
        body.put("note", Pages.blankToNull(f.note()));
        Backend.Result r = Backend.call(Service.SETTLEMENT, () -> settlement.close(caseId, body));
        return after(caseId, r, "close", "avsluttet", null, null, f);
    }

    private Response after(UUID caseId, Backend.Result r, String form, String done, SettleForm settle, MoveForm move,
            CloseForm close) {
        if (r.ok()) {
            return Pages.seeOther("/bosetting/saker/" + caseId + "?utfort=" + done);
        }
        Backend.Problem p = r instanceof Backend.Problem x ? x : Backend.Problem.NONE;
        String unavailable = r instanceof Backend.Unavailable u ? u.message() : null;
        int status = r instanceof Backend.Problem x ? (x.status() == 400 ? 422 : x.status()) : 503;
        return Response.status(status).entity(householdPage(caseId, p, unavailable, form, settle, move, close)
                .data("done", null)).type(MediaType.TEXT_HTML).build();
    }

    private TemplateInstance householdPage(UUID caseId, Backend.Problem problem, String unavailable, String form,
            SettleForm settle, MoveForm move, CloseForm close) {
        Backend.Result r = Backend.call(Service.SETTLEMENT, () -> settlement.household(caseId));
        List<Views.Case> members = r instanceof Backend.Ok ok ? Views.readList(ok.body(), Views.Case.class) : List.of();
        members = members.stream().map(this::withName).toList();
        Views.Case first = members.stream().filter(c -> c.caseId().equals(caseId)).findFirst()
                .orElse(members.isEmpty() ? null : members.get(0));
        String today = Pages.today().toString();
        List<Views.Case> relocatable = members.stream().filter(Views.Case::settled).toList();
        return household.data("members", members).data("c", first).data("caseId", caseId)
                .data("loadProblem", StartPage.message(r)).data("problem", problem).data("problemForm", form)
                .data("unavailable", unavailable).data("today", today)
                .data("relocatable", relocatable.isEmpty() ? null : relocatable)
                .data("settle", settle != null ? settle
                        : new SettleForm(first == null ? "" : first.proposedMunicipality(), today, "BY_AGREEMENT", ""))
                .data("move", move != null ? move : new MoveForm(null, "", today, "BY_AGREEMENT"))
                .data("close", close != null ? close : new CloseForm("LEFT_NORWAY", today, ""));
    }

    /**
     * A member settlement knows no name of (arrived through a reception centre) is named from reception-training,
     * which lets a settlement officer read residents (the read is audited with the portal's purpose). When that
     * service does not answer, the birth date and citizenship stand in.
     */
    private Views.Case withName(Views.Case c) {
        if (!c.unnamed() || c.personId() == null) {
            return c;
        }
        Backend.Result r = Backend.call(Service.RECEPTION,
                () -> reception.resident(c.personId(), Pages.PURPOSE + ": settlement household"));
        if (r instanceof Backend.Ok ok && ok.body().hasNonNull("lastName")) {
            return c.named(ok.body().path("firstName").asText(null), ok.body().path("lastName").asText(null));
        }
        return c;
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
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
