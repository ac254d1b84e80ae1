package no.nystart.reception.api;

import static io.restassured.RestAssured.given;
import static no.nystart.reception.api.ReceptionTestSupport.count;
import static no.nystart.reception.api.ReceptionTestSupport.officerToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, defect 4: with ~1,100 active residents {@code GET /api/v1/residents} without a filter never answered
 * (the read audit chained one insert per listed person into one Uni; the session stayed idle in transaction).
 * Residents are seeded straight into the database, in a centre of their own so the other tests' lists
 * stay as they were. The {@code @Timeout} only guards against the hang; it asserts no speed.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class ResidentListLargeTest {
    static final String BULK_CENTRE = "3e0d5c4b-1a29-4f38-8e47-56a5b4c3d2e1";

    static void seed(int residents) {
        TestSql.execute("insert into reception_centre (id, name, host_municipality) values (?::uuid, "
                + "'Storliste mottak (invented)', '3301') on conflict do nothing", BULK_CENTRE);
        TestSql.execute("insert into resident (person_id, duf_number, first_name, last_name, birth_date, sex, citizenship, "
                + "reception_centre_id, registered_on, asylum_procedure, created_by) "
                + "select gen_random_uuid(), '2099' || lpad(i::text, 8, '0'), 'Bulk', 'Resident ' || i, date '1990-01-01', "
                + "'FEMALE', 'ERI', ?::uuid, current_date - (i % 400), 'NORMAL', 'test-seed' "
                + "from generate_series(1, ?) i on conflict do nothing", BULK_CENTRE, residents);
    }

    static final int RESIDENTS = 6000;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    /**
     * Seen failing before the fix: with 6,000 residents the unpaged list never answered (read timed out, Vert.x
     * "Thread blocked"); the reported ~1,100 is where the production JVM stopped.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void listing_all_residents_with_thousands_active_answers_a_bounded_first_page_and_walking_it_lists_each_once_audited_once() {
        seed(RESIDENTS);
        assertThat(count("select count(*) from resident where reception_centre_id = ?::uuid and left_on is null", BULK_CENTRE))
                .isEqualTo(RESIDENTS);

        // without a filter: the default page of 50 and a link to the next
        Response first = given().auth().oauth2(officerToken()).when().get("/api/v1/residents")
                .then().statusCode(200).extract().response();
        assertThat(first.jsonPath().getList("$")).hasSize(50);
        assertThat(first.header("Link")).contains("limit=50").contains("rel=\"next\"");
        assertThat(first.header("NyStart-Next-Cursor")).isNotBlank();

        // the whole centre, 500 at a time, following Link rel="next": each resident once, in (registeredOn, personId) order
        String action = "GET /api/v1/residents?receptionCentreId=" + BULK_CENTRE;
        long auditedBefore = count("select count(*) from nystart_read_audit where action = ?", action);
        List<String> seen = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        String target = "/api/v1/residents?receptionCentreId=" + BULK_CENTRE + "&limit=500";
        int pages = 0;
        while (target != null) {
            Response page = given().auth().oauth2(officerToken()).when().get(target).then().statusCode(200).extract().response();
            List<String> ids = page.path("personId");
            List<String> days = page.path("registeredOn");
            assertThat(ids).hasSizeLessThanOrEqualTo(500);
            for (int i = 0; i < ids.size(); i++) {
                seen.add(ids.get(i));
                keys.add(days.get(i) + "/" + ids.get(i));
            }
            String link = page.header("Link");
            if (link == null) {
                target = null;
            } else {
                Matcher m = NEXT.matcher(link);
                assertThat(m.matches()).as(link).isTrue();
                target = m.group(1);
            }
            pages++;
        }
        assertThat(seen).hasSize(RESIDENTS).doesNotHaveDuplicates();
        assertThat(keys).isSorted();
        assertThat(pages).isEqualTo(RESIDENTS / 500);
        assertThat(count("select count(*) from nystart_read_audit where action = ?", action) - auditedBefore).isEqualTo(RESIDENTS);
    }

    @Test
    void paging_limit_and_paging_cursor_out_of_contract_are_400_problems_naming_the_parameter() {
        for (String bad : List.of("0", "-1", "501", "many")) {
            given().auth().oauth2(officerToken()).queryParam("limit", bad).when().get("/api/v1/residents")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("violations[0].field", equalTo("limit")).body("violations[0].rule", equalTo("paging.limit"));
        }
        String foreign = no.nystart.platform.paging.Cursor.after("cases.created-at.id", "2025-01-01T00:00Z",
                java.util.UUID.randomUUID()).encode();
        for (String bad : List.of(foreign, "not-a-cursor")) {
            given().auth().oauth2(officerToken()).queryParam("cursor", bad).when().get("/api/v1/residents")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("violations[0].field", equalTo("cursor")).body("violations[0].rule", equalTo("paging.cursor"));
        }
        given().auth().oauth2(officerToken()).queryParam("limit", 500).when().get("/api/v1/reception-centres")
                .then().statusCode(200);
        given().auth().oauth2(officerToken()).queryParam("limit", 501).when().get("/api/v1/reception-centres")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
    }
}
