package no.nystart.platform.outbox;

import static io.restassured.RestAssured.given;
import static no.nystart.platform.testing.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.nystart.platform.kafka.KafkaBroker;
import no.nystart.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real broker stopped under a running service (issue 15, defects 3 and 9): readiness stays UP and writes keep
 * answering, as they go through the outbox; the outbox figures in /q/health/well are those of the table, not of the
 * relay's last round; after the broker is back the rows are published.
 */
@QuarkusTest
@QuarkusTestResource(value = no.nystart.platform.testing.NyStartTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform_test"))
class BrokerOutageTest {
    private static KafkaBroker broker() {
        return TestInfrastructure.get().broker();
    }

    @AfterEach
    void brokerBack() {
        broker().start();
    }

    private static JsonPath outboxCheck() {
        JsonPath health = given().when().get("/q/health/well").then().extract().jsonPath();
        return new JsonPath(health.prettify()).setRootPath("checks.find { it.name == 'nystart-outbox' }");
    }

    @Test
    void with_the_broker_down_readiness_stays_up_writes_succeed_and_the_outbox_figures_come_from_the_table()
            throws InterruptedException {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from nystart_outbox where sent_at is null") == 0);
        broker().stop();
        List<String> readiness = new ArrayList<>();
        int written = 0;
        // longer than the Kafka readiness check needs to notice the lost connection
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            given().when().post("/probe/notes?events=1").then().statusCode(200);
            written++;
            readiness.add(given().when().get("/q/health/ready").then().extract().statusCode() + "");
            Thread.sleep(500);
        }
        assertThat(readiness).as("readiness answers while the broker is down").containsOnly("200");
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        long pendingInTable = count("select count(*) from nystart_outbox where sent_at is null");
        assertThat(pendingInTable).isGreaterThanOrEqualTo(written);
        JsonPath outbox = outboxCheck();
        assertThat(outbox.getLong("data.pending")).as("pending rows reported = rows in the table").isEqualTo(pendingInTable);
        assertThat(outbox.getLong("data.oldestPendingAgeSeconds")).as("age of the oldest unsent row").isGreaterThanOrEqualTo(10);

        broker().start();
        await().atMost(Duration.ofSeconds(120)).until(() -> count("select count(*) from nystart_outbox where sent_at is null") == 0);
        assertThat(outboxCheck().getLong("data.pending")).isZero();
    }
}
