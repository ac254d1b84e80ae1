package no.nystart.reception.api;

import static no.nystart.platform.events.ClockProducer.OSLO;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.ContractSchemas;
import no.nystart.platform.testing.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;

/** Shared fixtures of the reception-training tests: tokens, request bodies, database counts. */
final class ReceptionTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    static final String FJORDLYS = "0b5f3f7e-2c1d-4e8a-b1f2-9a8c7d6e5f40";
    static final String NORDLYS = "6a1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    private ReceptionTestSupport() {
    }

    static String staffToken() {
        return TestInfrastructure.get().tokens().token().user("mottak-ansatt").roles(Roles.RECEPTION_STAFF).sign();
    }

    static String token(String... roles) {
        return TestInfrastructure.get().tokens().token().user("user-" + String.join("-", roles)).roles(roles).sign();
    }

    /** A DUF number no other test uses: application year 2024 and eight random digits. */
    static String newDufNumber() {
        return "2024" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Map<String, Object> arrival(String dufNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dufNumber", dufNumber);
        body.put("firstName", "Amina");
        body.put("lastName", "Haile");
        body.put("birthDate", "1994-07-15");
        body.put("sex", "FEMALE");
        body.put("citizenship", "ERI");
        body.put("receptionCentreId", FJORDLYS);
        body.put("registeredOn", LocalDate.now(OSLO).minusDays(3).toString());
        body.put("householdId", null);
        body.put("asylumProcedure", "NORMAL");
        return body;
    }

    /** Staff bound to a centre (claim {@code reception_centre}). */
    static String staffTokenOf(String centreId) {
        return TestInfrastructure.get().tokens().token().user("mottak-" + centreId.substring(0, 8)).roles(Roles.RECEPTION_STAFF)
                .claim("reception_centre", centreId).sign();
    }

    static String officerToken() {
        return TestInfrastructure.get().tokens().token().user("imdi-bosetting").roles(Roles.SETTLEMENT_OFFICER).sign();
    }

    /** Registers an arrival at Fjordlys (host 3301 Drammen) and returns the personId. */
    static String register(Map<String, Object> body) {
        return given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/residents")
                .then().statusCode(201).extract().path("personId");
    }

    /** An adult (born 1990) registered {@code daysAgo} days ago in the NORMAL procedure. */
    static String registerAdult(int daysAgo) {
        Map<String, Object> body = arrival(newDufNumber());
        body.put("birthDate", "1990-04-02");
        body.put("registeredOn", LocalDate.now(OSLO).minusDays(daysAgo).toString());
        return register(body);
    }

    static Map<String, Object> session(String module, LocalDate date, String hours) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("module", module);
        body.put("date", date.toString());
        body.put("hours", hours == null ? null : new java.math.BigDecimal(hours));
        return body;
    }

    static io.restassured.response.ValidatableResponse post(String path, Object body, Object... pathParams) {
        return given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(body)
                .when().post(path, pathParams).then();
    }

    static long outboxCount(String personId, String eventName) {
        return count("select count(*) from nystart_outbox where record_key = ? and ce_type = ?", personId,
                "no.nystart." + eventName + ".v1");
    }

    /** Waits for the one event of this type about this person on the topic, and checks it against its JSON Schema. */
    static JsonNode awaitValidEvent(String topic, Class<? extends NyStartEvent> type, String personId) {
        String ceType = EventType.Attributes.ceType(NyStartEvent.typeOf(type));
        ConsumerRecord<String, byte[]> record = TestInfrastructure.get().kafka().awaitRecord(topic,
                r -> personId.equals(r.key()) && ceType.equals(KafkaTestClient.header(r, "ce_type")), Duration.ofSeconds(60));
        String payload = KafkaTestClient.text(record.value());
        List<String> errors = ContractSchemas.errors(type, payload);
        if (!errors.isEmpty()) {
            throw new AssertionError(type.getSimpleName() + " on " + topic + " breaks its schema: " + errors + "\n" + payload);
        }
        if (!EventType.Attributes.dataSchema(NyStartEvent.typeOf(type)).equals(KafkaTestClient.header(record, "ce_dataschema"))) {
            throw new AssertionError("wrong ce_dataschema on " + type.getSimpleName());
        }
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... params) {
        return no.nystart.platform.testing.TestSql.count(sql, params);
    }

    static void execute(String sql) {
        no.nystart.platform.testing.TestSql.execute(sql);
    }
}
