package no.nystart.introduction.api;

import static io.restassured.RestAssured.given;
import static no.nystart.introduction.api.IntroTestSupport.OSLO;
import static no.nystart.introduction.api.IntroTestSupport.admission;
import static no.nystart.introduction.api.IntroTestSupport.caseworker;
import static no.nystart.introduction.api.IntroTestSupport.decision;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import no.nystart.platform.testing.fuzz.FuzzRun;
import no.nystart.platform.testing.fuzz.OpenApiFuzzer;
import no.nystart.platform.testing.fuzz.TableCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of introduction-programme's OpenAPI document, called with request bodies and parameters broken one
 * field at a time (platform/testing {@link OpenApiFuzzer}, seed 20261204): no 5xx, every 4xx problem+json naming the
 * broken field or parameter, nothing written by a refused request (docs/reliability.md, "The fuzz suite").
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "introduction_test"))
class IntroductionFuzzTest {
    private static TableCounts counts;

    @TestFactory
    Stream<DynamicNode> every_operation_with_broken_bodies_and_parameters() {
        // a participant per step, so that each operation's baseline reaches its rules: a running programme for the
        // reads, attendance, plan and circumstances; one admitted only (the § 12 decision); one each to pause, to
        // resume (paused), to complete, to discontinue; one completed (the certificate)
        UUID id = decided();
        UUID admitted = admitted();
        UUID toPause = decided();
        UUID paused = decided();
        post(paused, "pauses", Map.of("kind", "TEMPORARY_SUSPENSION", "from", "2025-08-04", "expectedResumeOn", "2025-09-01",
                "reason", "extensive absence"), 201);
        UUID toComplete = decided();
        UUID toDiscontinue = decided();
        UUID completed = decided();
        post(completed, "completion", Map.of("completedOn", "2026-06-19", "outcome", "EMPLOYMENT", "finalGoalReached", true), 200);
        String p = "/api/v1/participants/{id}/";
        OpenApiFuzzer fuzzer = OpenApiFuzzer.fromRunningService()
                .param("id", id.toString()).param("personId", id.toString()).param("month", "2025-09")
                .param(p + "programme", "id", admitted.toString()).param(p + "pauses", "id", toPause.toString())
                .param(p + "resumption", "id", paused.toString()).param(p + "completion", "id", toComplete.toString())
                .param(p + "discontinuation", "id", toDiscontinue.toString()).param(p + "certificate", "id", completed.toString())
                .value(p + "discontinuation", "reason", "LEFT_NORWAY")
                // planned hours = attended + absence: a rule over the three fields, named on attendedHours
                .crossField("attendedHours", "plannedHours", "absence")
                .value("personId", "6f0c1b2a-3d4e-4f50-8a61-72b3c4d5e6f7").value("municipality", OSLO)
                .value("birthDate", "1990-05-05").value("permitType", "REFUGEE").value("permitDate", "2025-03-01")
                .value("settledOn", "2025-06-02").value("reason", "admitted by the municipality's decision")
                .omit("regime").omit("lateStartReason").omit("extensionJustification")
                .value("startDate", "2025-07-01").value("plannedEndDate", "2027-06-30").value("educationLevel", "PRIMARY")
                .value("finalGoal", "EMPLOYMENT").value("weeklyHours", "HOURS_37_5")
                .value("livingWithParents", false).value("childlessCoupleBothParticipating", false).value("hasChildUnder18", false)
                .value("norwegianGoal", Map.of("reading", "B1", "listening", "B1", "writing", "A2", "oral", "B1"))
                .value("elements", List.of("NORWEGIAN_AND_SOCIAL_STUDIES", "WORK_ORIENTED", "LIFE_SKILLS_IN_A_NEW_COUNTRY"))
                .value("agreedOn", "2025-07-01")
                .value("date", "2025-09-01").value("plannedHours", 7.5).value("attendedHours", 3.75)
                .value("absence", Map.of("UNEXCUSED", 3.75))
                .value("kind", "TEMPORARY_SUSPENSION").omit("leaveType").value("from", "2025-10-06")
                .value("expectedResumeOn", "2025-11-03").value("resumedOn", "2025-09-01").omit("plannedEndDate")
                .value("completedOn", "2026-06-19").value("outcome", "EMPLOYMENT").value("finalGoalReached", true)
                .value("discontinuedOn", "2026-06-19").value("justification", "moved abroad");
        counts = TableCounts.ofServiceDatabase();
        return new FuzzRun("introduction-programme", fuzzer, IntroductionFuzzTest::token, counts).tests();
    }

    private static UUID admitted() {
        UUID id = UUID.randomUUID();
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(admission(id, OSLO))
                .when().post("/api/v1/participants").then().statusCode(201);
        return id;
    }

    private static UUID decided() {
        UUID id = admitted();
        post(id, "programme", decision("2025-07-01", "2027-06-30"), 200);
        return id;
    }

    private static void post(UUID id, String step, Object body, int status) {
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/participants/{id}/" + step, id).then().statusCode(status);
    }

    private static String token(List<String> roles) {
        return TestInfrastructure.get().tokens().token().user("fuzz").roles(roles.toArray(String[]::new))
                .claim("municipality", OSLO).sign();
    }

    @AfterAll
    static void close() {
        if (counts != null) {
            counts.close();
        }
    }
}
