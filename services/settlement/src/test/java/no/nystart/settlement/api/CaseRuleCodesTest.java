package no.nystart.settlement.api;

import static io.restassured.RestAssured.given;
import static no.nystart.settlement.api.SettlementTestSupport.count;
import static no.nystart.settlement.api.SettlementTestSupport.fodselsnummer;
import static no.nystart.settlement.api.SettlementTestSupport.household;
import static no.nystart.settlement.api.SettlementTestSupport.officer;
import static no.nystart.settlement.api.SettlementTestSupport.person;
import static no.nystart.settlement.api.SettlementTestSupport.register;
import static no.nystart.settlement.api.SettlementTestSupport.settle;
import static no.nystart.settlement.api.SettlementTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/**
 * The date and identity rules of POST /cases and the year rule of the settlement-time statistics, each answered with
 * its field and rule code (docs/rules.md lists this test for the codes no other test names); nothing is written.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement_test"))
class CaseRuleCodesTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void person_and_permit_dates_and_the_national_id_of_a_new_case_are_checked_field_by_field() {
        LocalDate today = today();
        LocalDate permit = today.minusDays(5);
        long before = count("select count(*) from settlement_case");

        Map<String, Object> bornTomorrow = person("Tomorrow", today.plusDays(1), permit, null, false);
        Map<String, Object> permitAhead = person("Ahead", LocalDate.of(1990, 1, 1), today.plusDays(1), null, false);
        Map<String, Object> arrivesAhead = person("Arrives", LocalDate.of(1990, 1, 1), permit, null, false);
        arrivesAhead.put("arrivalDate", today.plusDays(1).toString());
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(household("RESETTLEMENT_QUOTA", List.of(bornTomorrow, permitAhead, arrivesAhead)))
                .when().post("/api/v1/cases")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", contains("persons[0].birthDate", "persons[0].permitDate", "persons[1].permitDate",
                        "persons[2].arrivalDate"))
                .body("violations.rule", contains("person.birth-date-not-future", "permit.date-after-birth",
                        "permit.date-not-future", "person.arrival-not-future"));

        String born1990 = fodselsnummer(LocalDate.of(1990, 1, 1));
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(household("FAMILY_REUNIFICATION", List.of(person("Other", LocalDate.of(1991, 5, 5), permit, born1990, false))))
                .when().post("/api/v1/cases")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("persons[0].nationalId"))
                .body("violations[0].rule", equalTo("national-id.matches-birth-date"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(household("FAMILY_REUNIFICATION", List.of(person("One", LocalDate.of(1990, 1, 1), permit, born1990, false),
                        person("Two", LocalDate.of(1990, 1, 1), permit, born1990, false))))
                .when().post("/api/v1/cases")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("persons[1].nationalId"))
                .body("violations[0].rule", equalTo("national-id.unique"));
        assertThat(count("select count(*) from settlement_case")).isEqualTo(before);

        // a national identity number already registered → 409 with the same rule
        String born1985 = fodselsnummer(LocalDate.of(1985, 3, 3));
        register(List.of(person("First", LocalDate.of(1985, 3, 3), permit, born1985, false)));
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(household("RESETTLEMENT_QUOTA", List.of(person("Again", LocalDate.of(1985, 3, 3), permit, born1985, false))))
                .when().post("/api/v1/cases")
                .then().statusCode(409).contentType(PROBLEM).body("violations[0].rule", equalTo("national-id.unique"));
        assertThat(count("select count(*) from settlement_case")).isEqualTo(before + 1);
    }

    @Test
    void relocation_date_not_future_a_move_is_recorded_on_or_before_today() {
        JsonNode cases = register(List.of(person("Mover", LocalDate.of(1988, 8, 8), today().minusDays(20), null, false)));
        String caseId = cases.get(0).get("caseId").asText();
        String personId = cases.get(0).get("personId").asText();
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("0301", today().minusDays(2), "SELF_SETTLED", null))
                .when().post("/api/v1/cases/{id}/settlement", caseId).then().statusCode(200);
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(Map.of("toMunicipality", "4601", "movedOn", today().plusDays(1).toString(), "relocationType", "ON_OWN"))
                .when().post("/api/v1/persons/{id}/relocations", personId)
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("movedOn")).body("violations[0].rule", equalTo("relocation.date-not-future"));
        assertThat(count("select count(*) from relocation where person_id = ?::uuid", personId)).isZero();
    }

    @Test
    void statistics_year_is_required_and_from_2000_to_2100() {
        given().auth().oauth2(officer()).when().get("/api/v1/statistics/settlement-time")
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("year")).body("violations[0].rule", equalTo("statistics.year"));
        given().auth().oauth2(officer()).queryParam("year", 1999).when().get("/api/v1/statistics/settlement-time")
                .then().statusCode(422).body("violations[0].rule", equalTo("statistics.year"));
    }
}
