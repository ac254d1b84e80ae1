package no.nystart.platform.problem;

import static io.restassured.RestAssured.given;
import static no.nystart.platform.testing.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a 400 problem naming the field and the rule, never a 500 and never a write: issue 15, defect 5
 * (duplicate keys, control characters, lone surrogates, numbers where a date is expected, wrong types, huge
 * integers, a unique constraint hit through Hibernate).
 */
@QuarkusTest
@QuarkusTestResource(value = no.nystart.platform.testing.NyStartTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform_test"))
class BadInputTest {

    private static ValidatableResponse post(String body) {
        return given().contentType("application/json").body(body).when().post("/probe/input").then();
    }

    private static void refused(String body, int status, String field, String rule) {
        long before = count("select count(*) from test_input");
        post(body).statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("violations.field", hasItem(field))
                .body("violations.rule", hasItem(rule));
        assertThat(count("select count(*) from test_input")).as("nothing written").isEqualTo(before);
    }

    @Test
    void valid_input_is_stored() {
        post("{\"name\":\"Tab\\there\",\"onDate\":\"2026-09-01\",\"amount\":5,\"address\":{\"street\":\"Storgata 1\"},"
                + "\"tags\":[\"a\"]}").statusCode(201);
    }

    @Test
    void text_after_the_json_value_is_refused() {
        // found by the OpenAPI fuzz suite: Jackson read the first value and dropped the rest
        refused("{\"name\":\"a\"}}", 400, "$", "json.syntax");
        refused("{\"name\":\"a\"} {\"name\":\"b\"}", 400, "$", "json.syntax");
    }

    @Test
    void a_duplicate_key_is_refused_naming_the_key() {
        refused("{\"name\":\"a\",\"name\":\"b\"}", 400, "name", "json.duplicate-key");
        refused("{\"name\":\"a\",\"address\":{\"street\":\"x\",\"street\":\"y\"}}", 400, "address.street", "json.duplicate-key");
    }

    @Test
    void a_nul_character_in_a_text_is_refused_naming_the_field() {
        refused("{\"name\":\"a\\u0000b\"}", 400, "name", "text.control-character");
        refused("{\"name\":\"a\",\"address\":{\"street\":\"x\\u0000\"}}", 400, "address.street", "text.control-character");
        refused("{\"name\":\"a\",\"tags\":[\"ok\",\"\\u0007\"]}", 400, "tags[1]", "text.control-character");
    }

    @Test
    void a_lone_surrogate_in_a_text_is_refused_naming_the_field() {
        refused("{\"name\":\"a\\ud800b\"}", 400, "name", "text.lone-surrogate");
        refused("{\"name\":\"a\\udc00\"}", 400, "name", "text.lone-surrogate");
        // a real pair (an emoji) is a character
        post("{\"name\":\"smile \\ud83d\\ude00\"}").statusCode(201);
    }

    @Test
    void a_number_where_a_date_is_expected_is_refused_naming_the_field() {
        refused("{\"name\":\"a\",\"onDate\":99999999999}", 400, "onDate", "date.format");
        refused("{\"name\":\"a\",\"onDate\":\"+999999-01-01\"}", 400, "onDate", "date.format");
        refused("{\"name\":\"a\",\"onDate\":\"2026-02-30\"}", 400, "onDate", "date.format");
    }

    @Test
    void a_wrong_type_is_refused_naming_the_field() {
        refused("{\"name\":\"a\",\"amount\":\"many\"}", 400, "amount", "json.type");
        refused("{\"name\":\"a\",\"address\":[1]}", 400, "address", "json.type");
    }

    @Test
    void a_huge_integer_is_refused_naming_the_field() {
        refused("{\"name\":\"a\",\"amount\":123456789012345678901234567890}", 400, "amount", "number.range");
        refused("{\"name\":\"a\",\"amount\":3000000000}", 400, "amount", "number.range");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        refused("{\"name\":", 400, "$", "json.syntax");
    }

    @Test
    void a_primary_key_hit_through_hibernate_is_a_409_problem() {
        UUID id = UUID.randomUUID();
        given().when().post("/probe/notes/" + id).then().statusCode(201);
        given().when().post("/probe/notes/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
    }
}
