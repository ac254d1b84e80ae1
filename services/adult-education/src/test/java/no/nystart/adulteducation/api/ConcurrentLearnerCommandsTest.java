package no.nystart.adulteducation.api;

import static io.restassured.RestAssured.given;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.OSLO;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.awaitLearner;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.caseworker;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.count;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.outboxCount;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.publish;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.settled;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Topics;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.testing.Concurrently;
import no.nystart.platform.testing.Concurrently.Answer;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/**
 * Identical commands about one learner sent at the same moment (issue 15): the learner's row is locked, so an
 * enrolment or exemption is recorded once (the others 409 problem+json) and a goal reached by concurrent test results
 * completes the course once.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "adult_education_test"))
class ConcurrentLearnerCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 6;

    private static UUID newLearner() {
        PersonSettled event = settled(LocalDate.of(1991, 6, 6), PermitType.REFUGEE, today().minusMonths(6), OSLO);
        publish(Topics.SETTLEMENT, event);
        awaitLearner(event.personId(), OSLO);
        return event.personId();
    }

    private static String municipalProvider() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Voksenopplæringen Oslo " + UUID.randomUUID());
        body.put("kind", "MUNICIPAL");
        body.put("municipality", OSLO);
        return given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/providers").then().statusCode(201).extract().path("id");
    }

    private static List<Answer> concurrently(UUID learner, String path, Object body) throws Exception {
        String json = JSON.writeValueAsString(body);
        String token = caseworker(OSLO);
        return Concurrently.http(N, () -> given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/learners/{id}/" + path, learner));
    }

    private static void assertOneWinner(List<Answer> answers, String field, String rule) throws Exception {
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(201, 1L, 409, (long) N - 1));
        for (Answer a : answers) {
            if (a.status() == 409) {
                assertThat(a.problem()).as(a.toString()).isTrue();
                JsonNode problem = JSON.readTree(a.body());
                assertThat(problem.path("violations").path(0).path("field").asText()).as(a.body()).isEqualTo(field);
                assertThat(problem.path("violations").path(0).path("rule").asText()).as(a.body()).isEqualTo(rule);
            }
        }
    }

    @Test
    void concurrent_identical_enrolments_enrol_once_with_one_LearnerEnrolled() throws Exception {
        UUID learner = newLearner();
        String provider = municipalProvider();
        Map<String, Object> body = Map.of("course", "NORWEGIAN", "providerId", provider,
                "startDate", today().minusDays(3).toString(), "languageOfInstruction", "ar");
        assertOneWinner(concurrently(learner, "enrolments", body), "startDate", "enrolment.duplicate");
        assertThat(count("select count(*) from enrolment where person_id = ?", learner)).isEqualTo(1);
        assertThat(outboxCount(learner, "LearnerEnrolled")).isEqualTo(1);
    }

    @Test
    void integreringsloven_29_concurrent_identical_exemptions_exempt_once() throws Exception {
        UUID learner = newLearner();
        Map<String, Object> body = Map.of("course", "NORWEGIAN", "legalBasis", "DOCUMENTED_NORWEGIAN_OR_SAMI_SKILLS",
                "documentationType", "NORWEGIAN_TEST_B1_ALL_SKILLS", "decidedOn", today().toString());
        assertOneWinner(concurrently(learner, "exemptions", body), "course", "integreringsloven-29.once-per-course");
        assertThat(count("select count(*) from exemption where person_id = ?", learner)).isEqualTo(1);
    }

    @Test
    void concurrent_test_results_that_each_reach_the_goal_complete_the_course_once() throws Exception {
        UUID learner = newLearner(); // education unknown: B1 in all four skills
        String provider = municipalProvider();
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                .body(Map.of("course", "NORWEGIAN", "providerId", provider, "startDate", today().minusMonths(2).toString(),
                        "languageOfInstruction", "ar"))
                .when().post("/api/v1/learners/{id}/enrolments", learner).then().statusCode(201);
        Map<String, Object> body = new HashMap<>();
        body.put("testType", "NORSKPROVE_A1_B2");
        body.put("testDate", today().toString());
        body.put("readingLevel", "B1");
        body.put("listeningLevel", "B1");
        body.put("writingLevel", "B1");
        body.put("oralLevel", "B1");
        List<Answer> answers = concurrently(learner, "norwegian-tests", body);
        // every result is a result of its own; reaching the goal is the once-only effect
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(201, (long) N));
        assertThat(outboxCount(learner, "NorwegianTestCompleted")).isEqualTo(N);
        assertThat(outboxCount(learner, "CourseCompleted")).isEqualTo(1);
    }

    @Test
    void concurrent_passed_social_studies_tests_complete_the_course_once() throws Exception {
        UUID learner = newLearner();
        String provider = municipalProvider();
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                .body(Map.of("course", "SOCIAL_STUDIES", "providerId", provider, "startDate", today().minusMonths(1).toString(),
                        "languageOfInstruction", "ar"))
                .when().post("/api/v1/learners/{id}/enrolments", learner).then().statusCode(201);
        List<Answer> answers = concurrently(learner, "social-studies-tests", Map.of("testDate", today().toString(), "passed", true));
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(201, (long) N));
        assertThat(outboxCount(learner, "CourseCompleted")).isEqualTo(1);
    }
}
