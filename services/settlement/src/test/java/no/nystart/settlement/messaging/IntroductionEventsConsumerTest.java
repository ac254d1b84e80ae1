package no.nystart.settlement.messaging;

import static no.nystart.platform.events.ClockProducer.OSLO;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Topics;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.contracts.introduction.IntroductionProgrammeCompleted;
import no.nystart.contracts.introduction.ProgrammeOutcome;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.CloudEventRecords;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** Programme results from {@code introduction.events.v1} update the municipality's result rate used by matching. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement_test"))
class IntroductionEventsConsumerTest {

    private static IntroductionProgrammeCompleted completed(ProgrammeOutcome outcome) {
        return new IntroductionProgrammeCompleted(UUID.randomUUID(), "1579", Regime.INTEGRERINGSLOVEN,
                LocalDate.now(OSLO).minusYears(2), LocalDate.now(OSLO).minusDays(1), outcome, FinalGoal.values()[0], true);
    }

    private static void send(IntroductionProgrammeCompleted event, String eventId) {
        TestInfrastructure.get().kafka().send(Topics.INTRODUCTION, 0, event.key(), CloudEventRecords.headers(event, eventId),
                EventJson.write(event));
    }

    @Test
    void completions_give_the_share_going_on_to_work_or_education_and_a_redelivery_counts_once() {
        IntroductionProgrammeCompleted employed = completed(ProgrammeOutcome.EMPLOYMENT);
        String id = UUID.randomUUID().toString();
        send(employed, id);
        send(employed, id);
        send(completed(ProgrammeOutcome.OTHER), UUID.randomUUID().toString());
        String token = TestInfrastructure.get().tokens().token().roles(Roles.SETTLEMENT_OFFICER).sign();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/api/v1/municipalities/1579/profile")
                .then().statusCode(200).body("source", equalTo("STORED")).body("completedProgrammes", equalTo(2))
                .body("successfulProgrammes", equalTo(1)).body("resultRatePermille", equalTo(500)));
    }
}
