package no.nystart.portal.api;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.portal.domain.Navigation;
import no.nystart.portal.service.Backend;
import no.nystart.portal.service.Backend.Service;
import no.nystart.portal.service.ReceptionClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reception pages: the residents list (filters, paging by the service's cursor), the arrival form and one
 * resident's page (training with progress against the regime's hours, exemptions, permit). Person ids in
 * paths are random UUIDs: no national id, DUF number or name ever goes into a URL.
 */
@Path("/beboere")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Navigation.RECEPTION_STAFF)
public class ResidentPages {
    static final int PAGE_SIZE = 50;

    @Inject
    Template residents;

    @Inject
    Template arrival;

    @Inject
    Template resident;

    @Inject
    Template training;

    @RestClient
    ReceptionClient reception;

    /** The arrival form as posted back (so a rejected form keeps what the user typed). */
    @TemplateData
    public record ArrivalForm(String dufNumber, String firstName, String lastName, String birthDate, String sex,
            String citizenship, String receptionCentreId, String registeredOn, String asylumProcedure) {
        static ArrivalForm of(MultivaluedMap<String, String> f) {
            return new ArrivalForm(f.getFirst("dufNumber"), f.getFirst("firstName"), f.getFirst("lastName"),
                    f.getFirst("birthDate"), f.getFirst("sex"), f.getFirst("citizenship"), f.getFirst("receptionCentreId"),
                    f.getFirst("registeredOn"), f.getFirst("asylumProcedure"));
        }

        static ArrivalForm empty() {
            return new ArrivalForm("", "", "", "", "", "", "", Pages.today().toString(), "NORMAL");
        }

        Map<String, Object> body() {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("dufNumber", Pages.blankToNull(dufNumber));
            b.put("firstName", Pages.blankToNull(firstName));
            b.put("lastName", Pages.blankToNull(lastName));
            b.put("birthDate", Pages.blankToNull(birthDate));
            b.put("sex", Pages.blankToNull(sex));
            b.put("citizenship", Pages.blankToNull(citizenship));
            b.put("receptionCentreId", Pages.blankToNull(receptionCentreId));
            b.put("registeredOn", Pages.blankToNull(registeredOn));
            b.put("householdId", null);
            b.put("asylumProcedure", Pages.blankToNull(asylumProcedure));
            return b;
        }
    }

    /** The session form as shown: after a saved session the module stays chosen; a refused one keeps what was typed. */
    @TemplateData
    public record SessionForm(String module, String date, String hours) {
        static SessionForm fresh(String module) {
            return new SessionForm(module == null ? "" : module, Pages.today().toString(), "");
        }
    }

    /** A choice of a select or a checkbox, in bokmål. */
    @TemplateData
    public record Option(String value, String label, boolean selected) {
    }

    static final Map<String, String> EDUCATION_LEVELS = ordered("NO_COMPLETED_PRIMARY", "Ikke fullført grunnskole",
            "PRIMARY", "Grunnskole", "UPPER_SECONDARY", "Videregående opplæring", "HIGHER", "Høyere utdanning (universitet eller høyskole)");
    static final Map<String, String> PROFICIENCIES = ordered("NATIVE", "Morsmål", "FLUENT", "Flytende", "GOOD", "Godt",
            "BASIC", "Grunnleggende");
    static final Map<String, String> OTHER_COMPETENCE = ordered("DRIVING_LICENCE", "Førerkort",
            "DIGITAL_SKILLS", "Grunnleggende digitale ferdigheter", "CERTIFIED_TRADE", "Fag- eller svennebrev",
            "ENTREPRENEURSHIP", "Har drevet egen virksomhet", "VOLUNTEER_WORK", "Frivillig arbeid eller organisasjonserfaring",
            "OTHER", "Annen relevant kompetanse");
    /** Rows of languages and of occupations on the form (without JavaScript no row can be added). */
    static final int ROWS = 3;

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static List<Option> options(Map<String, String> labels, java.util.Collection<String> chosen) {
        return labels.entrySet().stream()
                .map(e -> new Option(e.getKey(), e.getValue(), chosen != null && chosen.contains(e.getKey()))).toList();
    }

    /**
     * One row of the form's languages or occupations: the code typed, the level or years, and the service's
     * messages at each (the service numbers the rows it was sent, blank rows are not sent).
     */
    @TemplateData
    public record Row(int number, String code, String value, List<Option> choices, String codeError, String valueError) {
        /** The row's number as the label says it (from 1). */
        public int shown() {
            return number + 1;
        }
    }

    /** The § 6 competence mapping form as posted back (a refused form keeps what was typed). */
    @TemplateData
    public record CompetenceForm(String mappedOn, String educationLevel, String educationYears, List<String[]> languages,
            List<String[]> work, List<String> other) {
        static CompetenceForm empty() {
            List<String[]> blank = java.util.stream.IntStream.range(0, ROWS).mapToObj(i -> new String[] {"", ""}).toList();
            return new CompetenceForm(Pages.today().toString(), "", "", blank, blank, List.of());
        }

        static CompetenceForm of(MultivaluedMap<String, String> f) {
            List<String[]> langs = new java.util.ArrayList<>();
            List<String[]> work = new java.util.ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                langs.add(new String[] {nz(f.getFirst("languageCode" + i)), nz(f.getFirst("proficiency" + i))});
                work.add(new String[] {nz(f.getFirst("styrkCode" + i)), nz(f.getFirst("years" + i))});
            }
            List<String> other = f.get("otherCompetence") == null ? List.of() : List.copyOf(f.get("otherCompetence"));
            return new CompetenceForm(f.getFirst("mappedOn"), f.getFirst("educationLevel"), f.getFirst("educationYears"),
                    langs, work, other);
        }

        private static String nz(String s) {
            return s == null ? "" : s.strip();
        }

        /** The form rows that are sent, in order (a row with nothing in it is left out). */
        private static List<Integer> sent(List<String[]> rows) {
            return java.util.stream.IntStream.range(0, rows.size())
                    .filter(i -> !rows.get(i)[0].isBlank() || !rows.get(i)[1].isBlank()).boxed().toList();
        }

        Map<String, Object> body() {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("mappedOn", Pages.blankToNull(mappedOn));
            b.put("languages", sent(languages).stream().map(i -> {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("languageCode", Pages.blankToNull(languages.get(i)[0]));
                l.put("proficiency", Pages.blankToNull(languages.get(i)[1]));
                return l;
            }).toList());
            b.put("educationLevel", Pages.blankToNull(educationLevel));
            b.put("educationYears", Pages.blankToNull(educationYears));
            b.put("workExperience", sent(work).stream().map(i -> {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("styrkCode", Pages.blankToNull(work.get(i)[0]));
                w.put("years", Pages.blankToNull(work.get(i)[1]));
                return w;
            }).toList());
            b.put("otherCompetence", other);
            return b;
        }

        public List<Option> educationLevels() {
            return options(EDUCATION_LEVELS, educationLevel == null ? List.of() : List.of(educationLevel));
        }

        public List<Option> otherCompetence() {
            return options(OTHER_COMPETENCE, other);
        }

        /** The language rows with the service's messages, read at the position each row was sent at. */
        public List<Row> languageRows(Backend.Problem p) {
            return rows(languages, "languages", "languageCode", "proficiency", p, true);
        }

        public List<Row> workRows(Backend.Problem p) {
            return rows(work, "workExperience", "styrkCode", "years", p, false);
        }

        private static List<Row> rows(List<String[]> rows, String list, String code, String value, Backend.Problem p,
                boolean levels) {
            List<Integer> sent = sent(rows);
            List<Row> out = new java.util.ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                int at = sent.indexOf(i);
                String prefix = list + "[" + at + "].";
                out.add(new Row(i, rows.get(i)[0], rows.get(i)[1],
                        levels ? options(PROFICIENCIES, List.of(rows.get(i)[1])) : List.of(),
                        at < 0 ? null : p.errorFor(prefix + code), at < 0 ? null : p.errorFor(prefix + value)));
            }
            return out;
        }
    }

    /** The § 11 career guidance form as posted back. */
    @TemplateData
    public record GuidanceForm(String completedOn, String county) {
        static GuidanceForm empty() {
            return new GuidanceForm(Pages.today().toString(), "");
        }
    }

    /** What was recorded of the mapping and the guidance, as the service's history of the person tells it. */
    @TemplateData
    public record Recorded(String educationLevel, String educationYears, String county) {
        static final Recorded NONE = new Recorded(null, null, null);

        static Recorded of(com.fasterxml.jackson.databind.JsonNode history) {
            String level = null;
            String years = null;
            String county = null;
            for (com.fasterxml.jackson.databind.JsonNode e : history.path("entries")) {
                com.fasterxml.jackson.databind.JsonNode d = e.path("details");
                switch (e.path("kind").asText("")) {
                    case "COMPETENCE_MAPPED" -> {
                        level = EDUCATION_LEVELS.getOrDefault(d.path("educationLevel").asText(""), d.path("educationLevel").asText(null));
                        years = d.path("educationYears").asText(null);
                    }
                    case "CAREER_GUIDANCE" -> county = d.path("county").asText(null);
                    default -> {
                    }
                }
            }
            return new Recorded(level, years, county);
        }
    }

    /** What the resident page says after a saved form (post/redirect/get: {@code ?utfort=...}). */
    static String done(String what) {
        return switch (what == null ? "" : what) {
            case "kartlagt" -> "Kompetansekartleggingen er registrert.";
            case "veiledet" -> "Karriereveiledningen er registrert.";
            default -> null;
        };
    }

    @GET
    public TemplateInstance list(@QueryParam("behind") boolean behind, @QueryParam("includeLeft") boolean includeLeft,
            @QueryParam("cursor") String cursor) {
        Backend.Result r = Backend.call(Service.RECEPTION, () -> reception.residents(null, behind ? true : null,
                includeLeft ? true : null, PAGE_SIZE, Pages.blankToNull(cursor), Pages.PURPOSE + ": residents list"));
        List<Views.Resident> rows = r instanceof Backend.Ok ok ? Views.readList(ok.body(), Views.Resident.class) : List.of();
        String next = r instanceof Backend.Ok ok ? ok.nextCursor() : null;
        return residents.data("rows", rows).data("problem", StartPage.message(r)).data("behind", behind)
                .data("includeLeft", includeLeft).data("next", next).data("firstPage", cursor == null || cursor.isBlank());
    }

    @GET
    @Path("ny")
    public TemplateInstance arrivalForm() {
        return arrivalPage(ArrivalForm.empty(), null);
    }

    @POST
    @Path("ny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(MultivaluedMap<String, String> form) {
        ArrivalForm f = ArrivalForm.of(form);
        Backend.Result r = Backend.call(Service.RECEPTION, () -> reception.register(f.body()));
        if (r instanceof Backend.Ok ok) {
            return Pages.seeOther("/beboere/" + ok.body().path("personId").asText());
        }
        int status = r instanceof Backend.Problem p ? (p.status() == 400 ? 422 : p.status()) : 503;
        return Response.status(status).entity(arrivalPage(f, r)).type(MediaType.TEXT_HTML).build();
    }

    private TemplateInstance arrivalPage(ArrivalForm f, Backend.Result outcome) {
        Backend.Result centres = Backend.call(Service.RECEPTION, () -> reception.centres());
        List<Views.Centre> list = centres instanceof Backend.Ok ok
                ? Views.readList(ok.body(), Views.Centre.class).stream().filter(Views.Centre::active).toList() : List.of();
        return arrival.data("form", f).data("centres", list).data("centresProblem", StartPage.message(centres))
                .data("problem", outcome instanceof Backend.Problem p ? p : Backend.Problem.NONE)
                .data("unavailable", outcome instanceof Backend.Unavailable u ? u.message() : null);
    }

    @GET
    @Path("{id}")
    public TemplateInstance get(@PathParam("id") UUID personId, @QueryParam("utfort") String done) {
        return residentPage(personId, null, null, SessionForm.fresh(null)).data("done", done(done));
    }

    /** The § 6 competence mapping (integreringsloven § 6): once per person, after the permit. */
    @POST
    @Path("{id}/kartlegging")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response mapCompetence(@PathParam("id") UUID personId, MultivaluedMap<String, String> form) {
        CompetenceForm f = CompetenceForm.of(form);
        Backend.Result r = Backend.call(Service.RECEPTION, () -> reception.mapCompetence(personId, f.body()));
        if (r.ok()) {
            return Pages.seeOther("/beboere/" + personId + "?utfort=kartlagt");
        }
        return refused(r, residentPage(personId, r, "competence", SessionForm.fresh(null)).data("competence", f));
    }

    /** The § 11 career guidance by the county (integreringsloven § 11); the county defaults to the host's. */
    @POST
    @Path("{id}/karriereveiledning")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response careerGuidance(@PathParam("id") UUID personId, MultivaluedMap<String, String> form) {
        GuidanceForm f = new GuidanceForm(form.getFirst("completedOn"), form.getFirst("county"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("completedOn", Pages.blankToNull(f.completedOn()));
        body.put("county", Pages.blankToNull(f.county()));
        Backend.Result r = Backend.call(Service.RECEPTION, () -> reception.careerGuidance(personId, body));
        if (r.ok()) {
            return Pages.seeOther("/beboere/" + personId + "?utfort=veiledet");
        }
        return refused(r, residentPage(personId, r, "guidance", SessionForm.fresh(null)).data("guidance", f));
    }

    private static Response refused(Backend.Result r, TemplateInstance page) {
        int status = r instanceof Backend.Problem p ? (p.status() == 400 ? 422 : p.status()) : 503;
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML).build();
    }

    /** One training session; with htmx only the training part of the page is replaced. */
    @POST
    @Path("{id}/opplaering")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordSession(@PathParam("id") UUID personId, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") String htmx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("module", Pages.blankToNull(form.getFirst("module")));
        body.put("date", Pages.blankToNull(form.getFirst("date")));
        body.put("hours", Pages.blankToNull(form.getFirst("hours")));
        Backend.Result r = Backend.call(Service.RECEPTION, () -> reception.recordSession(personId, body));
        SessionForm shown = r.ok() ? SessionForm.fresh(form.getFirst("module"))
                : new SessionForm(form.getFirst("module"), form.getFirst("date"), form.getFirst("hours"));
        return afterPost(personId, r, htmx, "session", shown);
    }

    @POST
    @Path("{id}/fritak")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grantExemption(@PathParam("id") UUID personId, MultivaluedMap<String, String> form,
            @HeaderParam("HX-Request") String htmx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("module", Pages.blankToNull(form.getFirst("module")));
        body.put("reason", Pages.blankToNull(form.getFirst("reason")));
        body.put("grantedOn", Pages.blankToNull(form.getFirst("grantedOn")));
        return afterPost(personId, Backend.call(Service.RECEPTION, () -> reception.grantExemption(personId, body)), htmx,
                "exemption", SessionForm.fresh(null));
    }

    @POST
    @Path("{id}/tillatelse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grantPermit(@PathParam("id") UUID personId, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("permitType", Pages.blankToNull(form.getFirst("permitType")));
        body.put("decisionDate", Pages.blankToNull(form.getFirst("decisionDate")));
        return afterPost(personId, Backend.call(Service.RECEPTION, () -> reception.grantPermit(personId, body)), null,
                "permit", SessionForm.fresh(null));
    }

    private Response afterPost(UUID personId, Backend.Result r, String htmx, String form, SessionForm session) {
        boolean partial = "true".equalsIgnoreCase(htmx) && !"permit".equals(form);
        if (r.ok() && !partial) {
            return Pages.seeOther("/beboere/" + personId);
        }
        TemplateInstance page = partial ? trainingPart(personId, r.ok() ? null : r, form, session)
                : residentPage(personId, r, form, session);
        int status = r.ok() ? 200 : r instanceof Backend.Problem p ? (p.status() == 400 ? 422 : p.status()) : 503;
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML).build();
    }

    private TemplateInstance residentPage(UUID personId, Backend.Result outcome, String form, SessionForm session) {
        Backend.Result r = Backend.call(Service.RECEPTION, () -> reception.resident(personId, Pages.PURPOSE + ": resident page"));
        Views.Resident res = r instanceof Backend.Ok ok ? Views.read(ok.body(), Views.Resident.class) : null;
        Recorded recorded = Recorded.NONE;
        if (res != null && (res.competenceMappedOn() != null || res.careerGuidanceCompletedOn() != null)) {
            Backend.Result h = Backend.call(Service.RECEPTION, () -> reception.history(personId, Pages.PURPOSE + ": resident page"));
            recorded = h instanceof Backend.Ok ok ? Recorded.of(ok.body()) : Recorded.NONE;
        }
        return withOutcome(resident.data("r", res).data("loadProblem", StartPage.message(r)), outcome, form)
                .data("today", Pages.today().toString()).data("session", session).data("recorded", recorded)
                .data("competence", CompetenceForm.empty()).data("guidance", GuidanceForm.empty()).data("done", null);
    }

    private TemplateInstance trainingPart(UUID personId, Backend.Result outcome, String form, SessionForm session) {
        Backend.Result r = Backend.call(Service.RECEPTION, () -> reception.resident(personId, Pages.PURPOSE + ": resident page"));
        Views.Resident res = r instanceof Backend.Ok ok ? Views.read(ok.body(), Views.Resident.class) : null;
        return withOutcome(training.data("r", res).data("loadProblem", StartPage.message(r)), outcome, form)
                .data("today", Pages.today().toString()).data("session", session);
    }

    private static TemplateInstance withOutcome(TemplateInstance t, Backend.Result outcome, String form) {
        Backend.Problem p = outcome instanceof Backend.Problem x ? x : Backend.Problem.NONE;
        return t.data("problem", p).data("problemForm", p == Backend.Problem.NONE ? "" : form)
                .data("unavailable", outcome instanceof Backend.Unavailable u ? u.message() : null);
    }
}
