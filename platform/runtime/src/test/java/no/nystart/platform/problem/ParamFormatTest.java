package no.nystart.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A path or query parameter that is not a value of its type is 400 problem+json naming the parameter with the rule
 * {@code param.format} (JAX-RS alone answers a bare 404 naming nothing; found by the OpenAPI fuzz suite).
 */
@QuarkusTest
@QuarkusTestResource(value = no.nystart.platform.testing.NyStartTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform_test"))
class ParamFormatTest {
    private static final String ID = "3f2b1c9e-8d4a-4f6b-9c1d-2e5a7b8c9d0f";

    private static void refused(String path, String parameter, String rule) {
        given().urlEncodingEnabled(false).when().get("/probe/params/" + path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.size()", equalTo(1))
                .body("violations[0].field", equalTo(parameter))
                .body("violations[0].rule", equalTo(rule))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void valid_parameters_are_converted() {
        given().when().get("/probe/params/" + ID + "/2026/2026-09?colour=RED&on=2026-09-01&count=-3&size=12&flag=TRUE&name=x")
                .then().statusCode(200).body(equalTo(ID + " 2026 2026-09 RED 2026-09-01 -3 12 true x false 0"));
        given().when().get("/probe/params/" + ID + "/2026/2026-09").then().statusCode(200)
                .body(equalTo(ID + " 2026 2026-09 null null null null false null false 0"));
        // primitives without @DefaultValue: absent is false and 0, as JAX-RS has it
        given().when().get("/probe/params/" + ID + "/2026/2026-09?plain=true&number=7").then().statusCode(200)
                .body(equalTo(ID + " 2026 2026-09 null null null null false null true 7"));
    }

    @Test
    void param_format_a_malformed_path_parameter_is_400_naming_it() {
        refused("not-a-uuid/2026/2026-09", "id", "param.format");
        refused("1-2-3-4-5/2026/2026-09", "id", "param.format");
        refused("%00/2026/2026-09", "id", "param.format");
        refused("x".repeat(3000) + "/2026/2026-09", "id", "param.format");
        refused(ID + "/twenty/2026-09", "year", "param.format");
        refused(ID + "/99999999999/2026-09", "year", "param.format");
        refused(ID + "/2026.5/2026-09", "year", "param.format");
        refused(ID + "/2026/2026-13", "month", "param.format");
        refused(ID + "/2026/09-2026", "month", "param.format");
    }

    @Test
    void param_format_a_malformed_query_parameter_is_400_naming_it() {
        refused(ID + "/2026/2026-09?colour=BLUE", "colour", "param.format");
        refused(ID + "/2026/2026-09?colour=red", "colour", "param.format");
        refused(ID + "/2026/2026-09?on=2026-02-30", "on", "param.format");
        refused(ID + "/2026/2026-09?on=01.09.2026", "on", "param.format");
        refused(ID + "/2026/2026-09?count=1e3", "count", "param.format");
        refused(ID + "/2026/2026-09?count=2147483648", "count", "param.format");
        refused(ID + "/2026/2026-09?size=99999999999999999999", "size", "param.format");
        refused(ID + "/2026/2026-09?flag=maybe", "flag", "param.format");
        refused(ID + "/2026/2026-09?plain=yes", "plain", "param.format");
        refused(ID + "/2026/2026-09?number=seven", "number", "param.format");
    }
}
