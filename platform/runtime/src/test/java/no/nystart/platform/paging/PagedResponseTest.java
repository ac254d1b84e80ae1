package no.nystart.platform.paging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/** The paging contract over real HTTP: JSON array body, Link rel="next" and NyStart-Next-Cursor, 400 problems. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform_test"))
class PagedResponseTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void following_link_rel_next_walks_every_page_with_the_filters_kept_and_the_last_page_has_no_link() {
        List<Integer> seen = new ArrayList<>();
        String target = "/probe/numbers?count=25&even=true&limit=4";
        int pages = 0;
        while (target != null) {
            Response response = given().when().get(target).then().statusCode(200).extract().response();
            seen.addAll(response.jsonPath().getList("$", Integer.class));
            String link = response.header("Link");
            if (link == null) {
                assertThat(response.header(PagedResponse.NEXT_CURSOR)).isNull();
                target = null;
            } else {
                Matcher m = NEXT.matcher(link);
                assertThat(m.matches()).as(link).isTrue();
                target = m.group(1);
                assertThat(target).startsWith("/probe/numbers?").contains("count=25").contains("even=true").contains("limit=4")
                        .endsWith("cursor=" + response.header(PagedResponse.NEXT_CURSOR));
            }
            pages++;
        }
        assertThat(seen).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void the_default_page_is_50_and_the_link_carries_limit_50() {
        Response response = given().when().get("/probe/numbers?count=120").then().statusCode(200).extract().response();
        assertThat(response.jsonPath().getList("$")).hasSize(50);
        assertThat(response.header("Link")).contains("limit=50").contains("count=120");
    }

    @Test
    void paging_limit_out_of_range_is_400_problem_naming_limit() {
        for (String bad : List.of("0", "-5", "501", "x")) {
            given().queryParam("count", 3).queryParam("limit", bad).when().get("/probe/numbers")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("violations[0].field", equalTo("limit"))
                    .body("violations[0].rule", equalTo("paging.limit"));
        }
    }

    @Test
    void paging_cursor_foreign_or_garbled_is_400_problem_naming_cursor() {
        String foreign = Cursor.after("another.sort", 3).encode();
        for (String bad : List.of(foreign, "garbage!", "eyJ")) {
            given().queryParam("count", 3).queryParam("cursor", bad).when().get("/probe/numbers")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("violations[0].field", equalTo("cursor"))
                    .body("violations[0].rule", equalTo("paging.cursor"));
        }
    }
}
