package no.nystart.reception.api;

import static io.restassured.RestAssured.given;
import static no.nystart.reception.api.ReceptionTestSupport.arrival;
import static no.nystart.reception.api.ReceptionTestSupport.count;
import static no.nystart.reception.api.ReceptionTestSupport.execute;
import static no.nystart.reception.api.ReceptionTestSupport.newDufNumber;
import static no.nystart.reception.api.ReceptionTestSupport.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import no.nystart.platform.kafka.KafkaBroker;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The outbox's promises, shown on the real service: an event exists exactly when its state change
 * was committed, and an event written while Kafka is down is published when Kafka is back.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class OutboxReliabilityTest {

    @Test
    void a_failed_transaction_leaves_neither_the_resident_nor_the_outbox_row() {
        // Fault injection at the last write of the transaction: the outbox insert fails after the
        // resident row was already inserted (the service flushes the resident first).
        execute("create or replace function reject_marked_event() returns trigger language plpgsql as $$ "
                + "begin if new.payload like '%1999-12-31%' then raise exception 'injected outbox failure'; end if; "
                + "return new; end $$");
        execute("create trigger reject_marked_event before insert on nystart_outbox "
                + "for each row execute function reject_marked_event()");
        try {
            String duf = newDufNumber();
            Map<String, Object> body = arrival(duf);
            body.put("birthDate", "1999-12-31");
            long outboxBefore = count("select count(*) from nystart_outbox");

            given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/residents")
                    .then().statusCode(500).contentType("application/problem+json");

            assertThat(count("select count(*) from resident where duf_number = ?", duf)).isZero();
            assertThat(count("select count(*) from nystart_outbox")).isEqualTo(outboxBefore);

            // the same arrival goes through once the fault is gone: nothing half-written blocks it
            execute("drop trigger reject_marked_event on nystart_outbox");
            given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/residents").then().statusCode(201);
        } finally {
            execute("drop trigger if exists reject_marked_event on nystart_outbox");
        }
    }

    @Test
    void with_the_broker_stopped_registration_succeeds_and_the_event_is_published_when_it_returns() {
        KafkaBroker broker = TestInfrastructure.get().broker();
        broker.stop();
        String personId;
        try {
            assertThat(broker.isRunning()).isFalse();
            personId = given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(arrival(newDufNumber()))
                    .when().post("/api/v1/residents")
                    .then().statusCode(201).extract().path("personId");

            // the relay tries, fails, and keeps the row pending
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(
                    count("select count(*) from nystart_outbox where record_key = ? and sent_at is null and attempts > 0",
                            personId)).isEqualTo(1));
            given().when().get("/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("nystart_outbox_pending"));
        } finally {
            broker.start();
        }
        String published = personId;
        TestInfrastructure.get().kafka()
                .awaitRecord("reception.events.v1", r -> published.equals(r.key()), Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                count("select count(*) from nystart_outbox where record_key = ? and sent_at is not null", published))
                .isEqualTo(1));
        given().when().get("/q/health/well").then().statusCode(200).body("status", equalTo("UP"));
    }
}
