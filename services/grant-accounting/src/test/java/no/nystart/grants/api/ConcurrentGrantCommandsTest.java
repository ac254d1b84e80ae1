package no.nystart.grants.api;

import static io.restassured.RestAssured.given;
import static no.nystart.grants.api.GrantTestSupport.awaitPerson;
import static no.nystart.grants.api.GrantTestSupport.count;
import static no.nystart.grants.api.GrantTestSupport.finance;
import static no.nystart.grants.api.GrantTestSupport.installTestRates;
import static no.nystart.grants.api.GrantTestSupport.officer;
import static no.nystart.grants.api.GrantTestSupport.publish;
import static no.nystart.grants.api.GrantTestSupport.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.nystart.contracts.Topics;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.testing.Concurrently;
import no.nystart.platform.testing.Concurrently.Answer;
import no.nystart.platform.testing.KafkaTestClient;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, defect 7 and the concurrent-duplicates part of the suite for grant-accounting: reading a statement writes
 * nothing; issuing one is a POST, once per municipality and period even when the POSTs race; rate-table PUTs and
 * annual runs of one year sent at once register every claim once.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "grant_accounting_test"))
class ConcurrentGrantCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATEMENT_ISSUED = "no.nystart.GrantStatementIssued.v1";

    @BeforeEach
    void rates() {
        installTestRates();
    }

    @Test
    void fifty_statement_GETs_write_no_GrantStatementIssued_and_no_row() {
        rates(2074);
        PersonSettled person = settled(LocalDate.of(1969, 3, 1), 1, "4204", LocalDate.of(2074, 5, 10));
        publish(person);
        awaitPerson(person.personId());
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from ledger_entry where person_id = ?", person.personId()) > 0);
        long rowsBefore = count("select count(*) from nystart_outbox");
        for (int i = 0; i < 50; i++) {
            String token = i % 2 == 0 ? officer() : finance("4204");
            given().auth().oauth2(token).queryParam("year", 2074).when().get("/api/v1/municipalities/4204/statement")
                    .then().statusCode(200).body("totalAmountNok", org.hamcrest.Matchers.greaterThan(0))
                    .body("statementId", org.hamcrest.Matchers.nullValue());
        }
        assertThat(count("select count(*) from nystart_outbox where ce_type = ? and record_key = '4204'", STATEMENT_ISSUED)).isZero();
        assertThat(count("select count(*) from nystart_outbox")).isEqualTo(rowsBefore);
        assertThat(count("select count(*) from grant_statement where municipality = '4204'")).isZero();
    }

    @Test
    void concurrent_statement_POSTs_for_one_period_issue_one_statement_and_one_GrantStatementIssued() throws Exception {
        rates(2075);
        PersonSettled person = settled(LocalDate.of(1970, 4, 1), 1, "1804", LocalDate.of(2075, 2, 10));
        publish(person);
        awaitPerson(person.personId());
        String body = JSON.writeValueAsString(Map.of("budgetYear", 2075, "payoutQuarter", 1));
        List<Answer> answers = Concurrently.http(6, () -> given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/municipalities/1804/statements"));
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(200, 5L, 201, 1L));
        Set<String> ids = answers.stream().map(a -> read(a.body()).get("statementId").asText()).collect(Collectors.toSet());
        assertThat(ids).as("every answer names the one statement").hasSize(1);
        String statementId = ids.iterator().next();
        assertThat(count("select count(*) from grant_statement where municipality = '1804'")).isEqualTo(1);
        assertThat(count("select count(*) from nystart_outbox where ce_type = ? and record_key = '1804'", STATEMENT_ISSUED)).isEqualTo(1);

        // on the topic: exactly one statement for 1804, the one answered
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from nystart_outbox where ce_type = ? and record_key = '1804' and sent_at is not null", STATEMENT_ISSUED) == 1);
        List<String> published = TestInfrastructure.get().kafka().readAll(Topics.GRANTS, Duration.ofSeconds(20)).stream()
                .filter(r -> "1804".equals(r.key()) && STATEMENT_ISSUED.equals(KafkaTestClient.header(r, "ce_type")))
                .map(r -> read(KafkaTestClient.text(r.value())).get("statementId").asText()).toList();
        assertThat(published).containsExactly(statementId);

        // the statement as issued, and a later POST for the period: the same statement, 200, nothing new
        given().auth().oauth2(finance("1804")).when().get("/api/v1/municipalities/1804/statements/2075/1")
                .then().statusCode(200).body("statementId", org.hamcrest.Matchers.equalTo(statementId))
                .body("payoutQuarter", org.hamcrest.Matchers.equalTo(1));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/municipalities/1804/statements").then().statusCode(200)
                .body("statementId", org.hamcrest.Matchers.equalTo(statementId));
        assertThat(count("select count(*) from nystart_outbox where ce_type = ? and record_key = '1804'", STATEMENT_ISSUED)).isEqualTo(1);
        // municipal finance reads statements but does not issue them
        given().auth().oauth2(finance("1804")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/municipalities/1804/statements").then().statusCode(403);
        // a term out of range names the field
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("budgetYear", 2075, "payoutQuarter", 5))
                .when().post("/api/v1/municipalities/1804/statements").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("payoutQuarter")));
    }

    @Test
    void statement_body_required_payout_quarter_required_and_payout_quarter_range_are_400_naming_the_field_and_issue_nothing() {
        long before = count("select count(*) from grant_statement where municipality = '1804'");
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .when().post("/api/v1/municipalities/1804/statements").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.rule", org.hamcrest.Matchers.hasItem("statement.body-required"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("budgetYear", 2075))
                .when().post("/api/v1/municipalities/1804/statements").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.rule", org.hamcrest.Matchers.hasItem("payout-quarter.required"))
                .body("violations.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("payoutQuarter")));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("budgetYear", 2075, "payoutQuarter", 0))
                .when().post("/api/v1/municipalities/1804/statements").then().statusCode(400)
                .body("violations.rule", org.hamcrest.Matchers.hasItem("payout-quarter.range"));
        given().auth().oauth2(officer()).when().get("/api/v1/municipalities/1804/statements/2075/9").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.rule", org.hamcrest.Matchers.hasItem("payout-quarter.range"));
        assertThat(count("select count(*) from grant_statement where municipality = '1804'")).as("nothing issued").isEqualTo(before);
    }

    @Test
    void concurrent_annual_runs_of_one_year_register_each_claim_once() throws Exception {
        rates(2076);
        rates(2077);
        PersonSettled person = settled(LocalDate.of(1980, 6, 1), 1, "5501", LocalDate.of(2076, 3, 10));
        publish(person);
        awaitPerson(person.personId());
        long segmentsBefore = count("select count(*) from annual_run where year = 2077 and segment is not null");
        List<Answer> answers = Concurrently.http(4, () -> given().auth().oauth2(officer())
                .when().post("/api/v1/annual-runs/2077"));
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(200, 4L));
        long entries = count("select count(*) from ledger_entry where person_id = ? and budget_year = 2077", person.personId());
        assertThat(entries).as("year-2 claims of the person").isPositive();
        // one run wrote the year's segment; the others found everything claimed
        assertThat(count("select count(*) from annual_run where year = 2077 and segment is not null") - segmentsBefore).isEqualTo(1);
        assertThat(count("select count(*) from (select grant_code, payout_quarter from ledger_entry where person_id = ? "
                + "and budget_year = 2077 group by grant_code, payout_quarter having count(*) > 1) d", person.personId())).isZero();
    }

    @Test
    void concurrent_identical_rate_table_PUTs_store_one_version() throws Exception {
        String body = JSON.writeValueAsString(GrantTestSupport.rateTableBody(GrantTestSupport.TEST_RATES));
        List<Answer> answers = Concurrently.http(4, () -> given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(body).when().put("/api/v1/rate-tables/2078"));
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(200, 4L));
        assertThat(count("select count(*) from rate_table where year = 2078")).isEqualTo(1);
        assertThat(count("select count(*) from rate_table where year = 2078 and current")).isEqualTo(1);
        assertThat(count("select count(*) from rate_table_entry e join rate_table t on t.id = e.rate_table_id where t.year = 2078"))
                .isEqualTo(GrantTestSupport.TEST_RATES.size());
    }

    /** The test rates as the rate table of {@code year}, a year no other test of the module uses. */
    private static void rates(int year) {
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(GrantTestSupport.rateTableBody(GrantTestSupport.TEST_RATES))
                .when().put("/api/v1/rate-tables/" + year).then().statusCode(200);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
