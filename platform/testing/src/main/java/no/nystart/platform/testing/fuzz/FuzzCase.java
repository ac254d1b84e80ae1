package no.nystart.platform.testing.fuzz;

import java.util.Map;

/**
 * One request the fuzzer sends: an operation of the service's OpenAPI document with one thing broken.
 *
 * @param operation the operation ({@code POST /api/v1/cases/{id}/settlement})
 * @param kind      what was broken ({@code wrong-type}, {@code nul}, {@code param-format}, …; {@code baseline} for the
 *                  unbroken request)
 * @param target    the broken field of the body ({@code persons[0].birthDate}, {@code $} for the whole body) or the
 *                  broken parameter ({@code id})
 * @param where     {@code body}, {@code path} or {@code query}
 * @param mustRefuse whether the broken value can never be a valid request (a NUL in a text, a date that is a number),
 *                  as opposed to a value a field may accept (a long text, a large number)
 * @param pathValues the (encoded) text of each path parameter
 * @param query     the query string without {@code ?}, already encoded; empty for none
 * @param body      the body as sent, possibly invalid JSON; {@code null} for no body
 * @param number    the case's position in the run (with the seed it identifies the case)
 */
public record FuzzCase(OpenApiFuzzer.Operation operation, String kind, String target, String where, boolean mustRefuse,
        Map<String, String> pathValues, String query, String body, int number) {

    /** The path with its parameters filled in, and the query. */
    public String uri() {
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return query.isEmpty() ? path : path + "?" + query;
    }

    public boolean bodyMutation() {
        return "body".equals(where);
    }

    /** A line for a failure listing: case number, operation, kind, target and the body (shortened). */
    public String describe() {
        String shown = body == null ? "(no body)" : body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
        String uri = uri();
        if (uri.length() > 200) {
            uri = uri.substring(0, 200) + "…";
        }
        return "#" + number + " " + operation.method() + " " + uri + " [" + kind + " " + where + " " + target + "] body: "
                + shown.replace("\u0000", "\\u0000");
    }
}
