package no.nystart.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import no.nystart.contracts.Topics;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The relay polls at its configured interval, also under a second (issue 15, defect 9): the Quarkus scheduler it
 * used before checks its triggers once a second, so the documented 200 ms were one poll a second.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform_test"))
class RelayPollingTest {
    @Inject
    OutboxRelay relay;

    @Test
    void the_relay_polls_at_its_configured_interval_under_a_second() throws InterruptedException {
        // the test application polls every 100 ms: some 30 polls in 3 s; a once-a-second trigger makes 3 or 4
        long before = relay.polls();
        Thread.sleep(3_000);
        assertThat(relay.polls() - before).as("polls in 3 s at a 100 ms interval").isGreaterThanOrEqualTo(10);
    }

    @Test
    void an_appended_event_reaches_kafka() {
        String personId = given().queryParam("events", 1).when().post("/probe/notes").then().statusCode(200).extract().asString();
        ConsumerRecord<String, byte[]> record = TestInfrastructure.get().kafka().awaitRecord(Topics.RECEPTION,
                r -> personId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(record.key()).isEqualTo(personId);
    }
}
