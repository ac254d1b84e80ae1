package no.nystart.settlement.api;

import static io.restassured.RestAssured.given;
import static no.nystart.settlement.api.SettlementTestSupport.caseworker;
import static no.nystart.settlement.api.SettlementTestSupport.count;
import static no.nystart.settlement.api.SettlementTestSupport.fodselsnummer;
import static no.nystart.settlement.api.SettlementTestSupport.officer;
import static no.nystart.settlement.api.SettlementTestSupport.person;
import static no.nystart.settlement.api.SettlementTestSupport.register;
import static no.nystart.settlement.api.SettlementTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/persons/search}: cases registered here by name or national id; officers only; bounded; audited. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "settlement_test"))
class PersonSearchResourceTest {
    private static final String SEARCH = "/api/v1/persons/search";

    private static String uniqueLastName() {
        StringBuilder name = new StringBuilder("Gebre");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }

    /** A birth date in 1940–1999 no other test is likely to use (national ids are unique). */
    private static LocalDate randomBirthDate() {
        return LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(21_900));
    }

    private static Map<String, Object> named(String first, String last, String nationalId, LocalDate birth) {
        Map<String, Object> p = person(first, birth, today().minusDays(10), nationalId, false);
        p.put("lastName", last);
        return p;
    }

    private static ValidatableResponse search(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(SEARCH).then();
    }

    @Test
    void a_national_id_finds_exactly_that_person_and_a_name_finds_the_household_with_each_hit_audited() {
        String last = uniqueLastName();
        LocalDate birth = randomBirthDate();
        String nationalId = fodselsnummer(birth);
        JsonNode cases = register(List.of(named("Hiwet", last, nationalId, birth),
                named("Senait Rahel", last, null, LocalDate.of(2015, 4, 4))));
        String hiwet = cases.get(0).get("personId").asText();
        String senait = cases.get(1).get("personId").asText();

        search(officer(), Map.of("nationalId", nationalId)).statusCode(200)
                .body("service", equalTo("settlement"))
                .body("hits.personId", contains(hiwet))
                .body("hits[0].nationalId", equalTo(nationalId))
                .body("hits[0].birthDate", equalTo(birth.toString()))
                .body("truncated", equalTo(false));
        assertThat(search(officer(), Map.of("name", last.toLowerCase())).statusCode(200).extract()
                .<List<String>>path("hits.personId")).containsExactlyInAnyOrder(hiwet, senait);
        search(officer(), Map.of("name", "RAH " + last)).statusCode(200).body("hits.personId", contains(senait));
        search(officer(), Map.of("name", "Hiwet", "nationalId", fodselsnummer(birth.plusDays(1)))).statusCode(200)
                .body("hits", empty());

        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid and action = ?", hiwet,
                "POST /api/v1/persons/search")).isEqualTo(2);
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid and action = ?", senait,
                "POST /api/v1/persons/search")).isEqualTo(2);
    }

    @Test
    void a_DUF_number_finds_nobody_here_and_asylum_cases_without_names_never_match() {
        search(officer(), Map.of("dufNumber", "202412345678")).statusCode(200).body("hits", empty());
        search(officer(), Map.of("name", "null")).statusCode(200).body("hits", empty());
    }

    @Test
    void at_most_20_hits_and_truncated_says_there_were_more() {
        String last = uniqueLastName();
        List<Map<String, Object>> persons = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            persons.add(named("Child", last, null, today().minusYears(3).minusDays(i)));
        }
        persons.set(0, named("Parent", last, null, LocalDate.of(1980, 1, 1)));
        register(persons);
        search(officer(), Map.of("name", last)).statusCode(200)
                .body("hits.size()", equalTo(20)).body("truncated", equalTo(true)).body("limit", equalTo(20));
    }

    @Test
    void bad_criteria_are_400_naming_field_and_rule_no_token_401_other_roles_403() {
        search(officer(), Map.of()).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("criterion"))
                .body("violations.rule", hasItem("person-search.criterion-required"));
        search(officer(), Map.of("nationalId", "31129956716")).statusCode(400)
                .body("violations.field", hasItem("nationalId"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Hiwet")).when().post(SEARCH).then().statusCode(401);
        search(caseworker(), Map.of("name", "Hiwet")).statusCode(403);
    }
}
