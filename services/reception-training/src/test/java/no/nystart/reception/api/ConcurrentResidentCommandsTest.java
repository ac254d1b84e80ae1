package no.nystart.reception.api;

import static no.nystart.platform.events.ClockProducer.OSLO;
import static io.restassured.RestAssured.given;
import static no.nystart.reception.api.ReceptionTestSupport.JSON;
import static no.nystart.reception.api.ReceptionTestSupport.arrival;
import static no.nystart.reception.api.ReceptionTestSupport.count;
import static no.nystart.reception.api.ReceptionTestSupport.newDufNumber;
import static no.nystart.reception.api.ReceptionTestSupport.outboxCount;
import static no.nystart.reception.api.ReceptionTestSupport.post;
import static no.nystart.reception.api.ReceptionTestSupport.registerAdult;
import static no.nystart.reception.api.ReceptionTestSupport.session;
import static no.nystart.reception.api.ReceptionTestSupport.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.nystart.platform.testing.Concurrently;
import no.nystart.platform.testing.Concurrently.Answer;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/**
 * Identical commands about one resident sent at the same moment (issue 15): the resident's row (or, for a new
 * arrival, its DUF number) is locked, so one command wins and publishes once, the others answer 409 problem+json.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class ConcurrentResidentCommandsTest {
    private static final int N = 6;

    private static List<Answer> concurrently(Supplier<io.restassured.response.Response> call) {
        return Concurrently.http(N, call);
    }

    private static void assertOneWinner(List<Answer> answers, int success, String field, String rule) throws Exception {
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(success, 1L, 409, (long) N - 1));
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
    void concurrent_registrations_of_one_DUF_number_register_one_resident_with_one_ResidentRegistered() throws Exception {
        String duf = newDufNumber();
        String body = JSON.writeValueAsString(arrival(duf));
        String token = staffToken();
        assertOneWinner(concurrently(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/residents")), 201, "dufNumber", "duf-number.unique");
        assertThat(count("select count(*) from resident where duf_number = ?", duf)).isEqualTo(1);
        assertThat(count("select count(*) from nystart_outbox o join resident r on o.record_key = r.person_id::text "
                + "where r.duf_number = ? and o.ce_type = 'no.nystart.ResidentRegistered.v1'", duf)).isEqualTo(1);
    }

    @Test
    void integreringsloven_5_concurrent_sessions_crossing_175_hours_publish_one_MandatoryTrainingCompleted() throws Exception {
        String personId = registerAdult(40);
        LocalDate first = LocalDate.now(OSLO).minusDays(30);
        for (int i = 0; i < 21; i++) { // 168 hours
            post("/api/v1/residents/{id}/training-sessions", session("NORWEGIAN", first.plusDays(i), "8"), personId).statusCode(201);
        }
        // six sessions of 7 hours on six different days, each alone enough to reach 175 hours
        java.util.concurrent.atomic.AtomicInteger day = new java.util.concurrent.atomic.AtomicInteger(21);
        String token = staffToken();
        List<Answer> answers = concurrently(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(session("NORWEGIAN", first.plusDays(day.getAndIncrement()), "7"))
                .when().post("/api/v1/residents/{id}/training-sessions", personId));
        // the first completes the module; the others then find the duty fulfilled (422, nothing written)
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(201, 1L, 422, (long) N - 1));
        assertThat(outboxCount(personId, "MandatoryTrainingCompleted")).isEqualTo(1);
        assertThat(count("select count(*) from training_completion where person_id = ?::uuid", personId)).isEqualTo(1);
        assertThat(count("select count(*) from training_session where person_id = ?::uuid", personId)).isEqualTo(22);
    }

    @Test
    void concurrent_permit_decisions_grant_one_permit_with_one_ResidencePermitGranted() throws Exception {
        String personId = registerAdult(20);
        String body = JSON.writeValueAsString(Map.of("permitType", "REFUGEE", "decisionDate", LocalDate.now(OSLO).minusDays(2).toString()));
        String token = staffToken();
        assertOneWinner(concurrently(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/residents/{id}/residence-permit", personId)), 201, "personId", "permit.once");
        assertThat(outboxCount(personId, "ResidencePermitGranted")).isEqualTo(1);
    }

    @Test
    void integreringsloven_6_concurrent_competence_mappings_map_once_with_one_CompetenceMapped() throws Exception {
        String personId = registerAdult(20);
        post("/api/v1/residents/{id}/residence-permit", Map.of("permitType", "REFUGEE",
                "decisionDate", LocalDate.now(OSLO).minusDays(3).toString()), personId).statusCode(201);
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("mappedOn", LocalDate.now(OSLO).minusDays(1).toString());
        mapping.put("languages", List.of(Map.of("languageCode", "tir", "proficiency", "NATIVE")));
        mapping.put("educationLevel", "UPPER_SECONDARY");
        mapping.put("educationYears", 12);
        mapping.put("workExperience", List.of(Map.of("styrkCode", "5120", "years", 4)));
        mapping.put("otherCompetence", List.of("DRIVING_LICENCE"));
        String body = JSON.writeValueAsString(mapping);
        String token = staffToken();
        List<Answer> answers = concurrently(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/residents/{id}/competence-mapping", personId));
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(201, 1L, 409, (long) N - 1));
        for (Answer a : answers) {
            if (a.status() == 409) {
                assertThat(a.problem()).isTrue();
                assertThat(JSON.readTree(a.body()).path("violations").path(0).path("rule").asText()).isEqualTo("integreringsloven-6.once");
            }
        }
        assertThat(outboxCount(personId, "CompetenceMapped")).isEqualTo(1);
    }
}
