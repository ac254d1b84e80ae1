package no.nystart.portal.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import no.nystart.portal.domain.Navigation;
import no.nystart.portal.domain.Timeline;
import no.nystart.portal.service.PersonService;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Person search (by name, DUF number or national id, for the roles that may see them) and the person timeline (what
 * every service lets this user see about one person, in date order, with the deadlines ahead). The search is a POST
 * form, so no name or number ends up in a URL, a browser history or an access log; the timeline's URL carries only the
 * person's NyStart id.
 */
@Path("/personer")
@Produces(MediaType.TEXT_HTML)
public class PersonPages {

    @Inject
    @Location("person-search")
    Template search;

    @Inject
    @Location("person-timeline")
    Template timeline;

    @Inject
    CurrentUser user;

    @Inject
    PersonService persons;

    @GET
    @RolesAllowed({Navigation.RECEPTION_STAFF, Navigation.SETTLEMENT_OFFICER})
    public TemplateInstance form() {
        return search.data("query", "").data("result", null).data("maySearch", maySearch()).data("error", null);
    }

    @POST
    @Path("/sok")
    @RolesAllowed({Navigation.RECEPTION_STAFF, Navigation.SETTLEMENT_OFFICER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance find(@RestForm String query) {
        String text = Pages.blankToNull(query);
        if (text == null || text.length() < 2) {
            return search.data("query", text == null ? "" : text).data("result", null).data("maySearch", true)
                    .data("error", "Skriv minst to tegn: et navn, et DUF-nummer (12 siffer) eller et fødselsnummer (11 siffer).");
        }
        PersonService.SearchResult result = persons.search(text, user.reception(), user.settlement());
        String error = result.problem() == null ? null
                : result.problem().fieldErrors().isEmpty() ? result.problem().message()
                : result.problem().fieldErrors().get(0).message();
        return search.data("query", text).data("result", error == null ? result : null).data("maySearch", true)
                .data("error", error);
    }

    @GET
    @Path("/{personId}")
    @Authenticated
    public TemplateInstance timeline(@PathParam("personId") UUID personId) {
        Timeline.Merged merged = persons.timeline(personId, Pages.today());
        return timeline.data("personId", personId).data("t", merged);
    }

    private boolean maySearch() {
        return user.reception() || user.settlement();
    }
}
