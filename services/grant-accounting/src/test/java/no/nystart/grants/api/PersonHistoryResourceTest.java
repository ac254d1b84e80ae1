package no.nystart.grants.api;

import static io.restassured.RestAssured.given;
import static no.nystart.grants.api.GrantTestSupport.awaitPerson;
import static no.nystart.grants.api.GrantTestSupport.caseworker;
import static no.nystart.grants.api.GrantTestSupport.count;
import static no.nystart.grants.api.GrantTestSupport.finance;
import static no.nystart.grants.api.GrantTestSupport.installTestRates;
import static no.nystart.grants.api.GrantTestSupport.officer;
import static no.nystart.grants.api.GrantTestSupport.publish;
import static no.nystart.grants.api.GrantTestSupport.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.contracts.settlement.RelocationType;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/persons/{id}/history}: the person's grant basis and ledger entries as timeline entries. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "grant_accounting_test"))
class PersonHistoryResourceTest {
    private static final String HISTORY = "/api/v1/persons/{id}/history";

    @Test
    void the_year_1_claim_its_reversal_on_a_move_and_the_split_claims_come_in_date_order_in_whole_kroner() {
        installTestRates();
        PersonSettled person = settled(LocalDate.of(1991, 2, 2), 1, "1103", LocalDate.of(2031, 6, 1));
        publish(person);
        awaitPerson(person.personId());
        publish(new PersonRelocated(person.personId(), "1103", "3301", LocalDate.of(2031, 9, 10), RelocationType.ON_OWN, null));
        await().atMost(Duration.ofSeconds(90)).until(() -> count(
                "select count(*) from ledger_entry where person_id = ? and kind = 'REVERSAL'", person.personId()) >= 1);

        String json = given().auth().oauth2(officer()).when().get(HISTORY, person.personId())
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        JsonPath history = JsonPath.from(json);

        assertThat(history.getString("service")).isEqualTo("grant-accounting");
        assertThat(history.<String>getList("entries.date").stream().map(LocalDate::parse).toList()).isSorted();
        assertThat(history.<String>getList("entries.kind")).contains("GRANT_BASIS", "GRANT_CLAIM", "GRANT_REVERSAL");
        assertThat(history.getString("entries.find { it.kind == 'GRANT_BASIS' }.date")).isEqualTo("2031-06-01");
        assertThat(history.getBoolean("entries.find { it.kind == 'GRANT_BASIS' }.details.inTargetGroup")).isTrue();
        List<Map<String, Object>> ledger = history.getList("entries.findAll { it.kind == 'GRANT_CLAIM' || it.kind == 'GRANT_REVERSAL' }");
        assertThat(ledger).hasSize((int) count("select count(*) from ledger_entry where person_id = ?", person.personId()));
        long net = ledger.stream().mapToLong(e -> ((Number) ((Map<?, ?>) e.get("details")).get("amountNok")).longValue()).sum();
        assertThat(net).isEqualTo(count("select sum(amount_nok) from ledger_entry where person_id = ?", person.personId()))
                .isEqualTo(200_000);
        assertThat(history.getString("entries.find { it.kind == 'GRANT_CLAIM' && it.details.grantCode == 'AR-1 EV' }.rule"))
                .isEqualTo("integreringstilskudd");
        assertThat(history.getList("entries.findAll { it.kind == 'GRANT_CLAIM' }.details.municipality"))
                .contains("1103", "3301");
        assertThat(history.getList("deadlines")).isEmpty();
        assertThat(count("select count(*) from nystart_read_audit where person_id = ? and action like 'GET /api/v1/persons/%/history'",
                person.personId())).isEqualTo(1);
        // the existing claims read under /api/v1 still answers next to the new resource
        given().auth().oauth2(officer()).when().get("/api/v1/persons/{id}/claims", person.personId()).then().statusCode(200);
    }

    @Test
    void municipal_finance_reads_its_own_municipality_s_person_another_municipality_and_unknown_404_no_token_401() {
        PersonSettled inOslo = settled(LocalDate.of(1983, 3, 3), 1, "0301", LocalDate.of(2046, 3, 3));
        publish(inOslo);
        awaitPerson(inOslo.personId());

        given().auth().oauth2(finance("0301")).when().get(HISTORY, inOslo.personId()).then().statusCode(200)
                .body("entries[0].kind", org.hamcrest.Matchers.equalTo("GRANT_BASIS"));
        given().auth().oauth2(finance("4601")).when().get(HISTORY, inOslo.personId()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(caseworker("0301")).when().get(HISTORY, inOslo.personId()).then().statusCode(403);
        given().when().get(HISTORY, inOslo.personId()).then().statusCode(401);
        given().auth().oauth2(officer()).when().get(HISTORY, UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(finance("0301")).when().get(HISTORY, UUID.randomUUID()).then().statusCode(404);
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?", inOslo.personId())).isEqualTo(1);
    }

    @Test
    void existence_rule_a_person_with_figures_only_in_another_municipality_is_404_exactly_like_an_unknown_id() {
        PersonSettled inOslo = settled(LocalDate.of(1984, 4, 4), 1, "0301", LocalDate.of(2046, 4, 4));
        publish(inOslo);
        awaitPerson(inOslo.personId());
        for (UUID id : java.util.List.of(inOslo.personId(), UUID.randomUUID())) {
            for (String path : java.util.List.of(HISTORY, "/api/v1/persons/{id}/claims")) {
                given().auth().oauth2(finance("4601")).when().get(path, id)
                        .then().statusCode(404).contentType("application/problem+json")
                        .body("title", org.hamcrest.Matchers.equalTo("Not found"))
                        .body("detail", org.hamcrest.Matchers.equalTo("person " + id + " does not exist"));
            }
        }
        given().auth().oauth2(finance("0301")).when().get("/api/v1/persons/{id}/claims", inOslo.personId()).then().statusCode(200);
    }
}
