package no.nystart.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every item of a paged list endpoint (docs/architecture.md, "Paging") as a client should: the first page,
 * then each {@code Link rel="next"} until a page has none. For tests that look for their item in a list the
 * whole test suite fills.
 */
public final class TestPages {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    private TestPages() {
    }

    /** Every item of {@code path} (pages of 500 unless the path sets {@code limit}), read with {@code token}. */
    public static List<Map<String, Object>> all(String token, String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        String target = path.contains("limit=") ? path : path + (path.contains("?") ? "&" : "?") + "limit=500";
        for (int pages = 0; target != null; pages++) {
            if (pages > 10_000) {
                throw new AssertionError("more than 10,000 pages from " + path + ": the next links do not end");
            }
            Response page = given().auth().oauth2(token).when().get(target).then().statusCode(200).extract().response();
            items.addAll(page.jsonPath().getList("$"));
            String link = page.header("Link");
            if (link == null) {
                target = null;
            } else {
                Matcher m = NEXT.matcher(link);
                if (!m.find()) {
                    throw new AssertionError("a Link header without rel=\"next\": " + link);
                }
                target = m.group(1);
            }
        }
        return items;
    }

    /** One field of every item, e.g. {@code values(token, "/api/v1/cases?status=READY", "personId")}. */
    public static List<Object> values(String token, String path, String field) {
        return all(token, path).stream().map(item -> item.get(field)).toList();
    }
}
