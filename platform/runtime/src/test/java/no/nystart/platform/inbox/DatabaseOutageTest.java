package no.nystart.platform.inbox;

import static io.restassured.RestAssured.given;
import static no.nystart.platform.testing.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.platform.PlatformTestSupport;
import no.nystart.platform.TestEventsConsumer;
import no.nystart.platform.testing.CloudEventRecords;
import no.nystart.platform.testing.TestInfrastructure;
import no.nystart.platform.testing.TestPostgres;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real PostgreSQL stopped and started again under a running service (issue 15, defects 2 and 6): requests answer
 * 503 problem+json with Retry-After and write nothing; an event in flight waits for the database, however long,
 * and is handled once when it is back, and consumption goes on without a restart.
 */
@QuarkusTest
@QuarkusTestResource(value = no.nystart.platform.testing.NyStartTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform_test"))
class DatabaseOutageTest {
    private static final String TOPIC = "platform.test.v1";

    @jakarta.inject.Inject
    Inbox inbox;

    private static TestPostgres postgres() {
        return TestInfrastructure.get().postgres();
    }

    @AfterEach
    void databaseBack() {
        postgres().startServer();
    }

    private static ResidentRegistered event() {
        ResidentRegistered base = PlatformTestSupport.event(UUID.randomUUID());
        return new ResidentRegistered(base.personId(), base.receptionCentreId(), base.hostMunicipality(),
                LocalDate.of(2026, 3, 1), base.birthDate(), base.sex(), "ERI", null, base.asylumProcedure());
    }

    private static void send(ResidentRegistered event) {
        TestInfrastructure.get().kafka().send(TOPIC, 0, event.key(), CloudEventRecords.headers(event, UUID.randomUUID().toString()),
                EventJson.write(event));
    }

    private static long notes(ResidentRegistered event) {
        return count("select count(*) from test_note where text = ?", event.personId().toString());
    }

    @Test
    void a_write_during_a_database_outage_answers_503_problem_with_retry_after_and_writes_nothing() {
        long notesBefore = count("select count(*) from test_note");
        long outboxBefore = count("select count(*) from nystart_outbox");
        postgres().stopServer();
        given().when().post("/probe/notes?events=1").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503));
        given().contentType("application/json").body("{\"name\":\"during the outage\"}").when().post("/probe/input").then()
                .statusCode(503)
                .contentType("application/problem+json");
        // liveness stays UP: restarting the service would not bring the database back
        given().when().get("/q/health/live").then().statusCode(200);
        postgres().startServer();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> count("select count(*) from test_note") == notesBefore);
        assertThat(count("select count(*) from nystart_outbox")).isEqualTo(outboxBefore);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().post("/probe/notes?events=1").then().statusCode(200));
    }

    @Test
    void an_event_in_flight_waits_for_the_database_and_consumption_resumes_by_itself() throws InterruptedException {
        // SmallRye's throttled commit strategy would close the consumer once a record waits longer than this
        // (issue 15, defect 2); the platform turns that check off, as the inbox waits for the database on purpose
        int maxAge = ConfigProvider.getConfig().getOptionalValue(
                        "mp.messaging.incoming.test-events.throttled.unprocessed-record-max-age.ms", Integer.class)
                .or(() -> ConfigProvider.getConfig().getOptionalValue(
                        "mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms", Integer.class))
                .orElse(60_000);
        Duration outage = Duration.ofSeconds(Integer.getInteger("nystart.test.db-outage-seconds", 12));

        ResidentRegistered before = event();
        send(before);
        await().atMost(Duration.ofSeconds(60)).until(() -> notes(before) == 1);

        postgres().stopServer();
        ResidentRegistered inFlight = event();
        send(inFlight);
        // the consumer receives it and the inbox retries while the database is away, longer than a max-age would allow
        Thread.sleep(outage.toMillis());
        given().when().get("/q/health/live").then().statusCode(200);
        assertThat(inbox.retrying()).as("events waiting for the database").isGreaterThanOrEqualTo(1);
        assertThat(inbox.oldestRetryAgeSeconds()).isGreaterThan(0);
        postgres().startServer();

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> notes(inFlight) == 1);
        ResidentRegistered after = event();
        send(after);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> notes(after) == 1);
        assertThat(notes(inFlight)).isEqualTo(1);
        assertThat(TestEventsConsumer.INVOCATIONS.get(after.personId()).get()).isEqualTo(1);
        given().when().get("/q/health/live").then().statusCode(200);
        // and so for an outage of any length, not only for one shorter than a max age
        assertThat(maxAge).as("unprocessed-record-max-age of the test channel, ms").isLessThanOrEqualTo(0);
    }
}
