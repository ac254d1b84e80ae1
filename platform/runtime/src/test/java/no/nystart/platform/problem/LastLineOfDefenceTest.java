package no.nystart.platform.problem;

import static io.restassured.RestAssured.given;
import static no.nystart.platform.testing.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The mappers' backstops (issue 15, defect 5): a value a request record refuses while it is built is a 400 naming the
 * field (rule {@code json.value}); a value that passed every check but that the database cannot store (SQLSTATE class
 * 22) is a 400 (rule {@code value.storable}) and nothing is written — never a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = no.nystart.platform.testing.NyStartTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform_test"))
class LastLineOfDefenceTest {

    @Test
    void json_value_a_value_the_record_refuses_is_400_naming_the_field_with_the_records_reason() {
        given().contentType("application/json").body("{\"count\":3}").when().post("/probe/even").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.rule", hasItem("json.value"))
                .body("violations.message", hasItem("count must be an even number"))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("no.nystart")));
        given().contentType("application/json").body("{\"count\":4}").when().post("/probe/even").then()
                .statusCode(200).body(equalTo("4"));
    }

    @Test
    void value_storable_a_value_only_the_database_refuses_is_400_and_nothing_is_written() {
        long before = count("select count(*) from test_storable");
        given().contentType("application/json").body("{\"code\":\"ABCDEFG\"}").when().post("/probe/storable").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.rule", hasItem("value.storable"));
        assertThat(count("select count(*) from test_storable")).as("nothing written").isEqualTo(before);
        given().contentType("application/json").body("{\"code\":\"ABC\"}").when().post("/probe/storable").then()
                .statusCode(201);
        assertThat(count("select count(*) from test_storable")).isEqualTo(before + 1);
    }
}
