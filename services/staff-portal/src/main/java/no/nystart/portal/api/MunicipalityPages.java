package no.nystart.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nystart.portal.domain.Navigation;
import no.nystart.portal.service.Backend;
import no.nystart.portal.service.Backend.Service;
import no.nystart.portal.service.SettlementClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Settlement decisions per municipality and year (decided, settled, proposed, remaining: a table with the
 * figures and a bar drawn by CSS classes, no script) and one municipality's profile. The page lists every
 * decision of the year from settlement's {@code GET /api/v1/settlement-decisions?year=}, all its pages (a page of
 * 500 holds every municipality of the country, so it is one call in practice); typed kommunenummer narrow the list
 * to those municipalities, and a typed one without a decision shows "Ingen vedtak".
 */
@Path("/bosetting/kommuner")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Navigation.SETTLEMENT_OFFICER)
public class MunicipalityPages {
    /** At most this many typed municipality numbers narrow the list. */
    static final int MAX_MUNICIPALITIES = 30;

    /** Decisions asked for per call to settlement (its maximum page size). */
    static final int PAGE_SIZE = 500;

    /** At most this many pages are followed (5 × 500 is far more than the country's municipalities). */
    static final int MAX_PAGES = 5;

    @Inject
    Template decisions;

    @Inject
    Template municipality;

    @RestClient
    SettlementClient settlement;

    /**
     * One municipality's decision for a year with what is settled and proposed against it; {@code message} is set
     * instead when there is none (or the service refused). The bar's parts are whole percent of the larger of
     * the decision and what is settled and proposed (settled over the decision by an override shows as full).
     */
    @TemplateData
    public record DecisionRow(String municipality, String name, int year, int decided, int settled, int proposed,
            int remaining, int decidedMinors, int settledMinors, int proposedMinors, int remainingMinors, String decidedOn,
            String message) {

        static DecisionRow of(JsonNode d) {
            return new DecisionRow(d.path("municipality").asText(), d.path("municipalityName").asText(""),
                    d.path("year").asInt(), d.path("decidedTotal").asInt(), d.path("settled").asInt(),
                    d.path("proposed").asInt(), d.path("remaining").asInt(), d.path("decidedUnaccompaniedMinors").asInt(),
                    d.path("settledUnaccompaniedMinors").asInt(), d.path("proposedUnaccompaniedMinors").asInt(),
                    d.path("remainingUnaccompaniedMinors").asInt(), d.path("decidedOn").asText(""), null);
        }

        static DecisionRow missing(String municipality, int year, String message) {
            return new DecisionRow(municipality, "", year, 0, 0, 0, 0, 0, 0, 0, 0, "", message);
        }

        private int base() {
            return Math.max(decided, settled + proposed);
        }

        public int settledPercent() {
            return percent(settled, base());
        }

        public int proposedPercent() {
            return base() == 0 ? 0 : Math.min(100 - settledPercent(), percent(settled + proposed, base()) - settledPercent());
        }

        public int remainingPercent() {
            return base() == 0 ? 0 : 100 - settledPercent() - proposedPercent();
        }

        /** Settled and proposed beyond the decision (an override), 0 when within it. */
        public int over() {
            return Math.max(0, settled + proposed - decided);
        }

        /** The bar in words, for a screen reader (the figures are also in the table). */
        public String barText() {
            return "Bosatt " + settled + ", foreslått " + proposed + ", gjenstår " + Math.max(0, remaining) + " av "
                    + decided + (decided == 1 ? " plass" : " plasser") + (over() > 0 ? ", " + over() + " over vedtaket" : "");
        }

        public String title() {
            return name.isBlank() ? municipality : municipality + " " + name;
        }

        static int percent(int part, int whole) {
            return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
        }
    }

    /** One STYRK-08 major group's labour demand (per mille, shown as percent with a decimal comma). */
    @TemplateData
    public record Demand(int group, String label, int permille) {
        public String percent() {
            return Views.permille(permille);
        }

        public int width() {
            return Math.min(100, Math.round(permille / 10f));
        }
    }

    /** STYRK-08's ten major groups (hovedgrupper), in bokmål. */
    static final List<String> STYRK_MAJOR_GROUPS = List.of("Militære yrker", "Ledere", "Akademiske yrker",
            "Høyskoleyrker", "Kontoryrker", "Salgs- og serviceyrker", "Bønder, fiskere mv.", "Håndverkere",
            "Prosess- og maskinoperatører, transportarbeidere mv.", "Renholdere, hjelpearbeidere mv.");

    /** A municipality's profile as settlement keeps it. */
    @TemplateData
    public record Profile(String source, List<Demand> demand, String resultRate, String immigrantShare,
            int completedProgrammes, int successfulProgrammes) {
        static Profile of(JsonNode p) {
            List<Demand> demand = new ArrayList<>();
            JsonNode d = p.path("labourDemand");
            for (int i = 0; i < d.size(); i++) {
                demand.add(new Demand(i, i < STYRK_MAJOR_GROUPS.size() ? STYRK_MAJOR_GROUPS.get(i) : "Gruppe " + i,
                        d.get(i).asInt()));
            }
            return new Profile(p.path("source").asText(""), demand, Views.permille(p.path("resultRatePermille").asInt()),
                    Views.permille(p.path("immigrantSharePermille").asInt()), p.path("completedProgrammes").asInt(),
                    p.path("successfulProgrammes").asInt());
        }

        public String sourceText() {
            return switch (source) {
                case "STORED" -> "Registrert profil (kan være oppdatert med resultater fra introduksjonsprogrammet)";
                case "SYNTHETIC" -> "Generert profil: ikke ekte tall";
                default -> source;
            };
        }
    }

    /** The municipality numbers typed: four digits each, separated by commas or spaces, each once. */
    static List<String> municipalities(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>(Arrays.asList(typed.strip().split("[\\s,;]+")));
        out.remove("");
        return out.stream().limit(MAX_MUNICIPALITIES).toList();
    }

    /**
     * The rows of the page: every listed decision when nothing is typed; otherwise the typed municipalities in the
     * order typed, each with its listed decision or "Ingen vedtak" when the year has none for it.
     */
    static List<DecisionRow> rows(List<DecisionRow> listed, List<String> typed, int year) {
        if (typed.isEmpty()) {
            return listed;
        }
        Map<String, DecisionRow> byMunicipality = new HashMap<>();
        listed.forEach(d -> byMunicipality.put(d.municipality(), d));
        return typed.stream().map(k -> byMunicipality.getOrDefault(k,
                DecisionRow.missing(k, year, "Ingen vedtak om bosetting for " + year + "."))).toList();
    }

    @GET
    public TemplateInstance decisions(@QueryParam("aar") Integer year, @QueryParam("kommuner") String typed) {
        int y = year == null ? Pages.today().getYear() : year;
        List<DecisionRow> listed = new ArrayList<>();
        String unavailable = null;
        String problem = null;
        String cursor = null;
        boolean more = false;
        for (int page = 0; page < MAX_PAGES; page++) {
            String after = cursor;
            Backend.Result r = Backend.call(Service.SETTLEMENT, () -> settlement.decisions(y, PAGE_SIZE, after));
            if (r instanceof Backend.Ok ok) {
                ok.body().forEach(d -> listed.add(DecisionRow.of(d)));
                cursor = ok.nextCursor();
                more = cursor != null;
                if (!more) {
                    break;
                }
            } else if (r instanceof Backend.Problem p) {
                problem = p.fieldErrors().isEmpty() ? p.message() : p.fieldErrors().get(0).message();
                break;
            } else {
                unavailable = ((Backend.Unavailable) r).message();
                break;
            }
        }
        List<String> narrowed = municipalities(typed);
        List<DecisionRow> rows = unavailable != null || problem != null ? List.of() : rows(listed, narrowed, y);
        return decisions.data("year", y).data("typed", typed == null ? "" : typed.strip()).data("rows", rows)
                .data("unavailable", unavailable).data("problem", problem).data("more", more)
                .data("narrowed", !narrowed.isEmpty()).data("max", MAX_MUNICIPALITIES);
    }

    @GET
    @Path("{k}")
    public TemplateInstance municipality(@PathParam("k") String k, @QueryParam("aar") Integer year) {
        int y = year == null ? Pages.today().getYear() : year;
        Backend.Result d = Backend.call(Service.SETTLEMENT, () -> settlement.decision(k, y));
        Backend.Result p = Backend.call(Service.SETTLEMENT, () -> settlement.profile(k));
        DecisionRow decision = d instanceof Backend.Ok ok ? DecisionRow.of(ok.body())
                : d instanceof Backend.Problem pr && pr.status() == 404 ? DecisionRow.missing(k, y, "Ingen vedtak om bosetting for " + y + ".")
                : DecisionRow.missing(k, y, StartPage.message(d));
        Profile profile = p instanceof Backend.Ok ok ? Profile.of(ok.body()) : null;
        String profileMessage = p instanceof Backend.Problem pr && pr.status() == 404 ? "Ingen profil er registrert for kommunen."
                : profile == null ? StartPage.message(p) : null;
        return municipality.data("k", k).data("year", y).data("d", decision).data("profile", profile)
                .data("profileMessage", profileMessage);
    }
}
