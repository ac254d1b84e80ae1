package no.nystart.platform.audit;

import static io.restassured.RestAssured.given;
import static no.nystart.platform.testing.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The read audit writes the rows of one read in ONE SQL statement (issue 15: a list of ~1,100 persons chained one
 * insert per person and never answered). A statement-level trigger of the test schema counts the statements.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform_test"))
class ReadAuditTest {

    private static long statements() {
        return count("select n from test_read_audit_statements");
    }

    private static void read(int persons, String action) {
        given().queryParam("persons", persons).queryParam("action", action)
                .when().post("/probe/read-audit").then().statusCode(200);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_read_of_1500_persons_is_1500_rows_written_by_one_statement() {
        String action = "GET /list " + UUID.randomUUID();
        long before = statements();
        read(1500, action);
        assertThat(statements() - before).isEqualTo(1);
        assertThat(count("select count(*) from nystart_read_audit where action = ?", action)).isEqualTo(1500);
        assertThat(count("select count(distinct person_id) from nystart_read_audit where action = ?", action)).isEqualTo(1500);
        assertThat(count("select count(distinct id) from nystart_read_audit where action = ?", action)).isEqualTo(1500);
        assertThat(count("select count(*) from nystart_read_audit where action = ? and reader = 'probe-reader' "
                + "and roles = 'settlement-officer' and purpose = 'testing' and municipality = '3301' and read_at is not null",
                action)).isEqualTo(1500);
    }

    @Test
    void a_read_of_one_person_is_one_row_and_of_nobody_writes_nothing() {
        String one = "GET /one " + UUID.randomUUID();
        String none = "GET /none " + UUID.randomUUID();
        long before = statements();
        read(1, one);
        read(0, none);
        assertThat(statements() - before).isEqualTo(1);
        assertThat(count("select count(*) from nystart_read_audit where action = ? and person_id is not null", one)).isEqualTo(1);
        assertThat(count("select count(*) from nystart_read_audit where action = ?", none)).isZero();
    }

    @Test
    void a_read_of_no_particular_person_is_one_row_without_a_person() {
        String action = "GET /municipality-list " + UUID.randomUUID();
        read(-1, action);
        assertThat(count("select count(*) from nystart_read_audit where action = ? and person_id is null", action)).isEqualTo(1);
        assertThat(count("select count(*) from nystart_read_audit where action = ?", action)).isEqualTo(1);
    }
}
