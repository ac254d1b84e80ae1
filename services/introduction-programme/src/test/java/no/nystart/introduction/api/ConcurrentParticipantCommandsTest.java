package no.nystart.introduction.api;

import static io.restassured.RestAssured.given;
import static no.nystart.introduction.api.IntroTestSupport.OSLO;
import static no.nystart.introduction.api.IntroTestSupport.admission;
import static no.nystart.introduction.api.IntroTestSupport.caseworker;
import static no.nystart.introduction.api.IntroTestSupport.count;
import static no.nystart.introduction.api.IntroTestSupport.decision;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import no.nystart.platform.testing.Concurrently;
import no.nystart.platform.testing.Concurrently.Answer;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/**
 * Identical commands about one participant sent at the same moment (issue 15): the participant row is locked, so one
 * command changes the participant and publishes its event, the others answer 409 problem+json with the rule the new
 * state breaks.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "introduction_test"))
class ConcurrentParticipantCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 6;

    private static UUID admitted() {
        UUID id = UUID.randomUUID();
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(admission(id, OSLO))
                .when().post("/api/v1/participants").then().statusCode(201);
        return id;
    }

    private static UUID started() {
        UUID id = admitted();
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(decision("2025-07-01", "2027-06-30"))
                .when().post("/api/v1/participants/{id}/programme", id).then().statusCode(200);
        return id;
    }

    private static List<Answer> concurrently(UUID id, String path, Object body, boolean put) throws Exception {
        String json = JSON.writeValueAsString(body);
        String token = caseworker(OSLO);
        Supplier<io.restassured.response.Response> call = () -> {
            var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(json).when();
            return put ? request.put("/api/v1/participants/{id}/" + path, id) : request.post("/api/v1/participants/{id}/" + path, id);
        };
        return Concurrently.http(N, call);
    }

    private static void assertOneWinner(List<Answer> answers, int success, String rule) throws Exception {
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(success, 1L, 409, (long) N - 1));
        for (Answer a : answers) {
            if (a.status() == 409) {
                assertThat(a.problem()).as(a.toString()).isTrue();
                JsonNode problem = JSON.readTree(a.body());
                assertThat(problem.path("violations").path(0).path("rule").asText()).as(a.body()).isEqualTo(rule);
                assertThat(problem.path("violations").path(0).path("field").asText()).isEqualTo("status");
            }
        }
    }

    private static long events(UUID id, String type) {
        return count("select count(*) from nystart_outbox where ce_type = ? and record_key = ?", "no.nystart." + type + ".v1",
                id.toString());
    }

    @Test
    void concurrent_section_12_decisions_start_the_programme_once_with_one_IntroductionProgrammeStarted() throws Exception {
        UUID id = admitted();
        assertOneWinner(concurrently(id, "programme", decision("2025-07-01", "2027-06-30"), false), 200,
                "integreringsloven-12.one-decision");
        assertThat(events(id, "IntroductionProgrammeStarted")).isEqualTo(1);
        assertThat(count("select count(*) from participant_history where person_id = ? and kind = 'DECIDED'", id)).isEqualTo(1);
    }

    @Test
    void concurrent_pauses_pause_once_and_concurrent_resumptions_resume_once() throws Exception {
        UUID id = started();
        assertOneWinner(concurrently(id, "pauses", Map.of("kind", "TEMPORARY_SUSPENSION", "from", "2025-08-04",
                "expectedResumeOn", "2025-09-01", "reason", "extensive absence"), false), 201, "pause.programme-active");
        assertThat(events(id, "IntroductionProgrammePaused")).isEqualTo(1);
        assertThat(count("select count(*) from programme_pause where person_id = ?", id)).isEqualTo(1);

        assertOneWinner(concurrently(id, "resumption", Map.of("resumedOn", "2025-09-01"), false), 200, "resume.programme-paused");
        assertThat(events(id, "IntroductionProgrammeResumed")).isEqualTo(1);
    }

    @Test
    void concurrent_completions_complete_once_with_one_IntroductionProgrammeCompleted() throws Exception {
        UUID id = started();
        assertOneWinner(concurrently(id, "completion", Map.of("completedOn", "2025-12-19", "outcome", "EMPLOYMENT",
                "finalGoalReached", true), false), 200, "completion.programme-active");
        assertThat(events(id, "IntroductionProgrammeCompleted")).isEqualTo(1);
    }

    @Test
    void concurrent_discontinuations_end_the_programme_once_with_one_IntroductionProgrammeDiscontinued() throws Exception {
        UUID id = started();
        assertOneWinner(concurrently(id, "discontinuation", Map.of("discontinuedOn", "2025-10-01", "reason", "LEFT_NORWAY"), false),
                200, "discontinuation.programme-running");
        assertThat(events(id, "IntroductionProgrammeDiscontinued")).isEqualTo(1);
    }
}
