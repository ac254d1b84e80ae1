package no.nystart.settlement.api;

import static io.restassured.RestAssured.given;
import static no.nystart.settlement.api.SettlementTestSupport.JSON;
import static no.nystart.settlement.api.SettlementTestSupport.analyst;
import static no.nystart.settlement.api.SettlementTestSupport.caseworker;
import static no.nystart.settlement.api.SettlementTestSupport.officer;
import static no.nystart.settlement.api.SettlementTestSupport.person;
import static no.nystart.settlement.api.SettlementTestSupport.putDecision;
import static no.nystart.settlement.api.SettlementTestSupport.register;
import static no.nystart.settlement.api.SettlementTestSupport.settle;
import static no.nystart.settlement.api.SettlementTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/** GET /api/v1/settlement-decisions?year=: the decisions of a year of every municipality, keyset-paged. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement_test"))
class DecisionListTest {

    @Test
    void the_list_of_a_year_has_every_decision_of_it_with_the_figures_of_the_single_GET_and_pages_by_cursor() throws Exception {
        int year = today().getYear();
        putDecision("3403", year, 10, 2);
        putDecision("4203", year, 20, 0);
        LocalDate permit = today().minusDays(30);
        // one person settled by agreement counts against Hamar; one self-settled without agreement does not
        JsonNode agreed = register(List.of(person("Meron", LocalDate.of(1990, 3, 3), permit, null, false)));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("3403", today(), "BY_AGREEMENT", null))
                .when().post("/api/v1/cases/{id}/settlement", agreed.get(0).get("caseId").asText()).then().statusCode(200);
        JsonNode own = register(List.of(person("Tesfay", LocalDate.of(1991, 4, 4), permit, null, false)));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("3403", today(), "SELF_SETTLED", null))
                .when().post("/api/v1/cases/{id}/settlement", own.get(0).get("caseId").asText()).then().statusCode(200);

        Map<String, JsonNode> listed = byMunicipality(given().auth().oauth2(officer()).queryParam("year", year)
                .when().get("/api/v1/settlement-decisions").then().statusCode(200).extract().asString());
        assertThat(listed).containsKeys("3403", "4203");
        JsonNode hamar = listed.get("3403");
        assertThat(hamar.get("municipalityName").asText()).isEqualTo("Hamar");
        assertThat(hamar.get("decidedTotal").asInt()).isEqualTo(10);
        assertThat(hamar.get("decidedUnaccompaniedMinors").asInt()).isEqualTo(2);
        assertThat(hamar.get("settled").asInt()).isEqualTo(1);
        assertThat(hamar.get("proposed").asInt()).isZero();
        assertThat(hamar.get("remaining").asInt()).isEqualTo(9);
        assertThat(hamar.get("remainingUnaccompaniedMinors").asInt()).isEqualTo(2);
        JsonNode arendal = listed.get("4203");
        assertThat(arendal.get("decidedTotal").asInt()).isEqualTo(20);
        assertThat(arendal.get("settled").asInt()).isZero();
        assertThat(arendal.get("remaining").asInt()).isEqualTo(20);
        // the same view as the single GET
        for (String k : List.of("3403", "4203")) {
            JsonNode single = JSON.readTree(given().auth().oauth2(officer())
                    .when().get("/api/v1/municipalities/{k}/settlement-decisions/{y}", k, year)
                    .then().statusCode(200).extract().asString());
            assertThat(listed.get(k)).isEqualTo(single);
        }

        // another year has neither
        Map<String, JsonNode> nextYear = byMunicipality(given().auth().oauth2(officer()).queryParam("year", year + 1)
                .when().get("/api/v1/settlement-decisions").then().statusCode(200).extract().asString());
        assertThat(nextYear).doesNotContainKeys("3403", "4203");

        // limit=1: one decision a page, Link rel=next to the following one, the same decisions in kommunenummer order
        List<String> paged = new ArrayList<>();
        String next = "/api/v1/settlement-decisions?year=" + year + "&limit=1";
        int pages = 0;
        while (next != null) {
            Response r = given().auth().oauth2(officer()).urlEncodingEnabled(false).when().get(next);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode items = JSON.readTree(r.asString());
            assertThat(items.size()).isEqualTo(1);
            paged.add(items.get(0).get("municipality").asText());
            String link = r.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            if (link != null) {
                assertThat(link).endsWith("rel=\"next\"").contains("limit=1").contains("year=" + year);
            }
            pages++;
            assertThat(pages).isLessThan(1000);
        }
        assertThat(paged).containsAll(List.of("3403", "4203")).isSorted().doesNotHaveDuplicates();
        assertThat(paged).containsExactlyInAnyOrderElementsOf(listed.keySet());

        // a county analyst sees the decisions of their own county only
        Map<String, JsonNode> innlandet = byMunicipality(given().auth().oauth2(analyst("34")).queryParam("year", year)
                .when().get("/api/v1/settlement-decisions").then().statusCode(200).extract().asString());
        assertThat(innlandet).containsKey("3403").doesNotContainKey("4203");
        assertThat(innlandet.keySet()).allMatch(k -> k.startsWith("34"));
    }

    @Test
    void a_role_without_access_is_403_and_a_malformed_year_or_limit_400_naming_the_parameter() {
        given().auth().oauth2(caseworker()).queryParam("year", today().getYear())
                .when().get("/api/v1/settlement-decisions").then().statusCode(403);
        given().auth().oauth2(officer()).queryParam("year", "20x6")
                .when().get("/api/v1/settlement-decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("year")).body("violations[0].rule", equalTo("param.format"));
        given().auth().oauth2(officer()).queryParam("year", today().getYear()).queryParam("limit", 0)
                .when().get("/api/v1/settlement-decisions")
                .then().statusCode(400).contentType("application/problem+json").body("violations.rule", hasItem("paging.limit"));
        given().auth().oauth2(officer())
                .when().get("/api/v1/settlement-decisions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("year")).body("violations[0].rule", equalTo("decision.year"));
        given().auth().oauth2(officer()).queryParam("year", today().getYear()).queryParam("cursor", "not-a-cursor")
                .when().get("/api/v1/settlement-decisions")
                .then().statusCode(400).body("violations.rule", hasItem("paging.cursor"));
    }

    private static Map<String, JsonNode> byMunicipality(String body) throws Exception {
        Map<String, JsonNode> found = new HashMap<>();
        for (JsonNode d : JSON.readTree(body)) {
            assertThat(found.put(d.get("municipality").asText(), d)).as("listed once").isNull();
        }
        return found;
    }
}
