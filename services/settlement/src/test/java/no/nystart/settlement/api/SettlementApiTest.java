package no.nystart.settlement.api;

import static io.restassured.RestAssured.given;
import static no.nystart.settlement.api.SettlementTestSupport.JSON;
import static no.nystart.settlement.api.SettlementTestSupport.awaitEvent;
import static no.nystart.settlement.api.SettlementTestSupport.analyst;
import static no.nystart.settlement.api.SettlementTestSupport.caseworker;
import static no.nystart.settlement.api.SettlementTestSupport.count;
import static no.nystart.settlement.api.SettlementTestSupport.decision;
import static no.nystart.settlement.api.SettlementTestSupport.fodselsnummer;
import static no.nystart.settlement.api.SettlementTestSupport.household;
import static no.nystart.settlement.api.SettlementTestSupport.officer;
import static no.nystart.settlement.api.SettlementTestSupport.person;
import static no.nystart.settlement.api.SettlementTestSupport.putDecision;
import static no.nystart.settlement.api.SettlementTestSupport.register;
import static no.nystart.settlement.api.SettlementTestSupport.settle;
import static no.nystart.settlement.api.SettlementTestSupport.strings;
import static no.nystart.settlement.api.SettlementTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/** settlement's REST API against the real broker, database and token issuer. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement_test"))
class SettlementApiTest {

    // ------------------------------------------------------------------ decisions (docs/domain/settlement.md#2, Anmodning/Vedtak)

    @Test
    void a_decision_publishes_MunicipalityDecisionRegistered_once_and_GET_shows_decided_settled_proposed_remaining() throws Exception {
        int year = today().getYear();
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(decision(40, 4))
                .when().put("/api/v1/municipalities/3201/settlement-decisions/{y}", year)
                .then().statusCode(200).body("decidedTotal", equalTo(40)).body("remaining", equalTo(40))
                .body("municipalityName", equalTo("Bærum"));
        JsonNode event = awaitEvent("3201", "MunicipalityDecisionRegistered");
        assertThat(event.get("decidedTotal").asInt()).isEqualTo(40);
        assertThat(event.get("decidedUnaccompaniedMinors").asInt()).isEqualTo(4);
        assertThat(event.get("year").asInt()).isEqualTo(year);
        // the same figures again change nothing and publish nothing
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(decision(40, 4))
                .when().put("/api/v1/municipalities/3201/settlement-decisions/{y}", year).then().statusCode(200);
        assertThat(count("select count(*) from nystart_outbox where record_key = '3201'")).isEqualTo(1);

        given().auth().oauth2(analyst("32")).when().get("/api/v1/municipalities/3201/settlement-decisions/{y}", year)
                .then().statusCode(200).body("decidedTotal", equalTo(40)).body("settled", equalTo(0))
                .body("proposed", equalTo(0)).body("remaining", equalTo(40)).body("remainingUnaccompaniedMinors", equalTo(4));
        given().auth().oauth2(analyst("03")).when().get("/api/v1/municipalities/3201/settlement-decisions/{y}", year)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void an_unknown_kommunenummer_is_404_and_broken_decision_rules_are_422_or_400_with_nothing_written() {
        int year = today().getYear();
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(decision(10, 1))
                .when().put("/api/v1/municipalities/9999/settlement-decisions/{y}", year)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(officer()).when().get("/api/v1/municipalities/03O1/settlement-decisions/{y}", year)
                .then().statusCode(404).contentType("application/problem+json");
        Map<String, Object> tooManyMinors = decision(5, 6);
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(tooManyMinors)
                .when().put("/api/v1/municipalities/5001/settlement-decisions/{y}", year)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("decidedUnaccompaniedMinors"))
                .body("violations.rule", hasItem("decision.minors-within-total"));
        Map<String, Object> negative = decision(5, 0);
        negative.put("decidedTotal", -1);
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(negative)
                .when().put("/api/v1/municipalities/5001/settlement-decisions/{y}", year)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("decidedTotal"));
        given().auth().oauth2(officer()).when().get("/api/v1/municipalities/5001/settlement-decisions/{y}", year)
                .then().statusCode(404);
        assertThat(count("select count(*) from municipality_decision where municipality = '5001'")).isZero();
        assertThat(count("select count(*) from nystart_outbox where record_key = '5001'")).isZero();
    }

    // ------------------------------------------------------------------ cases for routes that skip reception

    @Test
    void a_resettlement_household_is_registered_with_minted_person_ids_and_PersonRegisteredForSettlement_per_person() throws Exception {
        LocalDate permit = today().minusDays(20);
        LocalDate motherBorn = LocalDate.of(1988, 4, 12);
        JsonNode cases = register(List.of(
                person("Selam", motherBorn, permit, fodselsnummer(motherBorn), false),
                person("Yonas", LocalDate.of(2016, 2, 3), permit, null, false)));
        assertThat(cases).hasSize(2);
        String householdId = cases.get(0).get("householdId").asText();
        assertThat(cases.get(1).get("householdId").asText()).isEqualTo(householdId);
        assertThat(cases.get(0).get("status").asText()).isEqualTo("READY");
        String personId = cases.get(0).get("personId").asText();
        JsonNode event = awaitEvent(personId, "PersonRegisteredForSettlement");
        assertThat(event.get("arrivalRoute").asText()).isEqualTo("RESETTLEMENT_QUOTA");
        assertThat(event.get("householdSize").asInt()).isEqualTo(2);
        assertThat(event.get("householdId").asText()).isEqualTo(householdId);
        assertThat(event.get("regime").asText()).isEqualTo("INTEGRERINGSLOVEN");
        assertThat(event.get("permitDate").asText()).isEqualTo(permit.toString());
        // privacy: no names and no national id on the topic
        assertThat(event.toString()).doesNotContain("Selam").doesNotContain(fodselsnummer(motherBorn));
        awaitEvent(cases.get(1).get("personId").asText(), "PersonRegisteredForSettlement");

        given().auth().oauth2(officer()).when().get("/api/v1/cases/{id}", cases.get(1).get("caseId").asText())
                .then().statusCode(200).body("size()", equalTo(2)).body("[0].firstName", equalTo("Yonas"));
    }

    @Test
    void invalid_persons_are_rejected_naming_the_field_and_rule_and_nothing_is_written() {
        LocalDate permit = today().minusDays(5);
        long before = count("select count(*) from settlement_case");
        // docs/domain/identifiers.md#7a: a national identity number with a broken control digit
        String bad = fodselsnummer(LocalDate.of(1990, 1, 1));
        bad = bad.substring(0, 10) + ((bad.charAt(10) - '0' + 1) % 10);
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(household("FAMILY_REUNIFICATION", List.of(person("Ok", LocalDate.of(1991, 5, 5), permit, null, false),
                        person("Bad", LocalDate.of(1990, 1, 1), permit, bad, false))))
                .when().post("/api/v1/cases")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("persons[1].nationalId"))
                .body("violations[0].rule", startsWith("national-id."));
        // docs/domain/settlement.md#2, Enslige mindreårige: an adult cannot be an unaccompanied minor
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(household("RESETTLEMENT_QUOTA", List.of(person("Adult", LocalDate.of(1990, 1, 1), permit, null, true))))
                .when().post("/api/v1/cases")
                .then().statusCode(422).body("violations.rule", hasItem("unaccompanied-minor.under-18"));
        // asylum arrivals come through reception
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(household("ASYLUM", List.of(person("A", LocalDate.of(1990, 1, 1), permit, null, false))))
                .when().post("/api/v1/cases")
                .then().statusCode(422).body("violations.rule", hasItem("case.route-skips-reception"));
        Map<String, Object> nameless = person("x", LocalDate.of(1990, 1, 1), permit, null, false);
        nameless.remove("firstName");
        nameless.put("citizenship", "XYZ");
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(household("RESETTLEMENT_QUOTA", List.of(nameless)))
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                // platform commit 040dc6e names a field inside a list persons[0].firstName (earlier persons.firstName[0])
                .body("violations.field", hasItem(org.hamcrest.Matchers.oneOf("persons[0].firstName", "persons.firstName[0]")))
                .body("violations.field", hasItem(org.hamcrest.Matchers.oneOf("persons[0].citizenship", "persons.citizenship[0]")));
        assertThat(count("select count(*) from settlement_case")).isEqualTo(before);
    }

    // ------------------------------------------------------------------ settlement and relocation

    @Test
    void settling_publishes_PersonSettled_per_member_and_capacity_date_and_once_rules_hold() throws Exception {
        LocalDate permit = today().minusDays(40);
        int year = today().getYear();
        putDecision("1103", year, 3, 0);
        JsonNode family = register(List.of(person("Hanna", LocalDate.of(1985, 1, 1), permit, null, false),
                person("Lidya", LocalDate.of(2015, 1, 1), permit, null, false)));
        String caseId = family.get(0).get("caseId").asText();

        // docs/domain/settlement.md#2, Bosettingsdato: not before the permit
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("1103", permit.minusDays(1), "BY_AGREEMENT", null))
                .when().post("/api/v1/cases/{id}/settlement", caseId)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("settledOn")).body("violations[0].rule", equalTo("settlement.date-before-permit"));
        assertThat(count("select count(*) from settlement_case where id = ?::uuid and status = 'SETTLED'", caseId)).isZero();

        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("1103", today(), "BY_AGREEMENT", null))
                .when().post("/api/v1/cases/{id}/settlement", caseId)
                .then().statusCode(200).body("size()", equalTo(2)).body("status", everyItemIs("SETTLED"));
        for (JsonNode member : family) {
            JsonNode settled = awaitEvent(member.get("personId").asText(), "PersonSettled");
            assertThat(settled.get("municipality").asText()).isEqualTo("1103");
            assertThat(settled.get("householdSize").asInt()).isEqualTo(2);
            assertThat(settled.get("settlementType").asText()).isEqualTo("BY_AGREEMENT");
            assertThat(settled.get("arrivalRoute").asText()).isEqualTo("RESETTLEMENT_QUOTA");
            assertThat(settled.get("permitType").asText()).isEqualTo("RESETTLEMENT");
            assertThat(settled.get("unaccompaniedMinor").asBoolean()).isFalse();
            // arrivals that skipped reception have no competence mapping: no education level
            assertThat(settled.path("educationLevel").isMissingNode() || settled.path("educationLevel").isNull()).isTrue();
        }
        // settling twice → 409
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("1103", today(), "BY_AGREEMENT", null))
                .when().post("/api/v1/cases/{id}/settlement", family.get(1).get("caseId").asText())
                .then().statusCode(409).body("violations[0].rule", equalTo("settlement.once"));

        // decided 3, settled 2: a household of 2 is over capacity → 409, unless overridden with a reason
        JsonNode couple = register(List.of(person("Abel", LocalDate.of(1980, 1, 1), permit, null, false),
                person("Ruth", LocalDate.of(1982, 1, 1), permit, null, false)));
        String coupleCase = couple.get(0).get("caseId").asText();
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("1103", today(), "SELF_SETTLED_BY_AGREEMENT", null))
                .when().post("/api/v1/cases/{id}/settlement", coupleCase)
                .then().statusCode(409).contentType("application/problem+json").body("violations[0].rule", equalTo("settlement.capacity"));
        Map<String, Object> emptyReason = settle("1103", today(), "BY_AGREEMENT", " ");
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(emptyReason)
                .when().post("/api/v1/cases/{id}/settlement", coupleCase)
                .then().statusCode(400).body("violations.field", hasItem("override.reason"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(settle("1103", today(), "BY_AGREEMENT", "family network in Stavanger"))
                .when().post("/api/v1/cases/{id}/settlement", coupleCase)
                .then().statusCode(200);
        assertThat(strings("select override_reason from settlement_case where household_id = ?::uuid",
                couple.get(0).get("householdId").asText())).allMatch(r -> r.startsWith("family network in Stavanger"));
        given().auth().oauth2(officer()).when().get("/api/v1/municipalities/1103/settlement-decisions/{y}", year)
                .then().statusCode(200).body("settled", equalTo(4)).body("remaining", equalTo(-1));

        // relocation (docs/domain/grants.md#5b) → PersonRelocated
        String moverId = family.get(0).get("personId").asText();
        Map<String, Object> move = Map.of("toMunicipality", "4601", "movedOn", today().toString(), "relocationType", "ON_OWN");
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(move)
                .when().post("/api/v1/persons/{id}/relocations", moverId)
                .then().statusCode(201).body("fromMunicipality", equalTo("1103")).body("toMunicipality", equalTo("4601"));
        JsonNode relocated = awaitEvent(moverId, "PersonRelocated");
        assertThat(relocated.get("fromMunicipality").asText()).isEqualTo("1103");
        assertThat(relocated.get("relocationType").asText()).isEqualTo("ON_OWN");
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(move)
                .when().post("/api/v1/persons/{id}/relocations", moverId)
                .then().statusCode(409).body("violations[0].rule", equalTo("relocation.same-municipality"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(Map.of("toMunicipality", "0301", "movedOn", today().minusYears(1).toString(), "relocationType", "BY_AGREEMENT"))
                .when().post("/api/v1/persons/{id}/relocations", moverId)
                .then().statusCode(422).body("violations[0].rule", equalTo("relocation.after-settlement"));
        assertThat(count("select count(*) from relocation where person_id = ?::uuid", moverId)).isEqualTo(1);
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(Map.of("toMunicipality", "9999", "movedOn", today().toString(), "relocationType", "BY_AGREEMENT"))
                .when().post("/api/v1/persons/{id}/relocations", moverId)
                .then().statusCode(422).body("violations[0].field", equalTo("toMunicipality"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(move)
                .when().post("/api/v1/persons/{id}/relocations", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void an_unaccompanied_minor_needs_a_minor_place_in_the_decision_domain_2_enslige_mindreaarige() {
        LocalDate permit = today().minusDays(10);
        putDecision("1108", today().getYear(), 5, 0);
        JsonNode minor = register(List.of(person("Samuel", today().minusYears(16), permit, null, true)));
        String caseId = minor.get(0).get("caseId").asText();
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("1108", today(), "BY_AGREEMENT", null))
                .when().post("/api/v1/cases/{id}/settlement", caseId)
                .then().statusCode(409).body("violations[0].rule", equalTo("settlement.capacity-unaccompanied-minors"));
        // self-settlement without agreement does not count against the decision (docs/domain/settlement.md#2)
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("1108", today(), "SELF_SETTLED", null))
                .when().post("/api/v1/cases/{id}/settlement", caseId)
                .then().statusCode(200).body("[0].unaccompaniedMinor", equalTo(true));
        given().auth().oauth2(officer()).when().get("/api/v1/municipalities/1108/settlement-decisions/{y}", today().getYear())
                .then().statusCode(200).body("settled", equalTo(0));
    }

    @Test
    void the_remaining_date_year_and_municipality_rules_answer_422_naming_field_and_rule_with_nothing_written() {
        int year = today().getYear();
        // decision: council date in the future; year more than two years ahead
        Map<String, Object> future = decision(10, 0);
        future.put("decidedOn", today().plusDays(1).toString());
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(future)
                .when().put("/api/v1/municipalities/1101/settlement-decisions/{y}", year)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("decidedOn")).body("violations.rule", hasItem("decision.date-not-future"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(decision(10, 0))
                .when().put("/api/v1/municipalities/1101/settlement-decisions/{y}", year + 3)
                .then().statusCode(422).body("violations.field", hasItem("year")).body("violations.rule", hasItem("decision.year"));
        assertThat(count("select count(*) from municipality_decision where municipality = '1101'")).isZero();

        LocalDate permit = today().minusDays(10);
        JsonNode single = register(List.of(person("Haile", LocalDate.of(1992, 2, 2), permit, null, false)));
        String caseId = single.get(0).get("caseId").asText();
        // settlement: in the future; an unknown kommunenummer in the body
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("0301", today().plusDays(1), "SELF_SETTLED", null))
                .when().post("/api/v1/cases/{id}/settlement", caseId)
                .then().statusCode(422).body("violations[0].field", equalTo("settledOn"))
                .body("violations[0].rule", equalTo("settlement.date-not-future"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("9998", today(), "SELF_SETTLED", null))
                .when().post("/api/v1/cases/{id}/settlement", caseId)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("municipality")).body("violations[0].rule", startsWith("kommunenummer."));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("0301", today(), "SELF_SETTLED", null))
                .when().post("/api/v1/cases/{id}/settlement", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        // relocation: only a settled person moves (docs/domain/grants.md#5b)
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(Map.of("toMunicipality", "4601", "movedOn", today().toString(), "relocationType", "ON_OWN"))
                .when().post("/api/v1/persons/{id}/relocations", single.get(0).get("personId").asText())
                .then().statusCode(422).body("violations[0].rule", equalTo("relocation.settled-only"));
        assertThat(count("select count(*) from settlement_case where id = ?::uuid and status = 'READY'", caseId)).isEqualTo(1);
        assertThat(count("select count(*) from relocation where person_id = ?::uuid", single.get(0).get("personId").asText())).isZero();
        // matching: a year more than two years ahead; a time limit out of range
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("year", year + 3))
                .when().post("/api/v1/matching-runs")
                .then().statusCode(422).body("violations[0].field", equalTo("year")).body("violations[0].rule", equalTo("matching.year"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("year", year, "timeLimitSeconds", 0))
                .when().post("/api/v1/matching-runs")
                .then().statusCode(400).body("violations.field", hasItem("timeLimitSeconds"));
    }

    // ------------------------------------------------------------------ closing a case (docs/services/: state CLOSED)

    private static Map<String, Object> closure(String reason, LocalDate closedOn, String note) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("reason", reason);
        body.put("closedOn", closedOn.toString());
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    private static long closedEvents(String personId) {
        return count("select count(*) from nystart_outbox where record_key = ? and ce_type = 'no.nystart.SettlementCaseClosed.v1'",
                personId);
    }

    @Test
    void a_closed_case_has_a_reason_is_closed_once_and_is_never_settled_while_the_rest_of_the_household_is() throws Exception {
        LocalDate permit = today().minusDays(30);
        putDecision("1106", today().getYear(), 10, 0);
        JsonNode couple = register(List.of(person("Aster", LocalDate.of(1987, 3, 3), permit, null, false),
                person("Berhane", LocalDate.of(1984, 4, 4), permit, null, false)));
        String stays = couple.get(0).get("caseId").asText();
        String leaves = couple.get(1).get("caseId").asText();
        String staysPerson = couple.get(0).get("personId").asText();
        String leavesPerson = couple.get(1).get("personId").asText();

        // 422: OTHER needs a note; a future date; both named, nothing written
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(closure("OTHER", today().plusDays(1), null))
                .when().post("/api/v1/cases/{id}/closure", leaves)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.rule", hasItem("case.close-note-required")).body("violations.field", hasItem("note"))
                .body("violations.rule", hasItem("case.closed-on-not-future")).body("violations.field", hasItem("closedOn"));
        // before the case was opened
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(closure("LEFT_NORWAY", today().minusDays(3), null))
                .when().post("/api/v1/cases/{id}/closure", leaves)
                .then().statusCode(422).body("violations[0].rule", equalTo("case.closed-on-after-opening"));
        // 400: no reason, an unknown reason
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("closedOn", today().toString()))
                .when().post("/api/v1/cases/{id}/closure", leaves)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("reason"));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of("reason", "BORED", "closedOn", today().toString()))
                .when().post("/api/v1/cases/{id}/closure", leaves)
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(count("select count(*) from settlement_case where id = ?::uuid and status = 'READY' and close_reason is null",
                leaves)).isEqualTo(1);
        // a refused closure (422, 400) writes no event
        assertThat(closedEvents(leavesPerson)).isZero();
        // 404: unknown case, no event at all
        long closedBefore = count("select count(*) from nystart_outbox where ce_type = 'no.nystart.SettlementCaseClosed.v1'");
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(closure("EMIGRATED", today(), null))
                .when().post("/api/v1/cases/{id}/closure", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(count("select count(*) from nystart_outbox where ce_type = 'no.nystart.SettlementCaseClosed.v1'"))
                .isEqualTo(closedBefore);

        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(closure("LEFT_NORWAY", today(), "returned to Eritrea"))
                .when().post("/api/v1/cases/{id}/closure", leaves)
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closeReason", equalTo("LEFT_NORWAY"))
                .body("closedOn", equalTo(today().toString())).body("closeNote", equalTo("returned to Eritrea"));
        assertThat(strings("select closed_by from settlement_case where id = ?::uuid", leaves)).containsExactly("imdi-bosetting");
        // SettlementCaseClosed for the closed person only (validated against its schema by awaitEvent); no note on the topic
        JsonNode closed = awaitEvent(leavesPerson, "SettlementCaseClosed");
        assertThat(closed.get("personId").asText()).isEqualTo(leavesPerson);
        assertThat(closed.get("householdId").asText()).isEqualTo(couple.get(1).get("householdId").asText());
        assertThat(closed.get("reason").asText()).isEqualTo("LEFT_NORWAY");
        assertThat(closed.get("closedOn").asText()).isEqualTo(today().toString());
        assertThat(closed.has("withdrawnProposalMunicipality")).isFalse();
        assertThat(closed.has("note")).isFalse();
        assertThat(closed.toString()).doesNotContain("Eritrea");
        assertThat(closedEvents(leavesPerson)).isEqualTo(1);
        assertThat(closedEvents(staysPerson)).isZero();
        // 409: closed once, and no second event
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(closure("EMIGRATED", today(), null))
                .when().post("/api/v1/cases/{id}/closure", leaves)
                .then().statusCode(409).contentType("application/problem+json").body("violations[0].rule", equalTo("case.closed"));
        assertThat(closedEvents(leavesPerson)).isEqualTo(1);
        // a closed case is never settled (409) ...
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("1106", today(), "BY_AGREEMENT", null))
                .when().post("/api/v1/cases/{id}/settlement", leaves)
                .then().statusCode(409).body("violations[0].rule", equalTo("settlement.case-closed"));
        // ... while the rest of the household is settled without it: a household of one
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("1106", today(), "BY_AGREEMENT", null))
                .when().post("/api/v1/cases/{id}/settlement", stays)
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].status", equalTo("SETTLED"));
        JsonNode settled = awaitEvent(couple.get(0).get("personId").asText(), "PersonSettled");
        assertThat(settled.get("householdSize").asInt()).isEqualTo(1);
        assertThat(count("select count(*) from nystart_outbox where record_key = ? and ce_type = 'no.nystart.PersonSettled.v1'",
                couple.get(1).get("personId").asText())).isZero();
        assertThat(count("select count(*) from settlement_case where id = ?::uuid and status = 'CLOSED'", leaves)).isEqualTo(1);
        // 409: a settled case is not closed (a move is a relocation)
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(closure("EMIGRATED", today(), null))
                .when().post("/api/v1/cases/{id}/closure", stays)
                .then().statusCode(409).body("violations[0].rule", equalTo("case.settled"));
        assertThat(closedEvents(staysPerson)).isZero();
        assertThat(no.nystart.platform.testing.TestPages.values(officer(), "/api/v1/cases?status=CLOSED", "caseId"))
                .contains(leaves);
    }

    // ------------------------------------------------------------------ matching

    @Test
    void a_matching_run_proposes_whole_households_within_capacity_and_minors_only_to_minor_places() throws Exception {
        int year = today().getYear() + 1;
        putDecision("1804", year, 300, 0);
        putDecision("1833", year, 300, 60);
        LocalDate permit = today().minusDays(15);
        JsonNode family = register(List.of(person("Mulu", LocalDate.of(1979, 1, 1), permit, null, false),
                person("Ester", LocalDate.of(1981, 1, 1), permit, null, false),
                person("Dawit", LocalDate.of(2012, 1, 1), permit, null, false)));
        JsonNode single = register(List.of(person("Kidane", LocalDate.of(1995, 1, 1), permit, null, false)));
        JsonNode minor = register(List.of(person("Meron", today().minusYears(15), permit, null, true)));
        // a closed case is never matched
        JsonNode gone = register(List.of(person("Tekle", LocalDate.of(1990, 6, 6), permit, null, false)));
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(closure("SETTLED_OUTSIDE_SCHEME", today(), null))
                .when().post("/api/v1/cases/{id}/closure", gone.get(0).get("caseId").asText()).then().statusCode(200);

        String report = given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(Map.of("year", year, "timeLimitSeconds", 20))
                .when().post("/api/v1/matching-runs")
                .then().statusCode(201).header("Location", startsWith("http")).extract().asString();
        JsonNode run = JSON.readTree(report);
        assertThat(run.get("status").asText()).isIn("OPTIMAL", "FEASIBLE");
        assertThat(run.get("objective").asLong()).isGreaterThanOrEqualTo(run.get("greedyObjective").asLong());
        assertThat(run.get("bestBound").asLong()).isGreaterThanOrEqualTo(run.get("objective").asLong());
        // settlement.matching.relative-gap-limit (0.1 %): the run stops once that close to the proven bound
        assertThat(run.get("gapPercent").asDouble()).isLessThanOrEqualTo(0.1);
        assertThat(run.get("syntheticProfiles").asInt()).isEqualTo(2);

        Map<String, String> placed = new java.util.HashMap<>();
        for (JsonNode a : run.get("assignments")) {
            placed.put(a.get("householdId").asText(), a.get("municipality").asText());
            assertThat(a.get("total").asLong()).isEqualTo(a.get("placement").asLong() + a.get("fit").asLong()
                    + a.get("programme").asLong() + a.get("spread").asLong());
        }
        assertThat(placed).containsKeys(family.get(0).get("householdId").asText(), single.get(0).get("householdId").asText());
        assertThat(placed.get(minor.get(0).get("householdId").asText())).isEqualTo("1833");
        String goneHousehold = gone.get(0).get("householdId").asText();
        assertThat(placed).doesNotContainKey(goneHousehold);
        assertThat(run.get("unassigned").toString()).doesNotContain(goneHousehold);
        assertThat(count("select count(*) from settlement_case where household_id = ?::uuid and status = 'CLOSED' "
                + "and proposed_municipality is null", goneHousehold)).isEqualTo(1);
        JsonNode goneClosed = awaitEvent(gone.get(0).get("personId").asText(), "SettlementCaseClosed");
        assertThat(goneClosed.get("reason").asText()).isEqualTo("SETTLED_OUTSIDE_SCHEME");
        assertThat(goneClosed.has("withdrawnProposalMunicipality")).isFalse();

        // households never split: every member of the family carries the same proposal
        String familyHousehold = family.get(0).get("householdId").asText();
        assertThat(new HashSet<>(strings("select proposed_municipality from settlement_case where household_id = ?::uuid",
                familyHousehold))).containsExactly(placed.get(familyHousehold));
        assertThat(strings("select status from settlement_case where household_id = ?::uuid", familyHousehold))
                .containsOnly("PROPOSED");
        // capacity never exceeded
        assertThat(count("select count(*) from settlement_case where proposed_municipality = '1804' and proposal_year = ?", year))
                .isLessThanOrEqualTo(300);
        assertThat(count("select count(*) from settlement_case where proposed_municipality = '1804' and proposal_year = ? "
                + "and unaccompanied_minor", year)).isZero();
        for (JsonNode member : family) {
            JsonNode proposed = awaitEvent(member.get("personId").asText(), "SettlementProposed");
            assertThat(proposed.get("municipality").asText()).isEqualTo(placed.get(familyHousehold));
            assertThat(proposed.get("householdSize").asInt()).isEqualTo(3);
            assertThat(proposed.get("matchingRunId").asText()).isEqualTo(run.get("runId").asText());
        }
        given().auth().oauth2(officer()).when().get("/api/v1/municipalities/1833/settlement-decisions/{y}", year)
                .then().statusCode(200).body("proposedUnaccompaniedMinors", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().auth().oauth2(officer()).when().get("/api/v1/matching-runs/{id}", run.get("runId").asText())
                .then().statusCode(200).body("runId", equalTo(run.get("runId").asText()))
                .body("assignments.size()", equalTo(run.get("assignments").size()));
        given().auth().oauth2(officer()).when().get("/api/v1/matching-runs/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/matching-runs")
                .then().statusCode(400).body("violations.field", hasItem("year"));

        // closing a PROPOSED case withdraws its proposal; SettlementCaseClosed names the municipality it was withdrawn from
        JsonNode child = family.get(2);
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(closure("EMIGRATED", today(), null))
                .when().post("/api/v1/cases/{id}/closure", child.get("caseId").asText())
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        JsonNode withdrawn = awaitEvent(child.get("personId").asText(), "SettlementCaseClosed");
        assertThat(withdrawn.get("reason").asText()).isEqualTo("EMIGRATED");
        assertThat(withdrawn.get("householdId").asText()).isEqualTo(familyHousehold);
        assertThat(withdrawn.get("withdrawnProposalMunicipality").asText()).isEqualTo(placed.get(familyHousehold));
        assertThat(closedEvents(child.get("personId").asText())).isEqualTo(1);
        for (int i = 0; i < 2; i++) {
            assertThat(closedEvents(family.get(i).get("personId").asText())).isZero();
        }
    }

    // ------------------------------------------------------------------ profiles

    @Test
    void profiles_are_stored_or_synthetic_and_validated() {
        given().auth().oauth2(officer()).when().get("/api/v1/municipalities/3403/profile")
                .then().statusCode(200).body("source", equalTo("SYNTHETIC"));
        Map<String, Object> profile = Map.of("labourDemand", List.of(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000),
                "resultRatePermille", 550, "immigrantSharePermille", 120);
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body(profile)
                .when().put("/api/v1/municipalities/4204/profile")
                .then().statusCode(200).body("source", equalTo("STORED")).body("labourDemand[9]", equalTo(1000));
        given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body(Map.of("labourDemand", List.of(1, 2, 3), "resultRatePermille", 1001, "immigrantSharePermille", 10))
                .when().put("/api/v1/municipalities/4204/profile")
                .then().statusCode(400).body("violations.field", hasItem("labourDemand"))
                .body("violations.field", hasItem("resultRatePermille"));
        given().auth().oauth2(officer()).when().get("/api/v1/municipalities/0000/profile").then().statusCode(404);
    }

    // ------------------------------------------------------------------ statistics (docs/domain/settlement.md#2, Time targets)

    @Test
    void settlement_time_shows_median_days_and_shares_within_3_and_6_months_per_county() {
        LocalDate settledOn = today();
        int year = settledOn.getYear();
        putDecision("5601", year, 10, 0);
        JsonNode family = register(List.of(person("Tsega", LocalDate.of(1990, 1, 1), settledOn.minusDays(99), null, false),
                person("Noah", settledOn.minusYears(5), settledOn.minusDays(99), null, false)));
        JsonNode adult = register(List.of(person("Yared", LocalDate.of(1993, 1, 1), settledOn.minusDays(30), null, false)));
        for (JsonNode c : List.of(family, adult)) {
            given().auth().oauth2(officer()).contentType(ContentType.JSON).body(settle("5601", settledOn, "BY_AGREEMENT", null))
                    .when().post("/api/v1/cases/{id}/settlement", c.get(0).get("caseId").asText()).then().statusCode(200);
        }
        given().auth().oauth2(officer()).queryParam("year", year).queryParam("county", "56")
                .when().get("/api/v1/statistics/settlement-time")
                .then().statusCode(200).body("persons", equalTo(3)).body("medianDays", equalTo(99))
                .body("minorsAndFamiliesWithChildren.persons", equalTo(2))
                .body("minorsAndFamiliesWithChildren.withinTarget", equalTo(0))
                .body("otherAdults.persons", equalTo(1)).body("otherAdults.withinTarget", equalTo(1))
                .body("otherAdults.shareWithinTargetPercent", equalTo(100.0f));
        given().auth().oauth2(analyst("56")).queryParam("year", year)
                .when().get("/api/v1/statistics/settlement-time")
                .then().statusCode(200).body("county", equalTo("56")).body("persons", equalTo(3));
        given().auth().oauth2(analyst("03")).queryParam("year", year).queryParam("county", "56")
                .when().get("/api/v1/statistics/settlement-time").then().statusCode(403);
        given().auth().oauth2(officer()).when().get("/api/v1/statistics/settlement-time")
                .then().statusCode(422).body("violations[0].field", equalTo("year"));
    }

    // ------------------------------------------------------------------ authorization matrix

    @Test
    void every_endpoint_needs_a_token_and_the_right_role() {
        int year = today().getYear();
        String caseId = UUID.randomUUID().toString();
        List<String[]> writes = List.of(
                new String[] {"PUT", "/api/v1/municipalities/0301/settlement-decisions/" + year},
                new String[] {"PUT", "/api/v1/municipalities/0301/profile"},
                new String[] {"POST", "/api/v1/cases"},
                new String[] {"POST", "/api/v1/cases/" + caseId + "/settlement"},
                new String[] {"POST", "/api/v1/cases/" + caseId + "/closure"},
                new String[] {"GET", "/api/v1/cases/" + caseId},
                new String[] {"POST", "/api/v1/persons/" + caseId + "/relocations"},
                new String[] {"POST", "/api/v1/matching-runs"},
                new String[] {"GET", "/api/v1/cases"},
                new String[] {"GET", "/api/v1/matching-runs/" + caseId});
        List<String[]> reads = List.of(
                new String[] {"GET", "/api/v1/municipalities/0301/settlement-decisions/" + year},
                new String[] {"GET", "/api/v1/municipalities/0301/profile"},
                new String[] {"GET", "/api/v1/statistics/settlement-time?year=" + year});
        for (String[] e : concat(writes, reads)) {
            given().contentType(ContentType.JSON).body("{}").when().request(e[0], e[1]).then().statusCode(401);
            given().auth().oauth2(caseworker()).contentType(ContentType.JSON).body("{}").when().request(e[0], e[1])
                    .then().statusCode(403);
        }
        for (String[] e : writes) {
            given().auth().oauth2(analyst("03")).contentType(ContentType.JSON).body("{}").when().request(e[0], e[1])
                    .then().statusCode(403);
        }
        for (String[] e : reads) {
            // the county analyst may read (the decision itself may not exist: 404, never 401/403)
            given().auth().oauth2(analyst("03")).when().request(e[0], e[1]).then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 404));
        }
    }

    private static List<String[]> concat(List<String[]> a, List<String[]> b) {
        List<String[]> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
