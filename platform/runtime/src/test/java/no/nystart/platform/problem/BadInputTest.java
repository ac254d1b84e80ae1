package no.nystart.platform.problem;

import static io.restassured.RestAssured.given;
import static no.nystart.platform.testing.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

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
                .body("violations.rule", hasItem(rule))
                // RFC 9457 style: the violation's type URI names the rule's entry in docs/rules.md
                .body("violations.type", hasItem("https://nystart.no/rules/" + rule));
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
    void json_type_the_message_says_what_the_field_expects_in_json_terms_not_java_types() {
        post("{\"name\":\"a\",\"amount\":\"many\"}").statusCode(400)
                .body("violations[0].field", equalTo("amount"))
                .body("violations[0].message", equalTo("expected a whole number, got a text"))
                .body("detail", not(containsString("Integer")));
        post("{\"name\":\"a\",\"tags\":{\"x\":1}}").statusCode(400)
                .body("violations[0].field", equalTo("tags"))
                .body("violations[0].message", equalTo("expected an array, got an object"));
    }

    @Test
    void json_enum_a_value_outside_an_enumeration_names_the_field_and_the_allowed_values() {
        refused("{\"name\":\"a\",\"size\":\"HUGE\"}", 400, "size", "json.enum");
        post("{\"name\":\"a\",\"size\":\"HUGE\"}").statusCode(400)
                .body("violations[0].message", equalTo("'HUGE' is not one of the allowed values: SMALL, MEDIUM, LARGE"))
                .body("detail", not(containsString("no.nystart")))
                .body("detail", not(containsString("Enum class")))
                .body("violations[0].type", equalTo("https://nystart.no/rules/json.enum"));
        post("{\"name\":\"a\",\"size\":\"MEDIUM\"}").statusCode(201);
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
                .body("status", equalTo(409))
                .body("violations[0].rule", startsWith("constraint."))
                .body("violations[0].type", startsWith("https://nystart.no/rules/constraint."));
    }
}
