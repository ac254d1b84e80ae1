package no.nystart.reception.api;

import static io.restassured.RestAssured.given;
import static no.nystart.reception.api.ReceptionTestSupport.FJORDLYS;
import static no.nystart.reception.api.ReceptionTestSupport.NORDLYS;
import static no.nystart.reception.api.ReceptionTestSupport.arrival;
import static no.nystart.reception.api.ReceptionTestSupport.count;
import static no.nystart.reception.api.ReceptionTestSupport.newDufNumber;
import static no.nystart.reception.api.ReceptionTestSupport.officerToken;
import static no.nystart.reception.api.ReceptionTestSupport.register;
import static no.nystart.reception.api.ReceptionTestSupport.staffToken;
import static no.nystart.reception.api.ReceptionTestSupport.staffTokenOf;
import static no.nystart.reception.api.ReceptionTestSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/persons/search}: residents by name or DUF number, scoped, bounded, audited. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class PersonSearchResourceTest {
    private static final String SEARCH = "/api/v1/persons/search";

    /** A last name no other test uses (letters only). */
    private static String uniqueLastName() {
        StringBuilder name = new StringBuilder("Tesfa");
        for (int i = 0; i < 8; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }

    private static String registerNamed(String first, String last, String duf, String centre) {
        Map<String, Object> body = arrival(duf);
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("receptionCentreId", centre);
        String staff = centre.equals(FJORDLYS) ? staffToken() : staffTokenOf(centre);
        return given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/residents").then().statusCode(201).extract().path("personId");
    }

    private static ValidatableResponse search(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(SEARCH).then();
    }

    @Test
    void words_of_the_name_match_the_start_of_first_or_last_name_case_insensitively_and_every_hit_is_audited() {
        String last = uniqueLastName();
        String duf = newDufNumber();
        String amina = registerNamed("Amina Sara", last, duf, FJORDLYS);
        String yonas = registerNamed("Yonas", last, newDufNumber(), FJORDLYS);

        List<String> both = search(officerToken(), Map.of("name", last.toUpperCase())).statusCode(200)
                .extract().path("hits.personId");
        assertThat(both).containsExactlyInAnyOrder(amina, yonas);

        // "sar" starts the second word of the first name; "a" + the last name's tail starts nothing
        search(officerToken(), Map.of("name", "sar " + last.substring(0, 6))).statusCode(200)
                .body("hits.personId", org.hamcrest.Matchers.contains(amina))
                .body("hits[0].dufNumber", org.hamcrest.Matchers.equalTo(duf))
                .body("hits[0].firstName", org.hamcrest.Matchers.equalTo("Amina Sara"))
                .body("hits[0].receptionCentreId", org.hamcrest.Matchers.equalTo(FJORDLYS))
                .body("truncated", org.hamcrest.Matchers.equalTo(false))
                .body("limit", org.hamcrest.Matchers.equalTo(20));
        search(officerToken(), Map.of("name", last.substring(2))).statusCode(200)
                .body("hits", org.hamcrest.Matchers.empty());

        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid and action = ?", amina,
                "POST /api/v1/persons/search")).isEqualTo(2);
        assertThat(count("select count(*) from nystart_read_audit where person_id = ?::uuid and action = ?", yonas,
                "POST /api/v1/persons/search")).isEqualTo(1);
    }

    @Test
    void a_DUF_number_finds_exactly_that_resident_and_a_national_id_finds_nobody_in_reception() {
        String duf = newDufNumber();
        String personId = registerNamed("Hana", uniqueLastName(), duf, FJORDLYS);

        search(staffToken(), Map.of("dufNumber", duf)).statusCode(200)
                .body("hits.personId", org.hamcrest.Matchers.contains(personId))
                .body("service", org.hamcrest.Matchers.equalTo("reception-training"));
        search(staffToken(), Map.of("nationalId", "31129956715")).statusCode(200)
                .body("hits", org.hamcrest.Matchers.empty());
    }

    @Test
    void staff_bound_to_a_centre_find_only_their_centre_s_residents() {
        String last = uniqueLastName();
        String atFjordlys = registerNamed("Selam", last, newDufNumber(), FJORDLYS);
        String atNordlys = registerNamed("Selam", last, newDufNumber(), NORDLYS);

        assertThat(search(staffTokenOf(NORDLYS), Map.of("name", last)).statusCode(200).extract()
                .<List<String>>path("hits.personId")).containsExactly(atNordlys);
        assertThat(search(staffTokenOf(FJORDLYS), Map.of("name", last)).statusCode(200).extract()
                .<List<String>>path("hits.personId")).containsExactly(atFjordlys);
        assertThat(search(officerToken(), Map.of("name", last)).statusCode(200).extract()
                .<List<String>>path("hits.personId")).containsExactlyInAnyOrder(atFjordlys, atNordlys);
    }

    @Test
    void at_most_20_hits_are_answered_and_truncated_says_there_were_more() {
        String last = uniqueLastName();
        for (int i = 0; i < 21; i++) {
            registerNamed("Person", last, newDufNumber(), FJORDLYS);
        }
        search(officerToken(), Map.of("name", last)).statusCode(200)
                .body("hits.size()", org.hamcrest.Matchers.equalTo(20))
                .body("truncated", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void like_wildcards_in_a_name_are_taken_literally() {
        registerNamed("Lina", uniqueLastName(), newDufNumber(), FJORDLYS);
        search(officerToken(), Map.of("name", "%%")).statusCode(200).body("hits", org.hamcrest.Matchers.empty());
        search(officerToken(), Map.of("name", "__")).statusCode(200).body("hits", org.hamcrest.Matchers.empty());
    }

    @Test
    void a_search_without_criterion_or_with_a_malformed_DUF_number_is_400_naming_field_and_rule() {
        search(officerToken(), Map.of()).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("criterion"))
                .body("violations.rule", hasItem("person-search.criterion-required"));
        search(officerToken(), Map.of("dufNumber", "12345")).statusCode(400)
                .body("violations.field", hasItem("dufNumber"))
                .body("violations.rule", hasItem("duf-number.format"));
        search(officerToken(), Map.of("name", "a")).statusCode(400)
                .body("violations.rule", hasItem("person-search.name-length"));
    }

    @Test
    void person_search_required_a_missing_body_and_person_search_name_blank_a_name_of_spaces_are_400_naming_the_rule() {
        given().auth().oauth2(officerToken()).contentType(ContentType.JSON).when().post(SEARCH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.rule", hasItem("person-search.required"));
        search(officerToken(), Map.of("name", "    ")).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"))
                .body("violations.rule", hasItem("person-search.name-blank"));
    }

    @Test
    void no_token_is_401_and_roles_that_see_no_names_here_are_403() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Amina")).when().post(SEARCH).then().statusCode(401);
        search(token(Roles.MUNICIPAL_CASEWORKER), Map.of("name", "Amina")).statusCode(403);
        search(token(Roles.GRANT_OFFICER), Map.of("name", "Amina")).statusCode(403);
    }
}
