package no.nystart.adulteducation.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.Topics;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.contracts.settlement.SettlementType;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.CloudEventRecords;
import no.nystart.platform.testing.ContractSchemas;
import no.nystart.platform.testing.KafkaTestClient;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Shared fixtures: events, tokens, database counts and contract checks of published records. */
final class AdultEducationTestSupport {
    static final String OSLO = "0301";
    static final String BERGEN = "4601";

    private AdultEducationTestSupport() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Oslo"));
    }

    static PersonSettled settled(LocalDate birthDate, PermitType permit, LocalDate permitDate, String municipality) {
        return new PersonSettled(UUID.randomUUID(), birthDate, Sex.FEMALE, "SYR", permit, permitDate,
                permit == PermitType.COLLECTIVE_PROTECTION ? Regime.KAP_6A : Regime.INTEGRERINGSLOVEN, ArrivalRoute.ASYLUM, false,
                UUID.randomUUID(), 1, SettlementType.BY_AGREEMENT, municipality, permitDate.plusMonths(2));
    }

    static void publish(String topic, NyStartEvent event, String eventId) {
        TestInfrastructure.get().kafka().send(topic, 0, event.key(), CloudEventRecords.headers(event, eventId), EventJson.write(event));
    }

    static void publish(String topic, NyStartEvent event) {
        publish(topic, event, UUID.randomUUID().toString());
    }

    static String caseworker(String municipality) {
        return TestInfrastructure.get().tokens().token().user("saksbehandler-" + municipality).roles(Roles.MUNICIPAL_CASEWORKER)
                .claim("municipality", municipality).sign();
    }

    static void awaitLearner(UUID personId, String municipality) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(caseworker(municipality))
                .when().get("/api/v1/learners/{id}", personId).then().statusCode(200));
    }

    /** The published records of one type for a person, each checked against its contract schema. */
    static <E extends NyStartEvent> List<E> published(UUID personId, Class<E> type, int atLeast) {
        String ceType = EventType.Attributes.ceType(type.getAnnotation(EventType.class));
        List<ConsumerRecord<String, byte[]>> records = TestInfrastructure.get().kafka().awaitRecords(Topics.ADULT_EDUCATION,
                r -> personId.toString().equals(r.key()) && ceType.equals(KafkaTestClient.header(r, "ce_type")), atLeast,
                Duration.ofSeconds(30));
        return records.stream().map(r -> {
            assertThat(KafkaTestClient.header(r, "ce_source")).isEqualTo("/nystart/adult-education");
            assertThat(ContractSchemas.errors(type, KafkaTestClient.text(r.value()))).as("contract of " + ceType).isEmpty();
            return EventJson.read(r.value(), type);
        }).toList();
    }

    static long outboxCount(UUID personId, String eventName) {
        return count("select count(*) from nystart_outbox where record_key = ? and ce_type = ?", personId.toString(),
                "no.nystart." + eventName + ".v1");
    }

    static long count(String sql, Object... params) {
        return no.nystart.platform.testing.TestSql.count(sql, params);
    }
}
