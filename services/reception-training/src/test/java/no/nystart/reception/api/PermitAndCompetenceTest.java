package no.nystart.reception.api;

import static no.nystart.platform.events.ClockProducer.OSLO;
import static io.restassured.RestAssured.given;
import static no.nystart.reception.api.ReceptionTestSupport.awaitValidEvent;
import static no.nystart.reception.api.ReceptionTestSupport.count;
import static no.nystart.reception.api.ReceptionTestSupport.outboxCount;
import static no.nystart.reception.api.ReceptionTestSupport.post;
import static no.nystart.reception.api.ReceptionTestSupport.registerAdult;
import static no.nystart.reception.api.ReceptionTestSupport.session;
import static no.nystart.reception.api.ReceptionTestSupport.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nystart.contracts.Topics;
import no.nystart.contracts.reception.CareerGuidanceCompleted;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.ResidencePermitGranted;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/** Residence permits, § 6 competence mapping and § 11 career guidance through the API. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class PermitAndCompetenceTest {
    private static final String PERMIT = "/api/v1/residents/{id}/residence-permit";
    private static final String MAPPING = "/api/v1/residents/{id}/competence-mapping";
    private static final String GUIDANCE = "/api/v1/residents/{id}/career-guidance";

    private static Map<String, Object> permit(String type, LocalDate decided) {
        return Map.of("permitType", type, "decisionDate", decided.toString());
    }

    private static Map<String, Object> mapping(LocalDate mappedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mappedOn", mappedOn.toString());
        body.put("languages", List.of(Map.of("languageCode", "tir", "proficiency", "NATIVE"),
                Map.of("languageCode", "ara", "proficiency", "GOOD")));
        body.put("educationLevel", "UPPER_SECONDARY");
        body.put("educationYears", 12);
        body.put("workExperience", List.of(Map.of("styrkCode", "5120", "years", 4)));
        body.put("otherCompetence", List.of("DRIVING_LICENCE"));
        return body;
    }

    private static ValidatableResponse put(String path, Object body, String personId) {
        return given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(body)
                .when().put(path, personId).then();
    }

    @Test
    void residence_permit_publishes_ResidencePermitGranted_ends_the_training_duty_and_a_second_decision_is_409() {
        String personId = registerAdult(20);
        LocalDate decided = LocalDate.now(OSLO).minusDays(5);
        post("/api/v1/residents/{id}/training-sessions", session("NORWEGIAN", decided.minusDays(1), "4"), personId).statusCode(201);
        post(PERMIT, permit("REFUGEE", decided), personId).statusCode(201)
                .body("permitType", equalTo("REFUGEE")).body("regime", equalTo("INTEGRERINGSLOVEN"));
        // docs/domain/reception.md#1b: persons with a UDI decision are outside the target group of the mandatory training
        post("/api/v1/residents/{id}/training-sessions", session("NORWEGIAN", decided, "4"), personId).statusCode(422)
                .body("violations.rule", hasItem("mandatory-training.no-duty"));
        given().auth().oauth2(staffToken()).when().get("/api/v1/residents/{id}", personId).then().statusCode(200)
                .body("training.dutyApplies", equalTo(false))
                .body("training.noDutyReason", equalTo("PERMIT_DECISION"))
                .body("training.modules.find { it.module == 'NORWEGIAN' }.attendedHours", equalTo(4.0f))
                .body("residencePermit.decisionDate", equalTo(decided.toString()));
        post(PERMIT, permit("HUMANITARIAN", decided), personId).statusCode(409)
                .contentType("application/problem+json").body("violations[0].rule", equalTo("permit.once"));
        assertThat(outboxCount(personId, "ResidencePermitGranted")).isEqualTo(1);

        JsonNode event = awaitValidEvent(Topics.RECEPTION, ResidencePermitGranted.class, personId);
        assertThat(event.get("permitType").asText()).isEqualTo("REFUGEE");
        assertThat(event.get("permitDate").asText()).isEqualTo(decided.toString());
        assertThat(event.get("regime").asText()).isEqualTo("INTEGRERINGSLOVEN");
        assertThat(event.get("hostMunicipality").asText()).isEqualTo("3301");
    }

    @Test
    void permit_decision_before_registration_is_422_and_bad_permit_type_400_nothing_written() {
        String personId = registerAdult(20);
        post(PERMIT, permit("REFUGEE", LocalDate.now(OSLO).minusDays(21)), personId).statusCode(422)
                .body("violations.field", hasItem("decisionDate"))
                .body("violations.rule", hasItem("permit.before-registration"));
        post(PERMIT, permit("REFUGEE", LocalDate.now(OSLO).plusDays(1)), personId).statusCode(422)
                .body("violations.rule", hasItem("date.not-in-future"));
        post(PERMIT, permit("TOURIST", LocalDate.now(OSLO)), personId).statusCode(400)
                .body("violations.field", hasItem("permitType"));
        assertThat(count("select count(*) from residence_permit where person_id = ?::uuid", personId)).isZero();
        assertThat(outboxCount(personId, "ResidencePermitGranted")).isZero();
    }

    @Test
    void integreringsloven_6_competence_mapping_needs_a_permit_in_the_target_group_and_is_done_once_409() {
        String noPermit = registerAdult(20);
        put(MAPPING, mapping(LocalDate.now(OSLO)), noPermit).statusCode(422)
                .body("violations.rule", hasItem("integreringsloven-6.no-permit"));

        String other = registerAdult(20);
        post(PERMIT, permit("OTHER", LocalDate.now(OSLO).minusDays(3)), other).statusCode(201);
        put(MAPPING, mapping(LocalDate.now(OSLO)), other).statusCode(422)
                .body("violations.rule", hasItem("integreringsloven-6.permit-type"));

        String refugee = registerAdult(20);
        LocalDate decided = LocalDate.now(OSLO).minusDays(3);
        post(PERMIT, permit("REFUGEE", decided), refugee).statusCode(201);
        put(MAPPING, mapping(decided.minusDays(1)), refugee).statusCode(422)
                .body("violations.rule", hasItem("competence-mapping.before-permit"));
        put(MAPPING, mapping(LocalDate.now(OSLO).minusDays(1)), refugee).statusCode(201);
        put(MAPPING, mapping(LocalDate.now(OSLO)), refugee).statusCode(409)
                .contentType("application/problem+json")
                .body("violations[0].rule", equalTo("integreringsloven-6.once"));
        assertThat(outboxCount(refugee, "CompetenceMapped")).isEqualTo(1);
        assertThat(outboxCount(noPermit, "CompetenceMapped") + outboxCount(other, "CompetenceMapped")).isZero();

        JsonNode event = awaitValidEvent(Topics.RECEPTION, CompetenceMapped.class, refugee);
        assertThat(event.get("languages").get(0).get("languageCode").asText()).isEqualTo("tir");
        assertThat(event.get("educationLevel").asText()).isEqualTo("UPPER_SECONDARY");
        assertThat(event.get("workExperience").get(0).get("styrkCode").asText()).isEqualTo("5120");
        assertThat(event.get("otherCompetence").get(0).asText()).isEqualTo("DRIVING_LICENCE");
        assertThat(event.get("hostMunicipality").asText()).isEqualTo("3301");
    }

    @Test
    void competence_mapping_content_is_checked_field_by_field_and_nothing_is_written() {
        String personId = registerAdult(20);
        post(PERMIT, permit("REFUGEE", LocalDate.now(OSLO).minusDays(3)), personId).statusCode(201);
        Map<String, Object> bad = mapping(LocalDate.now(OSLO));
        bad.put("languages", List.of(Map.of("languageCode", "Tigrinya", "proficiency", "NATIVE")));
        bad.put("workExperience", List.of(Map.of("styrkCode", "51", "years", 4)));
        bad.put("educationYears", 45);
        put(MAPPING, bad, personId).statusCode(400)
                .body("violations.field", hasItem(containsString("languageCode")))
                .body("violations.rule", hasItem("iso639-3.format"))
                .body("violations.field", hasItem(containsString("styrkCode")))
                .body("violations.rule", hasItem("styrk-08.format"))
                .body("violations.field", hasItem("educationYears"));
        Map<String, Object> noLanguage = mapping(LocalDate.now(OSLO));
        noLanguage.put("languages", List.of());
        put(MAPPING, noLanguage, personId).statusCode(422)
                .body("violations.rule", hasItem("integreringsloven-6.languages"));
        assertThat(count("select count(*) from competence_mapping where person_id = ?::uuid", personId)).isZero();
        assertThat(outboxCount(personId, "CompetenceMapped")).isZero();
    }

    @Test
    void integreringsloven_11_career_guidance_builds_on_the_mapping_and_is_given_by_the_host_county() {
        String personId = registerAdult(20);
        post(PERMIT, permit("RESETTLEMENT", LocalDate.now(OSLO).minusDays(5)), personId).statusCode(201);
        post(GUIDANCE, Map.of("completedOn", LocalDate.now(OSLO).toString()), personId).statusCode(422)
                .body("violations.rule", hasItem("integreringsloven-11.no-competence-mapping"));
        put(MAPPING, mapping(LocalDate.now(OSLO).minusDays(2)), personId).statusCode(201);
        post(GUIDANCE, Map.of("completedOn", LocalDate.now(OSLO).minusDays(3).toString()), personId).statusCode(422)
                .body("violations.rule", hasItem("career-guidance.before-mapping"));
        post(GUIDANCE, Map.of("completedOn", LocalDate.now(OSLO).toString(), "county", "99"), personId).statusCode(422)
                .body("violations.rule", hasItem("fylkesnummer.unknown"));
        post(GUIDANCE, Map.of("completedOn", LocalDate.now(OSLO).toString()), personId).statusCode(201)
                .body("county", equalTo("33"));
        post(GUIDANCE, Map.of("completedOn", LocalDate.now(OSLO).toString()), personId).statusCode(409)
                .body("violations.rule", hasItem("career-guidance.once"));
        // a resident who left the centre is mapped by the municipality (§ 10), not here
        String left = registerAdult(20);
        post(PERMIT, permit("RESETTLEMENT", LocalDate.now(OSLO).minusDays(5)), left).statusCode(201);
        post("/api/v1/residents/{id}/departure", Map.of("leftOn", LocalDate.now(OSLO).minusDays(1).toString(), "reason", "OTHER"), left)
                .statusCode(201);
        put(MAPPING, mapping(LocalDate.now(OSLO)), left).statusCode(422)
                .body("violations.rule", hasItem("integreringsloven-6.left-reception"));
        assertThat(outboxCount(personId, "CareerGuidanceCompleted")).isEqualTo(1);

        JsonNode event = awaitValidEvent(Topics.RECEPTION, CareerGuidanceCompleted.class, personId);
        assertThat(event.get("county").asText()).isEqualTo("33");
        assertThat(event.get("hostMunicipality").asText()).isEqualTo("3301");
        given().auth().oauth2(staffToken()).when().get("/api/v1/residents/{id}", personId).then()
                .body("competenceMappedOn", equalTo(LocalDate.now(OSLO).minusDays(2).toString()))
                .body("careerGuidanceCompletedOn", equalTo(LocalDate.now(OSLO).toString()));
    }
}
