package no.nystart.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import no.nystart.platform.validation.Violation;
import org.junit.jupiter.api.Test;

/**
 * The two JSON rule codes of the problem mappers (docs/rules.md lists this test for them): a body that is not JSON
 * is {@code json.syntax} on field "$", a value of the wrong type is {@code json.type} on the field's path; both 400.
 * The mappers are called directly with the exception Jackson throws.
 */
class JsonRuleCodesTest {
    private final ProblemMappers mappers = new ProblemMappers();

    private static Problem problem(Response response) {
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        return (Problem) response.getEntity();
    }

    @Test
    void json_syntax_a_body_that_is_not_json_is_400_on_the_whole_body() {
        Problem p = problem(mappers.malformedJson(new JsonParseException(null, "Unrecognized token 'nope'"), null));
        assertThat(p.type()).endsWith("/malformed-json");
        assertThat(p.violations()).extracting(Violation::field, Violation::rule).containsExactly(tuple("$", "json.syntax"));
    }

    @Test
    void json_type_a_value_of_the_wrong_type_is_400_naming_the_field() {
        JsonMappingException e = MismatchedInputException.from(null, List.class, "Cannot deserialize a list from a string");
        e.prependPath(new JsonMappingException.Reference(null, "persons"));
        Problem p = problem(mappers.unreadableJson(e, null));
        assertThat(p.type()).endsWith("/unreadable-input");
        assertThat(p.violations()).extracting(Violation::field, Violation::rule).containsExactly(tuple("persons", "json.type"));
    }
    enum Sex { FEMALE, MALE }

    @Test
    void json_enum_a_value_outside_an_enumeration_is_400_naming_the_field_and_the_allowed_values() {
        JsonMappingException e = com.fasterxml.jackson.databind.exc.InvalidFormatException.from(null,
                "Cannot deserialize value of type `no.nystart.contracts.Sex` from String \"X\"", "X", Sex.class);
        e.prependPath(new JsonMappingException.Reference(null, "sex"));
        Problem p = problem(mappers.unreadableJson(e, null));
        assertThat(p.violations()).extracting(Violation::field, Violation::rule, Violation::message)
                .containsExactly(tuple("sex", "json.enum", "'X' is not one of the allowed values: FEMALE, MALE"));
        assertThat(p.detail()).doesNotContain("no.nystart").doesNotContain("Cannot deserialize");
    }

    public record Member(String name, int age) {
    }

    public record Household(List<Member> members, Member head) {
    }

    /** The first failure of reading {@code json} as a Household, through the mapper, as the REST layer reads a body. */
    private Problem read(String json) {
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Household.class);
        } catch (JsonMappingException e) {
            return problem(mappers.unreadableJson(e, null));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("read " + json);
    }

    @Test
    void json_type_the_message_speaks_json_and_names_no_java_type() {
        // found by the OpenAPI fuzz suite: "Cannot deserialize value of type `java.util.ArrayList<...$Person>`"
        Problem list = read("{\"members\":{\"a\":1}}");
        assertThat(list.violations()).extracting(Violation::field, Violation::rule, Violation::message)
                .containsExactly(tuple("members", "json.type", "expected an array, got an object"));
        Problem object = read("{\"head\":\"text\"}");
        assertThat(object.violations()).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("head", "expected an object, got a text"));
        Problem number = read("{\"members\":[{\"age\":\"many\"}]}");
        assertThat(number.violations()).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("members[0].age", "expected a whole number, got a text"));
        for (Problem p : List.of(list, object, number)) {
            assertThat(p.detail()).doesNotContain("java.", "no.nystart", "$", "ArrayList", "Household", "Member", "JsonToken");
        }
    }
}
