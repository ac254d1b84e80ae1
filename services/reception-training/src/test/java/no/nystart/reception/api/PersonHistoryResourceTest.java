package no.nystart.reception.api;

import static no.nystart.platform.events.ClockProducer.OSLO;
import static io.restassured.RestAssured.given;
import static no.nystart.reception.api.ReceptionTestSupport.NORDLYS;
import static no.nystart.reception.api.ReceptionTestSupport.arrival;
import static no.nystart.reception.api.ReceptionTestSupport.count;
import static no.nystart.reception.api.ReceptionTestSupport.newDufNumber;
import static no.nystart.reception.api.ReceptionTestSupport.officerToken;
import static no.nystart.reception.api.ReceptionTestSupport.post;
import static no.nystart.reception.api.ReceptionTestSupport.register;
import static no.nystart.reception.api.ReceptionTestSupport.session;
import static no.nystart.reception.api.ReceptionTestSupport.staffToken;
import static no.nystart.reception.api.ReceptionTestSupport.staffTokenOf;
import static no.nystart.reception.api.ReceptionTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/persons/{id}/history}: the resident's reception history as timeline entries. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class PersonHistoryResourceTest {
    private static final String HISTORY = "/api/v1/persons/{id}/history";

    /** An adult refugee through reception: arrival, hours, an exemption, permit, § 6 mapping, § 11 guidance. */
    private static String residentThroughReception(String duf) {
        LocalDate today = LocalDate.now(OSLO);
        Map<String, Object> body = arrival(duf);
        body.put("birthDate", "1990-04-02");
        body.put("registeredOn", today.minusDays(60).toString());
        String personId = register(body);
        post("/api/v1/residents/{id}/training-sessions", session("NORWEGIAN", today.minusDays(50), "4"), personId).statusCode(201);
        post("/api/v1/residents/{id}/training-sessions", session("NORWEGIAN", today.minusDays(49), "3.5"), personId).statusCode(201);
        post("/api/v1/residents/{id}/exemptions", Map.of("module", "SOCIAL_STUDIES", "reason", "HEALTH",
                "grantedOn", today.minusDays(40).toString()), personId).statusCode(201);
        post("/api/v1/residents/{id}/residence-permit", Map.of("permitType", "REFUGEE",
                "decisionDate", today.minusDays(20).toString()), personId).statusCode(201);
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("mappedOn", today.minusDays(10).toString());
        mapping.put("languages", List.of(Map.of("languageCode", "tir", "proficiency", "NATIVE")));
        mapping.put("educationLevel", "UPPER_SECONDARY");
        mapping.put("educationYears", 12);
        mapping.put("workExperience", List.of(Map.of("styrkCode", "5120", "years", 4)));
        mapping.put("otherCompetence", List.of("DRIVING_LICENCE"));
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(mapping)
                .when().put("/api/v1/residents/{id}/competence-mapping", personId).then().statusCode(201);
        post("/api/v1/residents/{id}/career-guidance", Map.of("completedOn", today.minusDays(5).toString()), personId)
                .statusCode(201);
        return personId;
    }

    @Test
    void the_history_lists_arrival_hours_exemption_permit_mapping_and_guidance_in_date_order_with_their_rules() {
        String duf = newDufNumber();
        String personId = residentThroughReception(duf);

        String json = given().auth().oauth2(officerToken()).when().get(HISTORY, personId)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        JsonPath history = JsonPath.from(json);

        assertThat(history.getString("personId")).isEqualTo(personId);
        assertThat(history.getString("service")).isEqualTo("reception-training");
        List<String> kinds = history.getList("entries.kind");
        assertThat(kinds).containsSubsequence("ARRIVAL_REGISTERED", "TRAINING_DUTY", "TRAINING_HOURS",
                "TRAINING_EXEMPTION", "PERMIT_GRANTED", "COMPETENCE_MAPPED", "CAREER_GUIDANCE");
        List<LocalDate> dates = history.<String>getList("entries.date").stream().map(LocalDate::parse).toList();
        assertThat(dates).isSorted();
        assertThat(history.getList("entries.service")).containsOnly("reception-training");

        // the two Norwegian sessions (4 + 3.5 h), however the months fall, sum to 7.5 h under integreringsloven § 5
        List<Map<String, Object>> hours = history.getList("entries.findAll { it.kind == 'TRAINING_HOURS' }");
        assertThat(hours).allSatisfy(e -> assertThat(e.get("rule")).isEqualTo("integreringsloven § 5"));
        assertThat(hours.stream().map(e -> new BigDecimal(String.valueOf(((Map<?, ?>) e.get("details")).get("hours"))))
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("7.5");
        assertThat(history.getString("entries.find { it.kind == 'PERMIT_GRANTED' }.rule")).isEqualTo("utlendingsloven § 28");
        assertThat(history.getString("entries.find { it.kind == 'COMPETENCE_MAPPED' }.rule")).isEqualTo("integreringsloven § 6");
        assertThat(history.getString("entries.find { it.kind == 'CAREER_GUIDANCE' }.rule")).isEqualTo("integreringsloven § 11");
        assertThat(history.getString("entries.find { it.kind == 'TRAINING_DUTY' }.details.requiredHours.NORWEGIAN"))
                .isEqualTo("175");
        assertThat(history.getList("deadlines")).isEmpty();
        // neutral data only: neither the DUF number nor the names travel in the timeline
        assertThat(json).doesNotContain(duf).doesNotContain("Amina").doesNotContain("Haile");

        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid and reader = 'imdi-bosetting' "
                + "and action = ?", personId, "GET /api/v1/persons/" + personId + "/history")).isEqualTo(1);
    }

    @Test
    void staff_of_another_centre_get_404_the_own_centre_and_unbound_staff_read_it() {
        String personId = register(arrival(newDufNumber())); // lives at Fjordlys

        given().auth().oauth2(staffTokenOf(NORDLYS)).when().get(HISTORY, personId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(staffTokenOf(ReceptionTestSupport.FJORDLYS)).when().get(HISTORY, personId).then().statusCode(200);
        given().auth().oauth2(staffToken()).when().get(HISTORY, personId).then().statusCode(200);
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid", personId)).isEqualTo(2);
    }

    @Test
    void no_token_is_401_other_roles_403_and_an_unknown_person_404() {
        String personId = register(arrival(newDufNumber()));

        given().when().get(HISTORY, personId).then().statusCode(401);
        given().auth().oauth2(token(Roles.MUNICIPAL_CASEWORKER)).when().get(HISTORY, personId).then().statusCode(403);
        given().auth().oauth2(token(Roles.GRANT_OFFICER)).when().get(HISTORY, personId).then().statusCode(403);
        given().auth().oauth2(officerToken()).when().get(HISTORY, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void existence_rule_a_resident_of_another_centre_is_404_exactly_like_an_unknown_id() {
        String personId = register(arrival(newDufNumber())); // lives at Fjordlys
        for (String id : java.util.List.of(personId, UUID.randomUUID().toString())) {
            for (String path : java.util.List.of("/api/v1/residents/{id}", HISTORY)) {
                given().auth().oauth2(staffTokenOf(NORDLYS)).when().get(path, id)
                        .then().statusCode(404).contentType("application/problem+json")
                        .body("title", org.hamcrest.Matchers.equalTo("Not found"))
                        .body("detail", org.hamcrest.Matchers.equalTo("resident " + id + " does not exist"));
            }
        }
    }
}
