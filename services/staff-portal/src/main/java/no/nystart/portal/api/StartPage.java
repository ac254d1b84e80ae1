package no.nystart.portal.api;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.portal.service.Backend;
import no.nystart.portal.service.Backend.Service;
import no.nystart.portal.service.ReceptionClient;
import no.nystart.portal.service.SettlementClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The start page: for a signed-in user a work queue of what needs attention now, per role; for a visitor a
 * sign-in button. Each part asks its own service, so one service down leaves the other parts working.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StartPage {

    @Inject
    Template start;

    @Inject
    CurrentUser user;

    @RestClient
    ReceptionClient reception;

    @RestClient
    SettlementClient settlement;

    /** The reception staff's queue. */
    @io.quarkus.qute.TemplateData
    public record ReceptionQueue(String unavailable, List<Views.Resident> hoursLeft, List<Views.Resident> permitNoMapping,
            List<Views.Resident> aboutToLeave, boolean more) {
    }

    /** The settlement officer's queue. */
    @io.quarkus.qute.TemplateData
    public record SettlementQueue(String unavailable, List<Views.Household> households, int readyCases, boolean more) {
    }

    @GET
    public TemplateInstance get() {
        ReceptionQueue rq = user.reception() ? receptionQueue() : null;
        SettlementQueue sq = user.settlement() ? settlementQueue() : null;
        return start.data("reception", rq).data("settlement", sq);
    }

    @GET
    @Path("logg-inn")
    @Authenticated
    public Response signIn() {
        return Pages.seeOther("/");
    }

    private ReceptionQueue receptionQueue() {
        Backend.Result r = Backend.call(Service.RECEPTION,
                () -> reception.residents(null, null, null, 500, null, Pages.PURPOSE + ": work queue"));
        if (r instanceof Backend.Ok ok) {
            List<Views.Resident> all = Views.readList(ok.body(), Views.Resident.class);
            return new ReceptionQueue(null,
                    all.stream().filter(Views.Resident::hoursLeft)
                            .sorted(Comparator.comparing(Views.Resident::registeredOn)).toList(),
                    all.stream().filter(Views.Resident::permitWithoutMapping)
                            .sorted(Comparator.comparing(x -> x.residencePermit().decisionDate())).toList(),
                    all.stream().filter(Views.Resident::aboutToLeave)
                            .sorted(Comparator.comparing(x -> x.residencePermit().decisionDate())).toList(),
                    ok.nextCursor() != null);
        }
        return new ReceptionQueue(message(r), List.of(), List.of(), List.of(), false);
    }

    private SettlementQueue settlementQueue() {
        Backend.Result r = Backend.call(Service.SETTLEMENT, () -> settlement.cases("READY", 500, null));
        if (r instanceof Backend.Ok ok) {
            List<Views.Case> cases = Views.readList(ok.body(), Views.Case.class);
            return new SettlementQueue(null, households(cases, Pages.today()), cases.size(), ok.nextCursor() != null);
        }
        return new SettlementQueue(message(r), List.of(), 0, false);
    }

    /** READY cases grouped by household, the longest wait since the permit first. */
    static List<Views.Household> households(List<Views.Case> cases, LocalDate today) {
        Map<UUID, List<Views.Case>> byHousehold = new LinkedHashMap<>();
        for (Views.Case c : cases) {
            UUID key = c.householdId() != null ? c.householdId() : c.caseId();
            byHousehold.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        return byHousehold.entrySet().stream().map(e -> Views.Household.of(e.getKey(), e.getValue(), today))
                .sorted(Comparator.comparing(Views.Household::daysSincePermit).reversed()).toList();
    }

    static String message(Backend.Result r) {
        if (r instanceof Backend.Unavailable u) {
            return u.message();
        }
        if (r instanceof Backend.Problem p) {
            return p.message();
        }
        return null;
    }
}
