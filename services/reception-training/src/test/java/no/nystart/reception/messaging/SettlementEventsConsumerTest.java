package no.nystart.reception.messaging;

import static no.nystart.platform.events.ClockProducer.OSLO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.Topics;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.contracts.settlement.SettlementType;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.CloudEventRecords;
import no.nystart.platform.testing.KafkaTestClient;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * reception-training consumes {@code PersonSettled} from {@code settlement.events.v1} (group reception-training)
 * through the inbox, from the real broker: the resident leaves the centre → ResidentLeftReception, once.
 * Every record of a test goes to partition 0, so a later record being processed proves the earlier ones were.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class SettlementEventsConsumerTest {
    private static final String DLQ = "settlement.events.v1.dlq.reception-training";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String staffToken() {
        return TestInfrastructure.get().tokens().token().user("mottak-ansatt").roles(Roles.RECEPTION_STAFF).sign();
    }

    private static UUID registerResident() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dufNumber", "2025" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        body.put("firstName", "Yonas");
        body.put("lastName", "Tesfay");
        body.put("birthDate", "1991-02-03");
        body.put("sex", "MALE");
        body.put("citizenship", "ERI");
        body.put("receptionCentreId", "0b5f3f7e-2c1d-4e8a-b1f2-9a8c7d6e5f40");
        body.put("registeredOn", LocalDate.now(OSLO).minusDays(60).toString());
        body.put("asylumProcedure", "NORMAL");
        return UUID.fromString(given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/residents").then().statusCode(201).extract().path("personId"));
    }

    private static PersonSettled settled(UUID personId, LocalDate settledOn) {
        return new PersonSettled(personId, LocalDate.of(1991, 2, 3), Sex.MALE, "ERI", PermitType.REFUGEE,
                LocalDate.now(OSLO).minusDays(30), Regime.INTEGRERINGSLOVEN, ArrivalRoute.ASYLUM, false, UUID.randomUUID(), 1,
                SettlementType.BY_AGREEMENT, "4601", settledOn);
    }

    private static void publish(PersonSettled event, String eventId) {
        TestInfrastructure.get().kafka().send(Topics.SETTLEMENT, 0, event.key(), CloudEventRecords.headers(event, eventId),
                EventJson.write(event));
    }

    private static void awaitLeft(UUID personId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                count("select count(*) from resident where person_id = ? and left_on is not null", personId)).isEqualTo(1));
    }

    private static long leftEvents(UUID personId) {
        return count("select count(*) from nystart_outbox where record_key = ? and ce_type = 'no.nystart.ResidentLeftReception.v1'",
                personId.toString());
    }

    @Test
    void PersonSettled_makes_the_resident_leave_the_centre_and_publishes_ResidentLeftReception_per_the_contract() throws Exception {
        UUID personId = registerResident();
        LocalDate settledOn = LocalDate.now(OSLO).minusDays(1);
        String eventId = UUID.randomUUID().toString();
        publish(settled(personId, settledOn), eventId);
        awaitLeft(personId);

        ConsumerRecord<String, byte[]> record = TestInfrastructure.get().kafka().awaitRecord(Topics.RECEPTION,
                r -> personId.toString().equals(r.key())
                        && "no.nystart.ResidentLeftReception.v1".equals(KafkaTestClient.header(r, "ce_type")),
                Duration.ofSeconds(60));
        String payload = KafkaTestClient.text(record.value());
        assertThat(no.nystart.platform.testing.ContractSchemas.errors(
                no.nystart.contracts.reception.ResidentLeftReception.class, payload)).isEmpty();
        JsonNode event = JSON.readTree(payload);
        assertThat(event.get("leftOn").asText()).isEqualTo(settledOn.toString());
        assertThat(event.get("reason").asText()).isEqualTo("SETTLED");
        assertThat(event.get("causingEventId").asText()).isEqualTo(eventId);
        assertThat(event.get("receptionCentreId").asText()).isEqualTo("0b5f3f7e-2c1d-4e8a-b1f2-9a8c7d6e5f40");
        assertThat(event.get("hostMunicipality").asText()).isEqualTo("3301");

        given().auth().oauth2(staffToken()).when().get("/api/v1/residents/{id}", personId).then().statusCode(200)
                .body("leftOn", equalTo(settledOn.toString())).body("leftReason", equalTo("SETTLED"));
        // no training after leaving the centre
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON)
                .body(Map.of("module", "NORWEGIAN", "date", LocalDate.now(OSLO).toString(), "hours", 2))
                .when().post("/api/v1/residents/{id}/training-sessions", personId)
                .then().statusCode(422).body("violations.rule", org.hamcrest.Matchers.hasItem("training-session.after-leaving"));
    }

    @Test
    void a_duplicate_PersonSettled_delivery_and_a_second_settlement_event_change_nothing() {
        UUID personId = registerResident();
        PersonSettled event = settled(personId, LocalDate.now(OSLO).minusDays(2));
        String eventId = UUID.randomUUID().toString();
        publish(event, eventId);
        publish(event, eventId);
        publish(settled(personId, LocalDate.now(OSLO)), UUID.randomUUID().toString());
        UUID marker = registerResident();
        publish(settled(marker, LocalDate.now(OSLO)), UUID.randomUUID().toString());
        awaitLeft(marker);

        assertThat(leftEvents(personId)).isEqualTo(1);
        assertThat(count("select count(*) from resident where person_id = ? and left_on = ?", personId,
                LocalDate.now(OSLO).minusDays(2))).isEqualTo(1);
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'reception-training' and event_id = ?",
                eventId)).isEqualTo(1);
    }

    @Test
    void PersonSettled_of_a_person_who_never_lived_in_a_centre_is_ignored_and_poison_goes_to_the_dead_letter_topic() {
        UUID stranger = UUID.randomUUID();
        publish(settled(stranger, LocalDate.now(OSLO)), UUID.randomUUID().toString());
        PersonSettled poisoned = settled(UUID.randomUUID(), LocalDate.now(OSLO));
        TestInfrastructure.get().kafka().send(Topics.SETTLEMENT, 0, poisoned.key(), CloudEventRecords.headers(poisoned),
                "{ not json".getBytes(StandardCharsets.UTF_8));
        UUID marker = registerResident();
        publish(settled(marker, LocalDate.now(OSLO)), UUID.randomUUID().toString());
        awaitLeft(marker);

        assertThat(leftEvents(stranger)).isZero();
        assertThat(count("select count(*) from resident where person_id = ?", stranger)).isZero();
        ConsumerRecord<String, byte[]> dead = TestInfrastructure.get().kafka().awaitRecord(DLQ,
                r -> poisoned.key().equals(r.key()), Duration.ofSeconds(60));
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("not a valid PersonSettled");
    }

    private static long count(String sql, Object... params) {
        return no.nystart.platform.testing.TestSql.count(sql, params);
    }

}
