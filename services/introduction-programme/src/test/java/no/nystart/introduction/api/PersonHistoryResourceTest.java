package no.nystart.introduction.api;

import static io.restassured.RestAssured.given;
import static no.nystart.introduction.api.IntroTestSupport.BERGEN;
import static no.nystart.introduction.api.IntroTestSupport.OSLO;
import static no.nystart.introduction.api.IntroTestSupport.admission;
import static no.nystart.introduction.api.IntroTestSupport.caseworker;
import static no.nystart.introduction.api.IntroTestSupport.count;
import static no.nystart.introduction.api.IntroTestSupport.decision;
import static no.nystart.introduction.api.IntroTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/persons/{id}/history}: the participant's programme as timeline entries with the deadlines ahead. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "introduction_test"))
class PersonHistoryResourceTest {
    private static final String HISTORY = "/api/v1/persons/{id}/history";

    private static UUID admit(Map<String, Object> body) {
        UUID id = UUID.fromString((String) body.get("personId"));
        given().auth().oauth2(caseworker((String) body.get("municipality"))).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/participants").then().statusCode(201);
        return id;
    }

    @Test
    void integreringsloven_12_13_20_21_a_running_programme_lists_decision_plan_attendance_benefit_and_pause_in_date_order() {
        UUID id = admit(admission(UUID.randomUUID(), OSLO)); // settled 2025-06-02
        String token = caseworker(OSLO);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(decision("2025-07-01", "2027-06-30"))
                .when().post("/api/v1/participants/{id}/programme", id).then().statusCode(200);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("finalGoal", "EMPLOYMENT");
        plan.put("norwegianGoal", Map.of("reading", "B1", "listening", "B1", "writing", "A2", "oral", "B1"));
        plan.put("elements", List.of("NORWEGIAN_AND_SOCIAL_STUDIES", "WORK_ORIENTED", "LIFE_SKILLS_IN_A_NEW_COUNTRY"));
        plan.put("longTermGoal", "work as an electrician");
        plan.put("mutualObligations", "the municipality provides the programme; the participant attends");
        plan.put("agreedOn", "2025-07-02");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(plan)
                .when().put("/api/v1/participants/{id}/plan", id).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2025-07-01", "plannedHours", 7.5, "attendedHours", 3.75, "absence", Map.of("UNEXCUSED", 3.75)))
                .when().post("/api/v1/participants/{id}/attendance", id).then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "TEMPORARY_SUSPENSION", "from", "2025-08-04", "expectedResumeOn", "2025-09-01",
                        "reason", "extensive absence"))
                .when().post("/api/v1/participants/{id}/pauses", id).then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("resumedOn", "2025-09-01"))
                .when().post("/api/v1/participants/{id}/resumption", id).then().statusCode(200);

        String json = given().auth().oauth2(token).when().get(HISTORY, id)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        JsonPath history = JsonPath.from(json);

        assertThat(history.getString("service")).isEqualTo("introduction-programme");
        assertThat(history.<String>getList("entries.date").stream().map(LocalDate::parse).toList()).isSorted();
        // 1 July: the start and the day's attendance (same day, no recorded time: by kind), the plan on 2 July
        assertThat(history.<String>getList("entries.kind")).containsSubsequence("PROGRAMME_ADMITTED", "ATTENDANCE_MONTH",
                "PROGRAMME_STARTED", "PLAN_AGREED", "BENEFIT_MONTH", "PROGRAMME_PAUSED", "BENEFIT_MONTH", "PROGRAMME_RESUMED");
        assertThat(history.getString("entries.find { it.kind == 'PROGRAMME_STARTED' }.date")).isEqualTo("2025-07-01");
        assertThat(history.getString("entries[0].date")).isEqualTo("2025-06-02");
        assertThat(history.getString("entries[0].rule")).isEqualTo("integreringsloven § 8 tredje ledd");
        // the § 12 decision is dated when it was recorded; it names the start and planned end
        assertThat(history.getString("entries.find { it.kind == 'PROGRAMME_DECIDED' }.date"))
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Oslo")).toString());
        assertThat(history.getString("entries.find { it.kind == 'PROGRAMME_DECIDED' }.rule")).isEqualTo("integreringsloven § 12");
        assertThat(history.getString("entries.find { it.kind == 'PROGRAMME_DECIDED' }.details.startDate")).isEqualTo("2025-07-01");
        // July 2025 as GET /benefit/2025-07 computes it: 21 693 gross, half the recorded hours unexcused → 10 846 net
        Map<String, Object> july = history.getMap("entries.find { it.kind == 'BENEFIT_MONTH' && it.details.month == '2025-07' }");
        assertThat(july.get("date")).isEqualTo("2025-07-31");
        assertThat(july.get("rule")).isEqualTo("integreringsloven §§ 20–21");
        assertThat((Map<String, Object>) july.get("details")).containsEntry("grossKroner", 21693)
                .containsEntry("reductionKroner", 10847).containsEntry("netKroner", 10846).containsEntry("decisionRequired", true);
        // August: suspended from the 4th, only Friday 1 August counts
        assertThat(history.getInt("entries.find { it.kind == 'BENEFIT_MONTH' && it.details.month == '2025-08' }.details.netKroner"))
                .isEqualTo(1033);
        assertThat(history.getString("entries.find { it.kind == 'PROGRAMME_PAUSED' }.rule")).isEqualTo("integreringsloven § 18");
        assertThat(history.getString("entries.find { it.kind == 'ATTENDANCE_MONTH' }.details.unexcusedHours")).isEqualTo("3.75");
        // the free-text reasons stay out
        assertThat(json).doesNotContain("extensive absence").doesNotContain("electrician")
                .doesNotContain("admitted by the municipality's decision");

        assertThat(history.<String>getList("deadlines.kind")).containsExactly("PROGRAMME_END");
        assertThat(history.getString("deadlines[0].date")).isEqualTo("2027-06-30");
        assertThat(history.getString("deadlines[0].rule")).isEqualTo("integreringsloven § 13");
        assertThat(count("select count(*) from nystart_read_audit where person_id = ? and action = 'history'", id)).isEqualTo(1);
    }

    @Test
    void integreringsloven_12_a_participant_without_a_decision_has_the_start_deadline_ahead() {
        LocalDate settled = LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(10);
        Map<String, Object> body = admission(UUID.randomUUID(), BERGEN);
        body.put("permitDate", settled.minusMonths(2).toString());
        body.put("settledOn", settled.toString());
        UUID id = admit(body);

        given().auth().oauth2(caseworker(BERGEN)).when().get(HISTORY, id).then().statusCode(200)
                .body("entries.kind", org.hamcrest.Matchers.contains("PROGRAMME_ADMITTED"))
                .body("deadlines.kind", org.hamcrest.Matchers.contains("PROGRAMME_START_DEADLINE"))
                .body("deadlines[0].date", org.hamcrest.Matchers.equalTo(settled.plusMonths(3).toString()))
                .body("deadlines[0].rule", org.hamcrest.Matchers.equalTo("integreringsloven § 12"));
    }

    @Test
    void a_caseworker_of_another_municipality_gets_404_like_an_unknown_person_no_token_401_other_roles_403() {
        UUID id = admit(admission(UUID.randomUUID(), BERGEN));

        given().auth().oauth2(caseworker(OSLO)).when().get(HISTORY, id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(caseworker(BERGEN)).when().get(HISTORY, UUID.randomUUID()).then().statusCode(404);
        given().when().get(HISTORY, id).then().statusCode(401);
        given().auth().oauth2(token(Roles.SETTLEMENT_OFFICER)).when().get(HISTORY, id).then().statusCode(403);
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?", id)).isZero();
    }
}
