package no.nystart.adulteducation.api;

import static io.restassured.RestAssured.given;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.BERGEN;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.OSLO;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.awaitLearner;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.caseworker;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.count;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.publish;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.settled;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Topics;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/persons/{id}/history}: the learner's training as timeline entries with the deadline ahead. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "adult_education_test"))
class PersonHistoryResourceTest {
    private static final String HISTORY = "/api/v1/persons/{id}/history";

    private static PersonSettled newLearner(String municipality) {
        PersonSettled event = settled(LocalDate.of(1990, 5, 5), PermitType.REFUGEE, today().minusMonths(6), municipality);
        publish(Topics.SETTLEMENT, event);
        awaitLearner(event.personId(), municipality);
        return event;
    }

    private static String municipalProvider(String municipality) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Voksenopplæringen " + municipality);
        body.put("kind", "MUNICIPAL");
        body.put("municipality", municipality);
        return given().auth().oauth2(caseworker(municipality)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/providers").then().statusCode(201).extract().path("id");
    }

    @Test
    void integreringsloven_27_rights_enrolment_hours_and_tests_in_date_order_with_the_training_deadline_ahead() {
        PersonSettled settled = newLearner(OSLO);
        UUID learner = settled.personId();
        String token = caseworker(OSLO);
        Map<String, Object> enrolment = new HashMap<>();
        enrolment.put("course", "NORWEGIAN");
        enrolment.put("providerId", municipalProvider(OSLO));
        enrolment.put("startDate", today().minusDays(20).toString());
        enrolment.put("languageOfInstruction", "ar");
        String enrolmentId = given().auth().oauth2(token).contentType(ContentType.JSON).body(enrolment)
                .when().post("/api/v1/learners/{id}/enrolments", learner).then().statusCode(201).extract().path("enrolmentId");
        String hours = "/api/v1/learners/{id}/enrolments/{e}/hours/{date}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("hours", 4))
                .when().put(hours, learner, enrolmentId, today().minusDays(15).toString()).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("hours", 2.5))
                .when().put(hours, learner, enrolmentId, today().minusDays(14).toString()).then().statusCode(200);
        Map<String, Object> test = new HashMap<>();
        test.put("testType", "NORSKPROVE_A1_B2");
        test.put("testDate", today().minusDays(3).toString());
        test.put("readingLevel", "A2");
        test.put("listeningLevel", "B1");
        test.put("writingLevel", "A2");
        test.put("oralLevel", "A2");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(test)
                .when().post("/api/v1/learners/{id}/norwegian-tests", learner).then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("testDate", today().minusDays(1).toString(), "passed", true))
                .when().post("/api/v1/learners/{id}/social-studies-tests", learner).then().statusCode(201);

        long auditedBefore = count("select count(*) from nystart_read_audit where person_id = ? and action = 'read-learner'", learner);
        String json = given().auth().oauth2(token).when().get(HISTORY, learner)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        JsonPath history = JsonPath.from(json);

        assertThat(history.getString("service")).isEqualTo("adult-education");
        assertThat(history.<String>getList("entries.date").stream().map(LocalDate::parse).toList()).isSorted();
        assertThat(history.<String>getList("entries.kind")).containsSubsequence("LEARNER_RIGHTS", "ENROLLED",
                "TRAINING_HOURS", "TEST_RESULT", "TEST_RESULT");
        assertThat(history.getString("entries[0].kind")).isEqualTo("LEARNER_RIGHTS");
        assertThat(history.getString("entries[0].date")).isEqualTo(settled.permitDate().toString());
        assertThat(history.getString("entries[0].rule")).isEqualTo("integreringsloven § 27");
        List<Map<String, Object>> months = history.getList("entries.findAll { it.kind == 'TRAINING_HOURS' }");
        assertThat(months.stream().map(m -> new BigDecimal(String.valueOf(((Map<?, ?>) m.get("details")).get("hours"))))
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("6.5");
        assertThat(history.getString("entries.find { it.kind == 'TEST_RESULT' && it.details.test == 'NORWEGIAN' }.rule"))
                .isEqualTo("integreringsforskriften § 34");
        assertThat(history.getString("entries.find { it.kind == 'TEST_RESULT' && it.details.test == 'NORWEGIAN' }.details.listening"))
                .isEqualTo("B1");
        assertThat(history.<String>getList("entries.kind")).contains("SOCIAL_STUDIES_PASSED");

        // the goal is not reached: the deadline (3 years from the permit, PRIMARY by default) is still ahead
        assertThat(history.<String>getList("deadlines.kind")).containsExactly("NORWEGIAN_TRAINING_DEADLINE");
        assertThat(history.getString("deadlines[0].date")).isEqualTo(settled.permitDate().plusYears(3).minusDays(1).toString());
        assertThat(json).doesNotContain("saksbehandler");
        assertThat(count("select count(*) from nystart_read_audit where person_id = ? and action = 'read-learner'", learner))
                .isEqualTo(auditedBefore + 1);
    }

    @Test
    void integreringsloven_29_an_exemption_from_Norwegian_is_listed_and_ends_the_deadline() {
        UUID learner = newLearner(OSLO).personId();
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON)
                .body(Map.of("course", "NORWEGIAN", "legalBasis", "DOCUMENTED_NORWEGIAN_OR_SAMI_SKILLS",
                        "documentationType", "NORWEGIAN_TEST_B1_ALL_SKILLS", "decidedOn", today().toString()))
                .when().post("/api/v1/learners/{id}/exemptions", learner).then().statusCode(201);

        given().auth().oauth2(caseworker(OSLO)).when().get(HISTORY, learner).then().statusCode(200)
                .body("entries.kind", org.hamcrest.Matchers.hasItem("EXEMPTION"))
                .body("entries.find { it.kind == 'EXEMPTION' }.rule", org.hamcrest.Matchers.equalTo("integreringsloven § 29"))
                .body("deadlines", org.hamcrest.Matchers.empty());
    }

    @Test
    void a_caseworker_of_another_municipality_is_404_like_an_unknown_person_no_token_401_other_roles_403() {
        UUID learner = newLearner(BERGEN).personId();

        given().auth().oauth2(caseworker(OSLO)).when().get(HISTORY, learner).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get(HISTORY, learner).then().statusCode(401);
        String officer = TestInfrastructure.get().tokens().token().user("imdi").roles(Roles.SETTLEMENT_OFFICER).sign();
        given().auth().oauth2(officer).when().get(HISTORY, learner).then().statusCode(403);
        given().auth().oauth2(caseworker(BERGEN)).when().get(HISTORY, UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(caseworker(BERGEN)).when().get(HISTORY, learner).then().statusCode(200);
    }
}
