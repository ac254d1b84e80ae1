package no.nystart.settlement.messaging;

import static no.nystart.platform.events.ClockProducer.OSLO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.Sex;
import no.nystart.contracts.Topics;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.contracts.reception.ResidencePermitGranted;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.WorkExperience;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.CloudEventRecords;
import no.nystart.platform.testing.KafkaTestClient;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import no.nystart.settlement.api.SettlementTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * settlement consumes {@code reception.events.v1} through the inbox, from the real broker. Every
 * record of a test goes to partition 0, so a later record being processed proves the earlier ones were.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement_test"))
class ReceptionEventsConsumerTest {
    private static final String DLQ = "reception.events.v1.dlq.settlement";

    private static ResidentRegistered arrival() {
        return new ResidentRegistered(UUID.randomUUID(), UUID.fromString("0b5f3f7e-2c1d-4e8a-b1f2-9a8c7d6e5f40"), "3301",
                LocalDate.now(OSLO).minusDays(10), LocalDate.of(1990, 3, 1), Sex.MALE, "SYR", null, AsylumProcedure.NORMAL);
    }

    private static void publish(ResidentRegistered event, String eventId) {
        TestInfrastructure.get().kafka().send(Topics.RECEPTION, 0, event.key(), CloudEventRecords.headers(event, eventId),
                EventJson.write(event));
    }

    private static String officerToken() {
        return TestInfrastructure.get().tokens().token().user("imdi-bosetting").roles(Roles.SETTLEMENT_OFFICER).sign();
    }

    /** The caseId of the READY case of a person, read from every page of the cases list. */
    private static String caseOfPerson(Object personId) {
        return no.nystart.platform.testing.TestPages.all(officerToken(), "/api/v1/cases?status=READY").stream()
                .filter(c -> String.valueOf(personId).equals(c.get("personId"))).map(c -> (String) c.get("caseId"))
                .findFirst().orElse(null);
    }

    private static void awaitCase(UUID personId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(no.nystart.platform.testing.TestPages
                .values(officerToken(), "/api/v1/cases?status=WAITING_FOR_PERMIT", "personId")).contains(personId.toString()));
    }

    @Test
    void ResidentRegistered_opens_a_settlement_case_waiting_for_permit() {
        ResidentRegistered event = arrival();
        publish(event, UUID.randomUUID().toString());
        awaitCase(event.personId());
        assertThat(count("select count(*) from settlement_case where person_id = ? and status = 'WAITING_FOR_PERMIT' "
                + "and host_municipality = '3301' and citizenship = 'SYR'", event.personId())).isEqualTo(1);
    }

    @Test
    void the_same_event_delivered_twice_creates_one_case_and_one_inbox_row() {
        ResidentRegistered event = arrival();
        String eventId = UUID.randomUUID().toString();
        publish(event, eventId);
        publish(event, eventId);
        ResidentRegistered marker = arrival();
        publish(marker, UUID.randomUUID().toString());
        awaitCase(marker.personId());

        assertThat(count("select count(*) from settlement_case where person_id = ?", event.personId())).isEqualTo(1);
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'settlement' and event_id = ?", eventId))
                .isEqualTo(1);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_with_a_reason_and_the_next_record_is_processed() {
        ResidentRegistered poisoned = arrival();
        Map<String, String> headers = CloudEventRecords.headers(poisoned);
        TestInfrastructure.get().kafka().send(Topics.RECEPTION, 0, poisoned.key(), headers,
                "{ this is not json".getBytes(StandardCharsets.UTF_8));
        ResidentRegistered missingField = arrival();
        TestInfrastructure.get().kafka().send(Topics.RECEPTION, 0, missingField.key(), CloudEventRecords.headers(missingField),
                "{\"personId\":\"%s\"}".formatted(missingField.personId()).getBytes(StandardCharsets.UTF_8));
        ResidentRegistered noEnvelope = arrival();
        TestInfrastructure.get().kafka().send(Topics.RECEPTION, 0, noEnvelope.key(), Map.of("content-type", "application/json"),
                EventJson.write(noEnvelope));
        ResidentRegistered next = arrival();
        publish(next, UUID.randomUUID().toString());

        awaitCase(next.personId());
        KafkaTestClient kafka = TestInfrastructure.get().kafka();
        ConsumerRecord<String, byte[]> dead = kafka.awaitRecord(DLQ, r -> poisoned.key().equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("not a valid ResidentRegistered");
        assertThat(KafkaTestClient.header(dead, "ce_id")).isEqualTo(headers.get("ce_id"));
        ConsumerRecord<String, byte[]> incomplete = kafka.awaitRecord(DLQ, r -> missingField.key().equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(incomplete, "dead-letter-reason")).contains("not a valid ResidentRegistered");
        ConsumerRecord<String, byte[]> unenveloped = kafka.awaitRecord(DLQ, r -> noEnvelope.key().equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(unenveloped, "dead-letter-reason")).contains("ce_specversion");

        assertThat(count("select count(*) from settlement_case where person_id in (?, ?, ?)",
                poisoned.personId(), missingField.personId(), noEnvelope.personId())).isZero();
    }

    @Test
    void a_permit_makes_the_case_READY_once_and_a_lone_minor_is_an_unaccompanied_minor_domain_2() {
        LocalDate permitDate = LocalDate.now(OSLO).minusDays(3);
        ResidentRegistered minor = new ResidentRegistered(UUID.randomUUID(), UUID.randomUUID(), "3301",
                LocalDate.now(OSLO).minusDays(60), LocalDate.now(OSLO).minusYears(16), Sex.FEMALE, "AFG", null, AsylumProcedure.NORMAL);
        publish(minor, UUID.randomUUID().toString());
        ResidencePermitGranted permit = new ResidencePermitGranted(minor.personId(), PermitType.REFUGEE, permitDate,
                Regime.INTEGRERINGSLOVEN, minor.receptionCentreId(), "3301");
        String permitEventId = UUID.randomUUID().toString();
        send(permit, permitEventId);
        send(permit, permitEventId);
        CompetenceMapped mapped = new CompetenceMapped(minor.personId(), LocalDate.now(OSLO), "3301", List.of(),
                EducationLevel.values()[0], 9, List.of(new WorkExperience("7212", 1), new WorkExperience("2211", 2)), List.of());
        send(mapped, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(
                "select count(*) from settlement_case where person_id = ? and status = 'READY' and permit_date = ? "
                        + "and unaccompanied_minor and occupation_groups = '2,7'", minor.personId(), permitDate)).isEqualTo(1));
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'settlement' and event_id = ?", permitEventId))
                .isEqualTo(1);

        // docs/domain/settlement.md#2, Bosettingsdato: not before the permit
        String caseId = caseOfPerson(minor.personId());
        given().auth().oauth2(officerToken()).contentType("application/json")
                .body(Map.of("municipality", "0301", "settledOn", permitDate.minusDays(1).toString(), "settlementType", "BY_AGREEMENT"))
                .when().post("/api/v1/cases/{id}/settlement", caseId)
                .then().statusCode(422).body("violations[0].rule", org.hamcrest.Matchers.equalTo("settlement.date-before-permit"));
    }

    @Test
    void a_household_member_still_waiting_for_a_permit_blocks_settlement_of_the_household() {
        UUID household = UUID.randomUUID();
        ResidentRegistered mother = new ResidentRegistered(UUID.randomUUID(), UUID.randomUUID(), "3301",
                LocalDate.now(OSLO).minusDays(60), LocalDate.of(1985, 2, 2), Sex.FEMALE, "SYR", household, AsylumProcedure.NORMAL);
        ResidentRegistered son = new ResidentRegistered(UUID.randomUUID(), mother.receptionCentreId(), "3301",
                LocalDate.now(OSLO).minusDays(60), LocalDate.now(OSLO).minusYears(10), Sex.MALE, "SYR", household, AsylumProcedure.NORMAL);
        publish(mother, UUID.randomUUID().toString());
        publish(son, UUID.randomUUID().toString());
        send(new ResidencePermitGranted(mother.personId(), PermitType.REFUGEE, LocalDate.now(OSLO).minusDays(2),
                Regime.INTEGRERINGSLOVEN, mother.receptionCentreId(), "3301"), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(
                "select count(*) from settlement_case where person_id = ? and status = 'READY' and not unaccompanied_minor",
                mother.personId())).isEqualTo(1));
        String caseId = caseOfPerson(mother.personId());
        given().auth().oauth2(officerToken()).contentType("application/json")
                .body(Map.of("municipality", "0301", "settledOn", LocalDate.now(OSLO).toString(), "settlementType", "SELF_SETTLED"))
                .when().post("/api/v1/cases/{id}/settlement", caseId)
                .then().statusCode(422).body("violations[0].rule", org.hamcrest.Matchers.equalTo("settlement.permit-required"));
        assertThat(count("select count(*) from settlement_case where household_id = ? and status = 'SETTLED'", household)).isZero();
    }

    @Test
    void the_education_level_of_the_competence_mapping_goes_on_PersonSettled_and_a_redelivered_mapping_counts_once() throws Exception {
        UUID household = UUID.randomUUID();
        ResidentRegistered mother = new ResidentRegistered(UUID.randomUUID(), UUID.randomUUID(), "3301",
                LocalDate.now(OSLO).minusDays(90), LocalDate.of(1983, 5, 5), Sex.FEMALE, "SYR", household, AsylumProcedure.NORMAL);
        ResidentRegistered daughter = new ResidentRegistered(UUID.randomUUID(), mother.receptionCentreId(), "3301",
                LocalDate.now(OSLO).minusDays(90), LocalDate.now(OSLO).minusYears(7), Sex.FEMALE, "SYR", household, AsylumProcedure.NORMAL);
        publish(mother, UUID.randomUUID().toString());
        publish(daughter, UUID.randomUUID().toString());
        CompetenceMapped mapped = new CompetenceMapped(mother.personId(), LocalDate.now(OSLO).minusDays(20), "3301", List.of(),
                EducationLevel.HIGHER, 16, List.of(new WorkExperience("2221", 6)), List.of());
        String mappingEventId = UUID.randomUUID().toString();
        send(mapped, mappingEventId);
        send(mapped, mappingEventId);
        LocalDate permitDate = LocalDate.now(OSLO).minusDays(10);
        for (ResidentRegistered p : List.of(mother, daughter)) {
            send(new ResidencePermitGranted(p.personId(), PermitType.REFUGEE, permitDate, Regime.INTEGRERINGSLOVEN,
                    p.receptionCentreId(), "3301"), UUID.randomUUID().toString());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(
                "select count(*) from settlement_case where household_id = ? and status = 'READY'", household)).isEqualTo(2));
        assertThat(count("select count(*) from settlement_case where person_id = ? and education_level = 'HIGHER' "
                + "and occupation_groups = '2'", mother.personId())).isEqualTo(1);
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'settlement' and event_id = ?", mappingEventId))
                .isEqualTo(1);
        String caseId = caseOfPerson(daughter.personId());
        given().auth().oauth2(officerToken()).contentType("application/json")
                .body(Map.of("municipality", "3301", "settledOn", LocalDate.now(OSLO).toString(), "settlementType", "SELF_SETTLED"))
                .when().post("/api/v1/cases/{id}/settlement", caseId)
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(2));
        // validated against the PersonSettled schema of contracts/ inside awaitEvent
        com.fasterxml.jackson.databind.JsonNode mothers = SettlementTestSupport.awaitEvent(mother.personId().toString(), "PersonSettled");
        assertThat(mothers.get("educationLevel").asText()).isEqualTo("HIGHER");
        assertThat(mothers.get("householdSize").asInt()).isEqualTo(2);
        com.fasterxml.jackson.databind.JsonNode daughters = SettlementTestSupport.awaitEvent(daughter.personId().toString(), "PersonSettled");
        // not mapped (a child): no education level
        assertThat(daughters.path("educationLevel").isMissingNode() || daughters.path("educationLevel").isNull()).isTrue();
    }

    private static void send(no.nystart.contracts.NyStartEvent event, String eventId) {
        TestInfrastructure.get().kafka().send(Topics.RECEPTION, 0, event.key(), CloudEventRecords.headers(event, eventId),
                EventJson.write(event));
    }

    @Test
    void cases_need_the_settlement_officer_role() {
        given().when().get("/api/v1/cases").then().statusCode(401);
        String caseworker = TestInfrastructure.get().tokens().token().roles(Roles.MUNICIPAL_CASEWORKER)
                .claim("municipality", "0301").sign();
        given().auth().oauth2(caseworker).when().get("/api/v1/cases").then().statusCode(403);
    }

    private static long count(String sql, Object... params) {
        return no.nystart.platform.testing.TestSql.count(sql, params);
    }
}
