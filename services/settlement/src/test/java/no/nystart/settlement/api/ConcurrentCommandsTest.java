package no.nystart.settlement.api;

import static io.restassured.RestAssured.given;
import static no.nystart.settlement.api.SettlementTestSupport.JSON;
import static no.nystart.settlement.api.SettlementTestSupport.count;
import static no.nystart.settlement.api.SettlementTestSupport.decision;
import static no.nystart.settlement.api.SettlementTestSupport.fodselsnummer;
import static no.nystart.settlement.api.SettlementTestSupport.household;
import static no.nystart.settlement.api.SettlementTestSupport.officer;
import static no.nystart.settlement.api.SettlementTestSupport.person;
import static no.nystart.settlement.api.SettlementTestSupport.putDecision;
import static no.nystart.settlement.api.SettlementTestSupport.register;
import static no.nystart.settlement.api.SettlementTestSupport.settle;
import static no.nystart.settlement.api.SettlementTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.nystart.platform.testing.Concurrently;
import no.nystart.platform.testing.Concurrently.Answer;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/**
 * Identical commands sent at the same moment (issue 15, defect 1): one wins, the others answer 409 problem+json
 * naming the field and rule, and exactly one event per changed person reaches the outbox.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement_test"))
class ConcurrentCommandsTest {
    private static final int N = 6;

    @Test
    void concurrent_settlements_of_a_one_person_household_settle_it_once_and_publish_one_PersonSettled() throws Exception {
        putDecision("1506", today().getYear(), 50, 0);
        List<String> persons = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            JsonNode single = register(List.of(person("Amanuel" + round, LocalDate.of(1990, 3, 1 + round),
                    today().minusDays(30), null, false)));
            String caseId = single.get(0).get("caseId").asText();
            String personId = single.get(0).get("personId").asText();
            persons.add(personId);
            String body = JSON.writeValueAsString(settle("1506", today(), "BY_AGREEMENT", null));
            List<Answer> answers = Concurrently.http(N, () -> given().auth().oauth2(officer()).contentType(ContentType.JSON)
                    .body(body).when().post("/api/v1/cases/{id}/settlement", caseId));
            assertOneWinner(answers, 200, "settlement.once");
            assertThat(outboxRows("no.nystart.PersonSettled.v1", personId)).as("PersonSettled rows of " + personId).isEqualTo(1);
        }
        assertThat(count("select count(*) from settlement_case where person_id::text = any(?) and status = 'SETTLED'",
                (Object) persons.toArray(String[]::new))).isEqualTo(5);
    }

    @Test
    void concurrent_settlements_of_a_three_person_household_settle_it_once_with_one_PersonSettled_per_member() throws Exception {
        putDecision("1804", today().getYear(), 50, 0);
        LocalDate permit = today().minusDays(30);
        JsonNode family = register(List.of(person("Mehret", LocalDate.of(1984, 1, 1), permit, null, false),
                person("Samuel", LocalDate.of(1983, 1, 1), permit, null, false),
                person("Dawit", LocalDate.of(2014, 1, 1), permit, null, false)));
        String body = JSON.writeValueAsString(settle("1804", today(), "BY_AGREEMENT", null));
        // the calls name different members of the same household
        List<Answer> answers = Concurrently.http(N, () -> given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/cases/{id}/settlement",
                        family.get((int) (Thread.currentThread().getId() % 3)).get("caseId").asText()));
        assertOneWinner(answers, 200, "settlement.once");
        for (JsonNode member : family) {
            assertThat(outboxRows("no.nystart.PersonSettled.v1", member.get("personId").asText())).isEqualTo(1);
        }
    }

    @Test
    void concurrent_settlements_into_the_last_place_of_a_decision_settle_only_one_household() throws Exception {
        putDecision("5501", today().getYear(), 1, 0);
        LocalDate permit = today().minusDays(30);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            cases.add(register(List.of(person("Rahel" + i, LocalDate.of(1991, 2, 1 + i), permit, null, false)))
                    .get(0).get("caseId").asText());
        }
        String body = JSON.writeValueAsString(settle("5501", today(), "BY_AGREEMENT", null));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Answer> answers = Concurrently.http(N, () -> given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/cases/{id}/settlement", cases.get(next.getAndIncrement())));
        assertOneWinner(answers, 200, "settlement.capacity");
        assertThat(count("select count(*) from settlement_case where settled_municipality = '5501'")).isEqualTo(1);
    }

    @Test
    void concurrent_closures_of_one_case_close_it_once_and_publish_one_SettlementCaseClosed() throws Exception {
        JsonNode single = register(List.of(person("Feven", LocalDate.of(1992, 5, 5), today().minusDays(10), null, false)));
        String caseId = single.get(0).get("caseId").asText();
        String body = JSON.writeValueAsString(Map.of("reason", "EMIGRATED", "closedOn", today().toString()));
        List<Answer> answers = Concurrently.http(N, () -> given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/cases/{id}/closure", caseId));
        assertOneWinner(answers, 200, "case.closed");
        assertThat(outboxRows("no.nystart.SettlementCaseClosed.v1", single.get(0).get("personId").asText())).isEqualTo(1);
    }

    @Test
    void concurrent_relocations_of_one_person_move_them_once_and_publish_one_PersonRelocated() throws Exception {
        putDecision("3301", today().getYear(), 10, 0);
        JsonNode single = register(List.of(person("Yordanos", LocalDate.of(1993, 6, 6), today().minusDays(10), null, false)));
        String personId = single.get(0).get("personId").asText();
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("3301", today(), "BY_AGREEMENT", null))
                .when().post("/api/v1/cases/{id}/settlement", single.get(0).get("caseId").asText()).then().statusCode(200);
        String body = JSON.writeValueAsString(Map.of("toMunicipality", "3403", "movedOn", today().toString(),
                "relocationType", "ON_OWN"));
        List<Answer> answers = Concurrently.http(N, () -> given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/persons/{id}/relocations", personId));
        assertOneWinner(answers, 201, "relocation.same-municipality");
        assertThat(count("select count(*) from relocation where person_id = ?::uuid", personId)).isEqualTo(1);
        assertThat(outboxRows("no.nystart.PersonRelocated.v1", personId)).isEqualTo(1);
    }

    @Test
    void concurrent_registrations_of_one_national_id_register_one_household() throws Exception {
        LocalDate born = LocalDate.of(1979, 7, 7);
        String nationalId = fodselsnummer(born);
        String body = JSON.writeValueAsString(household("RESETTLEMENT_QUOTA",
                List.of(person("Semhar", born, today().minusDays(5), nationalId, false))));
        List<Answer> answers = Concurrently.http(N, () -> given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/cases"));
        assertOneWinner(answers, 201, "national-id.unique");
        assertThat(count("select count(*) from settlement_case where national_id = ?", nationalId)).isEqualTo(1);
        assertThat(count("select count(*) from nystart_outbox o join settlement_case c on o.record_key = c.person_id::text "
                + "where c.national_id = ? and o.ce_type = 'no.nystart.PersonRegisteredForSettlement.v1'", nationalId)).isEqualTo(1);
    }

    /** PUT is idempotent: the same decision sent at once is stored once, every call answers 200, one event. */
    @Test
    void concurrent_identical_decisions_are_stored_once_and_publish_one_MunicipalityDecisionRegistered() throws Exception {
        int year = today().getYear();
        for (String k : List.of("4204", "1505")) {
            if (k.equals("1505")) {
                putDecision(k, year, 3, 0); // an existing decision changed by identical concurrent PUTs
            }
            long before = outboxRows("no.nystart.MunicipalityDecisionRegistered.v1", k);
            String body = JSON.writeValueAsString(decision(20, 2));
            List<Answer> answers = Concurrently.http(N, () -> given().auth().oauth2(officer()).contentType(ContentType.JSON)
                    .body(body).when().put("/api/v1/municipalities/{k}/settlement-decisions/{y}", k, year));
            assertThat(Concurrently.statuses(answers)).as(k + ": " + answers).isEqualTo(Map.of(200, (long) N));
            assertThat(outboxRows("no.nystart.MunicipalityDecisionRegistered.v1", k) - before).as(k).isEqualTo(1);
        }
    }

    @Test
    void concurrent_matching_runs_for_one_year_propose_each_household_once_within_the_decision() throws Exception {
        int year = today().getYear() + 2; // a year no other test of the module matches for
        putDecision("1577", year, 2, 0);
        for (int i = 0; i < 4; i++) {
            register(List.of(person("Kidane" + i, LocalDate.of(1987, 4, 1 + i), today().minusDays(60 + i), null, false)));
        }
        String body = JSON.writeValueAsString(Map.of("year", year, "timeLimitSeconds", 2));
        List<Answer> answers = Concurrently.http(4, () -> given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/matching-runs"));
        long won = answers.stream().filter(a -> a.status() == 201).count();
        assertThat(won).as(answers.toString()).isGreaterThanOrEqualTo(1);
        for (Answer a : answers) {
            if (a.status() != 201) {
                assertThat(a.status()).as(a.toString()).isEqualTo(409);
                assertThat(a.problem()).isTrue();
                assertThat(JSON.readTree(a.body()).path("violations").path(0).path("rule").asText()).isEqualTo("matching.concurrent-run");
            }
        }
        // the decision's two places are proposed once, to two persons, with one SettlementProposed each
        List<String> proposed = no.nystart.platform.testing.TestSql.strings(
                "select person_id::text from settlement_case where proposed_municipality = '1577' and proposal_year = ?", year);
        assertThat(proposed).hasSize(2);
        for (String personId : proposed) {
            assertThat(outboxRows("no.nystart.SettlementProposed.v1", personId)).as(personId).isEqualTo(1);
        }
        // what the stored runs report as assigned is what was proposed
        assertThat(count("select coalesce(sum(assigned), 0) from matching_run where year = ?", year)).isEqualTo(2);
    }

    static void assertOneWinner(List<Answer> answers, int success, String rule) throws Exception {
        assertThat(Concurrently.statuses(answers)).as(answers.toString()).isEqualTo(Map.of(success, 1L, 409, (long) N - 1));
        for (Answer a : answers) {
            if (a.status() == 409) {
                assertThat(a.problem()).as(a.toString()).isTrue();
                JsonNode problem = JSON.readTree(a.body());
                assertThat(problem.path("violations").path(0).path("rule").asText()).as(a.body()).isEqualTo(rule);
                assertThat(problem.path("violations").path(0).path("field").asText()).as(a.body()).isNotEmpty();
            }
        }
    }

    static long outboxRows(String ceType, String key) {
        return count("select count(*) from nystart_outbox where ce_type = ? and record_key = ?", ceType, key);
    }
}
