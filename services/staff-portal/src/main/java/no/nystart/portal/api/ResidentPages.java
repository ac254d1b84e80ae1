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
    public TemplateInstance get(@PathParam("id") UUID personId) {
        return residentPage(personId, null, null, SessionForm.fresh(null));
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
        return withOutcome(resident.data("r", res).data("loadProblem", StartPage.message(r)), outcome, form)
                .data("today", Pages.today().toString()).data("session", session);
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
