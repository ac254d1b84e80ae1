package no.nystart.portal.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import no.nystart.portal.domain.Timeline;
import no.nystart.portal.service.Backend.Service;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The person pages' calls: the timeline asks all five services at once with the signed-in user's own token and
 * merges what they deliver; the search asks the services that hold names, DUF numbers and national ids for the
 * user's roles. A service that refuses or does not answer in time becomes a note, never an error.
 */
@ApplicationScoped
public class PersonService {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The purpose the services' read audit records for the portal's person reads. */
    static final String PURPOSE = "staff-portal: person timeline";

    @Inject
    SecurityIdentity identity;

    @RestClient
    ReceptionPersonClient reception;
    @RestClient
    SettlementPersonClient settlement;
    @RestClient
    IntroductionPersonClient introduction;
    @RestClient
    AdultEducationPersonClient adultEducation;
    @RestClient
    GrantsPersonClient grants;

    /** How long the timeline waits for one service before it names the service as not answering. */
    @ConfigProperty(name = "nystart.portal.timeline.timeout", defaultValue = "PT3S")
    Duration timeout;

    /** One search hit, from the service that holds the person's identity. */
    public record Hit(UUID personId, String name, LocalDate birthDate, String identifierLabel, String identifier,
            String serviceLabel) {
    }

    /** The hits (by name), the notes of services that could not answer, and whether a service had more hits. */
    public record SearchResult(List<Hit> hits, List<String> notes, boolean truncated, Backend.Problem problem) {
    }

    public Timeline.Merged timeline(UUID personId, LocalDate today) {
        String bearer = bearer();
        List<Uni<Timeline.Source>> calls = List.of(
                source(Service.RECEPTION, () -> reception.history(bearer, PURPOSE, personId)),
                source(Service.SETTLEMENT, () -> settlement.history(bearer, PURPOSE, personId)),
                source(Service.INTRODUCTION, () -> introduction.history(bearer, PURPOSE, personId)),
                source(Service.ADULT_EDUCATION, () -> adultEducation.history(bearer, PURPOSE, personId)),
                source(Service.GRANTS, () -> grants.history(bearer, PURPOSE, personId)));
        List<Timeline.Source> sources = Uni.join().all(calls).andFailFast()
                .await().atMost(timeout.plusSeconds(2));
        return Timeline.merge(sources, today);
    }

    /**
     * Searches by one text: 12 digits = a DUF number, 11 digits = a national id, otherwise a name. Reception staff
     * search reception-training; settlement officers both reception-training and settlement.
     */
    public SearchResult search(String query, boolean receptionStaff, boolean settlementOfficer) {
        String text = query == null ? "" : query.strip();
        String digits = text.replace(" ", "");
        Map<String, Object> criteria = new LinkedHashMap<>();
        if (digits.matches("[0-9]{12}")) {
            criteria.put("dufNumber", digits);
        } else if (digits.matches("[0-9]{11}")) {
            criteria.put("nationalId", digits);
        } else {
            criteria.put("name", text);
        }
        String bearer = bearer();
        List<Uni<Backend.Result>> calls = new ArrayList<>();
        List<Service> asked = new ArrayList<>();
        if (receptionStaff || settlementOfficer) {
            asked.add(Service.RECEPTION);
            calls.add(result(Service.RECEPTION, () -> reception.search(bearer, "staff-portal: person search", criteria)));
        }
        if (settlementOfficer) {
            asked.add(Service.SETTLEMENT);
            calls.add(result(Service.SETTLEMENT, () -> settlement.search(bearer, "staff-portal: person search", criteria)));
        }
        if (calls.isEmpty()) {
            return new SearchResult(List.of(), List.of(), false, null);
        }
        List<Backend.Result> results = Uni.join().all(calls).andFailFast().await().atMost(timeout.plusSeconds(2));
        List<Hit> hits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean truncated = false;
        Backend.Problem problem = null;
        for (int i = 0; i < results.size(); i++) {
            Backend.Result r = results.get(i);
            Service service = asked.get(i);
            if (r instanceof Backend.Ok ok) {
                truncated |= ok.body().path("truncated").asBoolean(false);
                for (JsonNode h : ok.body().path("hits")) {
                    boolean duf = !h.path("dufNumber").isMissingNode() && !h.path("dufNumber").isNull();
                    hits.add(new Hit(UUID.fromString(h.path("personId").asText()),
                            (h.path("firstName").asText("") + " " + h.path("lastName").asText("")).strip(),
                            h.hasNonNull("birthDate") ? LocalDate.parse(h.path("birthDate").asText()) : null,
                            duf ? "DUF-nummer" : h.hasNonNull("nationalId") ? "Fødselsnummer" : null,
                            duf ? h.path("dufNumber").asText() : h.hasNonNull("nationalId") ? h.path("nationalId").asText() : null,
                            service.label()));
                }
            } else if (r instanceof Backend.Problem p && p.status() == 400) {
                problem = p;
            } else if (r instanceof Backend.Unavailable u) {
                notes.add(u.message());
            } else if (r instanceof Backend.Problem p) {
                notes.add(service.label() + ": " + p.message());
            }
        }
        hits.sort(Comparator.comparing(Hit::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Hit::serviceLabel));
        return new SearchResult(hits, notes, truncated, problem);
    }

    /** The user's own access token, read on the request's thread before the calls leave it. */
    private String bearer() {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        return token == null ? null : "Bearer " + token.getToken();
    }

    private Uni<Backend.Result> result(Service service, java.util.function.Supplier<Uni<Response>> call) {
        Uni<Response> response;
        try {
            response = call.get();
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Backend.call(service, () -> {
                throw e;
            }));
        }
        return response.ifNoItem().after(timeout).fail()
                .map(r -> Backend.call(service, () -> r))
                .onFailure().recoverWithItem((Function<Throwable, Backend.Result>) e -> e instanceof WebApplicationException w
                        ? Backend.call(service, () -> w.getResponse())
                        : new Backend.Unavailable(service));
    }

    private Uni<Timeline.Source> source(Service service, java.util.function.Supplier<Uni<Response>> call) {
        return result(service, call).map(r -> toSource(service, r));
    }

    static Timeline.Source toSource(Service service, Backend.Result r) {
        if (r instanceof Backend.Ok ok) {
            try {
                List<Timeline.Entry> entries = new ArrayList<>();
                for (JsonNode e : ok.body().path("entries")) {
                    entries.add(new Timeline.Entry(LocalDate.parse(e.path("date").asText()),
                            e.hasNonNull("at") ? OffsetDateTime.parse(e.path("at").asText()) : null,
                            e.path("kind").asText(), text(e, "summary"), text(e, "rule"),
                            e.hasNonNull("details") ? JSON.convertValue(e.path("details"), Map.class) : Map.of()));
                }
                List<Timeline.Due> deadlines = new ArrayList<>();
                for (JsonNode d : ok.body().path("deadlines")) {
                    deadlines.add(new Timeline.Due(LocalDate.parse(d.path("date").asText()), d.path("kind").asText(),
                            text(d, "rule")));
                }
                return new Timeline.Delivered(service.label(), entries, deadlines);
            } catch (RuntimeException e) {
                return new Timeline.Unavailable(service.label());
            }
        }
        if (r instanceof Backend.Problem p && (p.status() == 403 || p.status() == 404)) {
            return new Timeline.Refused(service.label(), p.status());
        }
        return new Timeline.Unavailable(service.label());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }
}
