package no.nystart.introduction.api;

import static io.restassured.RestAssured.given;
import static no.nystart.introduction.api.IntroTestSupport.admission;
import static no.nystart.introduction.api.IntroTestSupport.caseworker;
import static no.nystart.introduction.api.IntroTestSupport.decision;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/**
 * The JSON of the participant endpoints, byte for byte (property names, their order, which nulls are written): the
 * views are typed records, and a client that reads these answers sees the same text as before (issue 19: "keep the
 * JSON exactly"). Generated ids are replaced by {@code <id>} before the comparison.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "introduction_test"))
class ResponseShapeTest {

    private static String masked(String json, UUID person) {
        return json.replace(person.toString(), "<person>")
                .replaceAll("\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"<id>\"");
    }

    @Test
    void participant_plan_attendance_pause_absence_benefits_and_behind_plan_answer_the_same_json() {
        String municipality = "3201";
        String token = caseworker(municipality);
        UUID id = UUID.randomUUID();
        String admitted = given().auth().oauth2(token).contentType(ContentType.JSON).body(admission(id, municipality))
                .when().post("/api/v1/participants").then().statusCode(201).extract().asString();
        assertThat(masked(admitted, id)).isEqualTo("{\"personId\":\"<person>\",\"municipality\":\"3201\",\"regime\":\"INTEGRERINGSLOVEN\","
                + "\"status\":\"REGISTERED\",\"admission\":\"DECISION\",\"admissionReason\":\"settled without agreement; admitted by the "
                + "municipality's decision\",\"birthDate\":\"1990-05-05\",\"permitType\":\"REFUGEE\",\"permitDate\":\"2025-03-01\","
                + "\"settledOn\":\"2025-06-02\",\"startDeadline\":\"2025-09-02\",\"livingWithParents\":false,"
                + "\"childlessCoupleBothParticipating\":false,\"hasChildUnder18\":false,\"educationLevel\":null,\"startDate\":null,"
                + "\"plannedEndDate\":null,\"finalGoal\":null,\"weeklyHours\":null,\"lateStartReason\":null,\"extensionJustification\":null,"
                + "\"endedOn\":null,\"outcome\":null,\"finalGoalReached\":null,\"discontinuationReason\":null,\"norwegianProgress\":null}");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(decision("2025-07-01", "2027-06-30"))
                .when().post("/api/v1/participants/{id}/programme", id).then().statusCode(200);

        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("finalGoal", "EMPLOYMENT");
        plan.put("norwegianGoal", Map.of("reading", "B1", "listening", "B1", "writing", "A2", "oral", "B1"));
        plan.put("elements", List.of("WORK_ORIENTED", "NORWEGIAN_AND_SOCIAL_STUDIES", "LIFE_SKILLS_IN_A_NEW_COUNTRY"));
        plan.put("longTermGoal", " work as an electrician ");
        plan.put("mutualObligations", "the municipality provides the programme; the participant attends");
        plan.put("agreedOn", "2025-07-01");
        plan.put("scheduledNonWorkingDays", List.of("2025-12-06", "2025-07-05", "2025-07-05"));
        String planJson = given().auth().oauth2(token).contentType(ContentType.JSON).body(plan)
                .when().put("/api/v1/participants/{id}/plan", id).then().statusCode(200).extract().asString();
        String planView = given().auth().oauth2(token).when().get("/api/v1/participants/{id}/plan", id).then().statusCode(200)
                .extract().asString();
        assertThat(planView).isEqualTo(planJson);
        assertThat(masked(planJson, id).replaceAll("\"norwegianGoal\":\\{[^}]*\\}", "\"norwegianGoal\":{…}")).isEqualTo(
                "{\"personId\":\"<person>\",\"finalGoal\":\"EMPLOYMENT\",\"norwegianGoal\":{…},"
                        + "\"elements\":[\"NORWEGIAN_AND_SOCIAL_STUDIES\",\"LIFE_SKILLS_IN_A_NEW_COUNTRY\",\"WORK_ORIENTED\"],"
                        + "\"longTermGoal\":\"work as an electrician\",\"mutualObligations\":\"the municipality provides the programme; the "
                        + "participant attends\",\"agreedOn\":\"2025-07-01\",\"scheduledNonWorkingDays\":[\"2025-07-05\",\"2025-12-06\"]}");
        assertThat(planJson).contains("\"reading\":\"B1\"").contains("\"listening\":\"B1\"").contains("\"writing\":\"A2\"")
                .contains("\"oral\":\"B1\"");

        String day = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2025-07-02", "plannedHours", 7.5, "attendedHours", 6, "absence", Map.of("UNEXCUSED", 1.5)))
                .when().post("/api/v1/participants/{id}/attendance", id).then().statusCode(201).extract().asString();
        assertThat(masked(day, id)).isEqualTo("{\"id\":\"<id>\",\"date\":\"2025-07-02\",\"plannedHours\":7.5,\"attendedHours\":6,"
                + "\"unexcusedHours\":1.5}");

        String absence = given().auth().oauth2(token).when().get("/api/v1/participants/{id}/absence", id).then().statusCode(200)
                .extract().asString();
        assertThat(masked(absence, id)).isEqualTo("{\"personId\":\"<person>\",\"daysRecorded\":1,\"plannedHours\":7.50,"
                + "\"absenceHours\":{\"ILLNESS\":0.00,\"SICK_CHILD\":0.00,\"WELFARE\":0.00,\"PERMITTED_LEAVE\":0.00,\"UNEXCUSED\":1.50},"
                + "\"unexcusedShare\":0.2000,\"guidanceThreshold\":0.10,\"overGuidanceThreshold\":true,"
                + "\"rule\":\"docs/domain/introduction-programme.md#3f: absence that substantially exceeds 10 % of programme time may justify stans (§ 18)\"}");

        String suspension = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "TEMPORARY_SUSPENSION", "from", "2025-08-04", "expectedResumeOn", "2025-09-01", "reason", "absence"))
                .when().post("/api/v1/participants/{id}/pauses", id).then().statusCode(201).extract().asString();
        assertThat(masked(suspension, id)).isEqualTo("{\"id\":\"<id>\",\"kind\":\"TEMPORARY_SUSPENSION\",\"from\":\"2025-08-04\","
                + "\"expectedResumeOn\":\"2025-09-01\",\"withBenefit\":false}");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("resumedOn", "2025-09-01"))
                .when().post("/api/v1/participants/{id}/resumption", id).then().statusCode(200);
        String leave = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "LEAVE", "leaveType", "PREGNANCY", "from", "2025-09-08", "expectedResumeOn", "2025-09-15"))
                .when().post("/api/v1/participants/{id}/pauses", id).then().statusCode(201).extract().asString();
        assertThat(masked(leave, id)).isEqualTo("{\"id\":\"<id>\",\"kind\":\"LEAVE\",\"leaveType\":\"PREGNANCY\",\"from\":\"2025-09-08\","
                + "\"expectedResumeOn\":\"2025-09-15\",\"withBenefit\":true}");

        String benefits = given().auth().oauth2(token).when().get("/api/v1/participants/benefits/2025-07").then().statusCode(200)
                .extract().asString();
        assertThat(masked(benefits, id)).isEqualTo("[{\"personId\":\"<person>\",\"grossKroner\":21693,\"reductionKroner\":4339,"
                + "\"netKroner\":17354,\"decisionRequired\":false}]");
        String behind = given().auth().oauth2(token).when().get("/api/v1/participants/behind-plan").then().statusCode(200)
                .extract().asString();
        assertThat(masked(behind, id)).isEqualTo("[{\"personId\":\"<person>\",\"plannedEndDate\":\"2027-06-30\","
                + "\"reasons\":[\"unexcused absence 1.50 of 7.50 h is over 10 %\"]}]");
        String history = given().auth().oauth2(token).when().get("/api/v1/participants/{id}/history?limit=1", id).then()
                .statusCode(200).extract().asString();
        assertThat(history).startsWith("[{\"at\":\"").contains("\",\"kind\":\"ADMITTED\",\"detail\":\"admitted by decision of ");
    }
}
