package no.nystart.settlement.api;

import static io.restassured.RestAssured.given;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nystart.contracts.EventCatalog;
import no.nystart.contracts.Topics;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.ContractSchemas;
import no.nystart.platform.testing.KafkaTestClient;
import no.nystart.platform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Tokens, request bodies, database checks and contract checks of published records shared by settlement's tests. */
public final class SettlementTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /**
     * Waits for the record of event {@code type} (e.g. "PersonSettled") with this key on settlement's topic, checks its
     * source and validates it against the contract's JSON Schema (contracts/, schemas/v1/&lt;type&gt;.schema.json).
     */
    public static JsonNode awaitEvent(String key, String type) throws IOException {
        ConsumerRecord<String, byte[]> record = TestInfrastructure.get().kafka().awaitRecord(Topics.SETTLEMENT,
                r -> key.equals(r.key()) && ("no.nystart." + type + ".v1").equals(KafkaTestClient.header(r, "ce_type")),
                Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/nystart/settlement");
        String json = KafkaTestClient.text(record.value());
        var eventClass = EventCatalog.byCeType("no.nystart." + type + ".v1");
        assertThat(eventClass).as(type + " in the contracts' event catalogue").isPresent();
        assertThat(ContractSchemas.errors(eventClass.get(), json)).as("contract of " + type).isEmpty();
        return JSON.readTree(json);
    }

    private SettlementTestSupport() {
    }

    static LocalDate today() {
        return LocalDate.now(OSLO);
    }

    static String officer() {
        return TestInfrastructure.get().tokens().token().user("imdi-bosetting").roles(Roles.SETTLEMENT_OFFICER).sign();
    }

    static String analyst(String county) {
        return TestInfrastructure.get().tokens().token().user("analyst-" + county).roles(Roles.COUNTY_ANALYST)
                .claim("county", county).sign();
    }

    static String caseworker() {
        return TestInfrastructure.get().tokens().token().user("caseworker").roles(Roles.MUNICIPAL_CASEWORKER)
                .claim("municipality", "0301").sign();
    }

    static Map<String, Object> decision(int decidedTotal, int decidedMinors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestedTotal", decidedTotal + 5);
        body.put("requestedUnaccompaniedMinors", decidedMinors);
        body.put("decidedTotal", decidedTotal);
        body.put("decidedUnaccompaniedMinors", decidedMinors);
        body.put("decidedOn", today().toString());
        return body;
    }

    static void putDecision(String k, int year, int total, int minors) {
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(decision(total, minors))
                .when().put("/api/v1/municipalities/{k}/settlement-decisions/{y}", k, year)
                .then().statusCode(200);
    }

    static Map<String, Object> person(String first, LocalDate birthDate, LocalDate permitDate, String nationalId, boolean minor) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("firstName", first);
        p.put("lastName", "Tesfaye");
        p.put("birthDate", birthDate.toString());
        p.put("sex", "FEMALE");
        p.put("citizenship", "ERI");
        if (nationalId != null) {
            p.put("nationalId", nationalId);
        }
        p.put("permitType", "RESETTLEMENT");
        p.put("permitDate", permitDate.toString());
        p.put("unaccompaniedMinor", minor);
        return p;
    }

    static Map<String, Object> household(String route, List<Map<String, Object>> persons) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("arrivalRoute", route);
        body.put("persons", persons);
        return body;
    }

    /** Registers a household; returns the created cases (caseId, personId, householdId ...). */
    static JsonNode register(List<Map<String, Object>> persons) {
        String body = given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(household("RESETTLEMENT_QUOTA", persons))
                .when().post("/api/v1/cases")
                .then().statusCode(201).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> settle(String municipality, LocalDate date, String type, String overrideReason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipality", municipality);
        body.put("settledOn", date.toString());
        body.put("settlementType", type);
        if (overrideReason != null) {
            body.put("override", Map.of("reason", overrideReason));
        }
        return body;
    }

    /** A valid classic fødselsnummer for a birth date in 1900–1999 (docs/domain/identifiers.md#7a control digits). */
    static String fodselsnummer(LocalDate birthDate) {
        String date = String.format("%02d%02d%02d", birthDate.getDayOfMonth(), birthDate.getMonthValue(), birthDate.getYear() % 100);
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        for (int individ = 499; individ >= 0; individ--) {
            String base = date + String.format("%03d", individ);
            int k1 = control(base, w1);
            if (k1 < 0) {
                continue;
            }
            int k2 = control(base + k1, w2);
            if (k2 < 0) {
                continue;
            }
            return base + k1 + k2;
        }
        throw new IllegalStateException("no number for " + birthDate);
    }

    private static int control(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k == 10 ? -1 : k;
    }

    static long count(String sql, Object... params) {
        return no.nystart.platform.testing.TestSql.count(sql, params);
    }

    static List<String> strings(String sql, Object... params) {
        return no.nystart.platform.testing.TestSql.strings(sql, params);
    }
}
