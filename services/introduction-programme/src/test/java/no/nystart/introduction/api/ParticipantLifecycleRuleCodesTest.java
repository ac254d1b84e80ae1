package no.nystart.introduction.api;

import static io.restassured.RestAssured.given;
import static no.nystart.introduction.api.IntroTestSupport.OSLO;
import static no.nystart.introduction.api.IntroTestSupport.admission;
import static no.nystart.introduction.api.IntroTestSupport.caseworker;
import static no.nystart.introduction.api.IntroTestSupport.count;
import static no.nystart.introduction.api.IntroTestSupport.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
 * The participant's lifecycle through the API, one broken rule at a time: each answer names the field and the rule
 * code (docs/rules.md lists this test for the codes no other test names), and a refused request changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "introduction_test"))
class ParticipantLifecycleRuleCodesTest {
    private static final String PROBLEM = "application/problem+json";

    private static void refused(String token, Object body, String path, UUID id, int status, String field, String rule) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        Object[] params = id == null ? new Object[0] : new Object[] {id};
        (path.endsWith("/certificate") ? request.when().get(path, params) : path.endsWith("/plan") ? request.when().put(path, params)
                : request.when().post(path, params))
                .then().statusCode(status).contentType(PROBLEM)
                .body("violations[0].field", equalTo(field)).body("violations[0].rule", equalTo(rule));
    }

    private static Map<String, Object> suspension(String from, String back) {
        return Map.of("kind", "TEMPORARY_SUSPENSION", "from", from, "expectedResumeOn", back, "reason", "extensive absence");
    }

    @Test
    void a_participant_lifecycle_refuses_each_step_out_of_order_with_its_rule_code() {
        String token = caseworker(OSLO);
        UUID id = UUID.randomUUID();
        String p = "/api/v1/participants/{id}";

        // admission: settled before the permit → 422; the same person twice → 409
        Map<String, Object> early = new LinkedHashMap<>(admission(id, OSLO));
        early.put("settledOn", "2025-02-28");
        refused(token, early, "/api/v1/participants", null, 422, "settledOn", "settlement.after-permit");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(admission(id, OSLO))
                .when().post("/api/v1/participants").then().statusCode(201);
        refused(token, admission(id, OSLO), "/api/v1/participants", null, 409, "personId", "participant.unique");

        // before the § 12 decision: no attendance; no certificate before the programme ended
        Map<String, Object> day = Map.of("date", "2025-06-30", "plannedHours", 7.5, "attendedHours", 7.5);
        refused(token, day, p + "/attendance", id, 409, "status", "integreringsloven-12.decision-required");
        refused(token, null, p + "/certificate", id, 409, "status", "certificate.programme-ended");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(decision("2025-07-01", "2027-06-30"))
                .when().post(p + "/programme", id).then().statusCode(200);

        // running: dates before the start are refused; only a paused programme resumes
        refused(token, day, p + "/attendance", id, 422, "date", "attendance.inside-programme");
        refused(token, suspension("2025-06-30", "2025-07-15"), p + "/pauses", id, 422, "from", "pause.inside-programme");
        refused(token, Map.of("completedOn", "2025-06-30", "outcome", "EMPLOYMENT", "finalGoalReached", true),
                p + "/completion", id, 422, "completedOn", "completion.after-start");
        refused(token, Map.of("discontinuedOn", "2025-06-30", "reason", "PARTICIPANT_WITHDREW"),
                p + "/discontinuation", id, 422, "discontinuedOn", "discontinuation.after-start");
        refused(token, Map.of("resumedOn", "2025-08-01"), p + "/resumption", id, 409, "status", "resume.programme-paused");

        // paused: no second pause, no completion; the first day back is after the pause's first day
        given().auth().oauth2(token).contentType(ContentType.JSON).body(suspension("2025-08-04", "2025-09-01"))
                .when().post(p + "/pauses", id).then().statusCode(201);
        refused(token, suspension("2025-08-11", "2025-09-01"), p + "/pauses", id, 409, "status", "pause.programme-active");
        refused(token, Map.of("completedOn", "2025-08-20", "outcome", "EMPLOYMENT", "finalGoalReached", true),
                p + "/completion", id, 409, "status", "completion.programme-active");
        refused(token, Map.of("resumedOn", "2025-08-04"), p + "/resumption", id, 422, "resumedOn", "resume.after-pause");

        // ended: not discontinued twice; the plan of an ended programme is not changed
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("discontinuedOn", "2025-08-20", "reason", "PARTICIPANT_WITHDREW"))
                .when().post(p + "/discontinuation", id).then().statusCode(200).body("status", equalTo("DISCONTINUED"));
        refused(token, Map.of("discontinuedOn", "2025-08-21", "reason", "OTHER"), p + "/discontinuation", id, 409, "status",
                "discontinuation.programme-running");
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("finalGoal", "EMPLOYMENT");
        plan.put("norwegianGoal", Map.of("reading", "B1", "listening", "B1", "writing", "A2", "oral", "B1"));
        plan.put("elements", List.of("NORWEGIAN_AND_SOCIAL_STUDIES", "WORK_ORIENTED", "LIFE_SKILLS_IN_A_NEW_COUNTRY"));
        plan.put("longTermGoal", "work as an electrician");
        plan.put("mutualObligations", "the municipality provides the programme; the participant attends");
        plan.put("agreedOn", "2025-07-01");
        refused(token, plan, p + "/plan", id, 409, "status", "programme.ended");

        assertThat(count("select count(*) from attendance where person_id = ?", id)).isZero();
        assertThat(count("select count(*) from integration_plan where person_id = ?", id)).isZero();
        assertThat(count("select count(*) from programme_pause where person_id = ?", id)).isEqualTo(1);
    }
}
