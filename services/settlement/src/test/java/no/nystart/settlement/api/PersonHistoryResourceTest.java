package no.nystart.settlement.api;

import static io.restassured.RestAssured.given;
import static no.nystart.settlement.api.SettlementTestSupport.caseworker;
import static no.nystart.settlement.api.SettlementTestSupport.count;
import static no.nystart.settlement.api.SettlementTestSupport.officer;
import static no.nystart.settlement.api.SettlementTestSupport.person;
import static no.nystart.settlement.api.SettlementTestSupport.register;
import static no.nystart.settlement.api.SettlementTestSupport.settle;
import static no.nystart.settlement.api.SettlementTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/persons/{id}/history}: one person's settlement history as timeline entries. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement_test"))
class PersonHistoryResourceTest {
    private static final String HISTORY = "/api/v1/persons/{id}/history";

    @Test
    void a_settled_and_relocated_person_has_case_permit_settlement_and_move_in_date_order_and_no_deadline() {
        LocalDate permit = today().minusDays(40);
        JsonNode cases = register(List.of(person("Meron", LocalDate.of(1985, 3, 3), permit, null, false)));
        String caseId = cases.get(0).get("caseId").asText();
        String personId = cases.get(0).get("personId").asText();
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(settle("4601", today().minusDays(10), "SELF_SETTLED", null))
                .when().post("/api/v1/cases/{id}/settlement", caseId).then().statusCode(200);
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(Map.of("toMunicipality", "0301", "movedOn", today().minusDays(2).toString(), "relocationType", "ON_OWN"))
                .when().post("/api/v1/persons/{id}/relocations", personId).then().statusCode(201);

        String json = given().auth().oauth2(officer()).when().get(HISTORY, personId)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        JsonPath history = JsonPath.from(json);

        assertThat(history.getString("service")).isEqualTo("settlement");
        // a case registered here (POST /cases) is opened today: after the permit, and here after the back-dated
        // settlement and move too; the timeline follows the dates, not the order of the requests
        assertThat(history.<String>getList("entries.kind"))
                .containsExactly("READY_FOR_SETTLEMENT", "SETTLED", "RELOCATED", "SETTLEMENT_CASE_OPENED");
        assertThat(history.getString("entries.find { it.kind == 'SETTLEMENT_CASE_OPENED' }.date")).isEqualTo(today().toString());
        assertThat(history.<String>getList("entries.date").stream().map(LocalDate::parse).toList()).isSorted();
        assertThat(history.getString("entries.find { it.kind == 'READY_FOR_SETTLEMENT' }.date")).isEqualTo(permit.toString());
        assertThat(history.getString("entries.find { it.kind == 'READY_FOR_SETTLEMENT' }.rule")).isEqualTo("utlendingsloven § 35");
        assertThat(history.getString("entries.find { it.kind == 'SETTLED' }.rule")).isEqualTo("integreringsloven § 4");
        assertThat(history.getString("entries.find { it.kind == 'SETTLED' }.details.municipality")).isEqualTo("4601");
        assertThat(history.getInt("entries.find { it.kind == 'SETTLED' }.details.daysFromPermit")).isEqualTo(30);
        assertThat(history.getString("entries.find { it.kind == 'RELOCATED' }.details.toMunicipality")).isEqualTo("0301");
        assertThat(history.getList("deadlines")).isEmpty();
        assertThat(json).doesNotContain("Meron").doesNotContain("Tesfaye");
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid and action = ?", personId,
                "GET /api/v1/persons/" + personId + "/history")).isEqualTo(1);
    }

    @Test
    void settlement_time_target_3_months_for_a_household_with_a_child_6_months_for_an_adult_alone() {
        LocalDate permit = today().minusDays(20);
        JsonNode family = register(List.of(person("Saba", LocalDate.of(1988, 5, 5), permit, null, false),
                person("Lidya", today().minusYears(4), permit, null, false)));
        JsonNode alone = register(List.of(person("Dawit", LocalDate.of(1979, 9, 9), permit, null, false)));

        given().auth().oauth2(officer()).when().get(HISTORY, family.get(0).get("personId").asText()).then().statusCode(200)
                .body("deadlines.kind", org.hamcrest.Matchers.contains("SETTLEMENT_TIME_TARGET"))
                .body("deadlines[0].date", org.hamcrest.Matchers.equalTo(permit.plusMonths(3).toString()));
        given().auth().oauth2(officer()).when().get(HISTORY, alone.get(0).get("personId").asText()).then().statusCode(200)
                .body("deadlines[0].date", org.hamcrest.Matchers.equalTo(permit.plusMonths(6).toString()))
                .body("entries.kind", org.hamcrest.Matchers.contains("READY_FOR_SETTLEMENT", "SETTLEMENT_CASE_OPENED"));
    }

    @Test
    void a_closed_case_ends_with_its_closure_without_the_officer_s_note() {
        LocalDate permit = today().minusDays(15);
        JsonNode cases = register(List.of(person("Yared", LocalDate.of(1990, 6, 6), permit, null, false)));
        String caseId = cases.get(0).get("caseId").asText();
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "OTHER", "closedOn", today().toString(), "note", "moved in with a named relative"))
                .when().post("/api/v1/cases/{id}/closure", caseId).then().statusCode(200);

        String json = given().auth().oauth2(officer()).when().get(HISTORY, cases.get(0).get("personId").asText())
                .then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(json).<String>getList("entries.kind")).last().isEqualTo("SETTLEMENT_CASE_CLOSED");
        assertThat(JsonPath.from(json).getList("deadlines")).isEmpty();
        assertThat(json).doesNotContain("named relative");
    }

    @Test
    void no_token_is_401_municipal_and_county_roles_403_and_an_unknown_person_404() {
        JsonNode cases = register(List.of(person("Feven", LocalDate.of(1992, 2, 2), today().minusDays(5), null, false)));
        String personId = cases.get(0).get("personId").asText();

        given().when().get(HISTORY, personId).then().statusCode(401);
        given().auth().oauth2(caseworker()).when().get(HISTORY, personId).then().statusCode(403)
                .contentType("application/problem+json");
        String analyst = TestInfrastructure.get().tokens().token().user("analyst").roles(Roles.COUNTY_ANALYST)
                .claim("county", "46").sign();
        given().auth().oauth2(analyst).when().get(HISTORY, personId).then().statusCode(403);
        given().auth().oauth2(officer()).when().get(HISTORY, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid", personId)).isZero();
    }
}
