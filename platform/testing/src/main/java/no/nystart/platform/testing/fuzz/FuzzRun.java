package no.nystart.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Sends the cases of an {@link OpenApiFuzzer} to the service under test and checks every answer:
 *
 * <ol>
 *   <li>the status is below 500;</li>
 *   <li>a 4xx is {@code application/problem+json} with its status in the body and no Java class or exception name;</li>
 *   <li>a 400 or 422 to a broken body field or parameter names it in {@code violations[].field} (the field itself, an
 *       enclosing object or a field inside it); a 400 to a broken whole body names some field. An answer that names
 *       other fields only passes when the unbroken request, sent right after as a control, is refused the same way
 *       (the broken value was accepted, something else was not);</li>
 *   <li>a value that can never be valid (a NUL, a date that is a number, an unknown enum value, a parameter that is not
 *       of its type) is refused, not answered 2xx; a path or query parameter that is not of its type is refused with
 *       400 (not the bare 404 JAX-RS answers);</li>
 *   <li>no partial write: after a 4xx the row count of every table ({@link TableCounts}), the outbox included, is what
 *       it was before the request.</li>
 * </ol>
 *
 * {@link #tests()} makes one dynamic test per operation and kind of breakage, named after both, whose failure lists each
 * failing case with its number, request and answer; a last test prints the figures (requests, answers by status).
 */
public final class FuzzRun {
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|com\\.fasterxml|org\\.(?:hibernate|jboss|postgresql|eclipse)|io\\.(?:quarkus|vertx|smallrye|netty)|no\\.nystart)\\.[a-z]"
                    + "|\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b|\\bat [a-z]+\\.[a-z]+\\.");

    private final String service;
    private final OpenApiFuzzer fuzzer;
    private final Function<List<String>, String> tokens;
    private final Supplier<Map<String, Long>> counts;
    private final Map<String, Map<Integer, Integer>> statusesByOperation = new LinkedHashMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<String, String> baselines = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int controls;
    private int refusedElsewhere;
    private Map<String, Long> current;

    /**
     * @param service a name for the printed figures
     * @param tokens  a signed token for the roles an operation allows ({@code security} of the document; empty for none)
     * @param counts  the row counts of the service's tables
     */
    public FuzzRun(String service, OpenApiFuzzer fuzzer, Function<List<String>, String> tokens, Supplier<Map<String, Long>> counts) {
        this.service = service;
        this.fuzzer = fuzzer;
        this.tokens = tokens;
        this.counts = counts;
    }

    /** One container per operation, in it one test per kind of breakage; then the figures. */
    public Stream<DynamicNode> tests() {
        Map<OpenApiFuzzer.Operation, List<FuzzCase>> all = fuzzer.cases();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Map.Entry<OpenApiFuzzer.Operation, List<FuzzCase>> entry : all.entrySet()) {
            OpenApiFuzzer.Operation operation = entry.getKey();
            Map<String, List<FuzzCase>> byKind = new LinkedHashMap<>();
            for (FuzzCase c : entry.getValue()) {
                byKind.computeIfAbsent(c.kind() + ("baseline".equals(c.kind()) ? "" : " (" + c.where() + ")"), k -> new ArrayList<>()).add(c);
            }
            FuzzCase baseline = entry.getValue().get(0);
            List<DynamicTest> tests = new ArrayList<>();
            byKind.forEach((kind, cases) -> tests.add(DynamicTest.dynamicTest(operation.name() + " · " + kind + " · " + cases.size()
                    + " request" + (cases.size() == 1 ? "" : "s"), () -> runAll(cases, baseline))));
            nodes.add(DynamicContainer.dynamicContainer(operation.name(), tests));
        }
        nodes.add(DynamicTest.dynamicTest("figures of " + service, this::report));
        return nodes.stream();
    }

    private void runAll(List<FuzzCase> cases, FuzzCase baseline) {
        List<String> found = new ArrayList<>();
        for (FuzzCase c : cases) {
            found.addAll(run(c, baseline));
        }
        failures.addAll(found);
        if (!found.isEmpty()) {
            StringBuilder message = new StringBuilder(found.size() + " of " + cases.size() + " requests failed (seed "
                    + fuzzer.seed() + "):");
            found.stream().limit(25).forEach(f -> message.append("\n  ").append(f));
            if (found.size() > 25) {
                message.append("\n  … and ").append(found.size() - 25).append(" more");
            }
            throw new AssertionError(message.toString());
        }
    }

    /** The answer of one request. */
    record Answer(int status, String contentType, String body, JsonNode json) {
        Set<String> fields() {
            Set<String> fields = new LinkedHashSet<>();
            if (json != null) {
                json.path("violations").forEach(v -> fields.add(v.path("field").asText()));
            }
            return fields;
        }

        String shown() {
            String text = body.length() > 400 ? body.substring(0, 400) + "…" : body;
            return status + " " + contentType + " " + text.replace("\u0000", "\\u0000");
        }
    }

    private Answer send(FuzzCase c) {
        RequestSpecification request = RestAssured.given().urlEncodingEnabled(false);
        // a token with the roles the operation allows (none for one any signed-in caller may use)
        request.auth().oauth2(tokens.apply(c.operation().roles()));
        if (c.operation().body() != null) {
            request.contentType("application/json");
            if (c.body() != null) {
                request.body(c.body().getBytes(StandardCharsets.UTF_8));
            }
        }
        Response response = request.when().request(c.operation().method(), c.uri());
        requests++;
        statuses.merge(response.statusCode(), 1, Integer::sum);
        statusesByOperation.computeIfAbsent(c.operation().name(), k -> new TreeMap<>()).merge(response.statusCode(), 1, Integer::sum);
        String body = response.asString();
        JsonNode json = null;
        String type = Objects.toString(response.contentType(), "");
        if (type.startsWith("application/problem+json") || type.startsWith("application/json")) {
            try {
                json = OpenApiFuzzer.JSON.readTree(body);
            } catch (Exception e) {
                json = null;
            }
        }
        return new Answer(response.statusCode(), type, body, json);
    }

    private List<String> run(FuzzCase c, FuzzCase baseline) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> before = current == null ? counts.get() : current;
        Answer answer = send(c);
        Map<String, Long> after = counts.get();
        current = after;
        if ("baseline".equals(c.kind())) {
            baselines.put(c.operation().name(), answer.status() < 400 ? String.valueOf(answer.status())
                    : answer.status() + " " + answer.fields() + " " + (answer.json() == null ? "" : answer.json().path("detail").asText()));
        }
        String where = c.describe() + "\n      → " + answer.shown();
        if (answer.status() >= 500) {
            problems.add("5xx: " + where);
            return problems;
        }
        if (answer.status() >= 400) {
            if (!answer.contentType().startsWith("application/problem+json") || answer.json() == null) {
                problems.add("4xx not application/problem+json: " + where);
            } else if (answer.json().path("status").asInt() != answer.status()) {
                problems.add("problem status differs from the HTTP status: " + where);
            }
            if (JAVA_NAME.matcher(answer.body()).find()) {
                problems.add("Java name in the answer: " + where);
            }
            if (!before.equals(after)) {
                problems.add("partial write after " + answer.status() + " (" + changed(before, after) + "): " + where);
            }
            // a path or query parameter that is not of its type (not a UUID, not a number, …) is 400 naming it, not the
            // bare 404 JAX-RS gives when it cannot convert one
            if (!c.bodyMutation() && !"baseline".equals(c.kind()) && c.mustRefuse() && answer.status() != 400) {
                problems.add("malformed " + c.where() + " parameter '" + c.target() + "' answered " + answer.status()
                        + ", not 400 naming it: " + where);
            }
            if ((answer.status() == 400 || answer.status() == 422) && !"baseline".equals(c.kind()) && !names(answer, c)) {
                Answer control = control(baseline, c);
                if (control.status() == answer.status() && control.fields().containsAll(answer.fields()) && !answer.fields().isEmpty()) {
                    refusedElsewhere++;
                } else {
                    problems.add("4xx does not name " + c.where() + " '" + c.target() + "' (control without the breakage: "
                            + control.status() + " " + control.fields() + "): " + where);
                }
            }
        } else if (c.mustRefuse()) {
            problems.add("accepted (" + answer.status() + ") a value that is never valid: " + where);
        }
        return problems;
    }

    /** Sends the request without the breakage (the baseline body, the parameters of the case otherwise). */
    private Answer control(FuzzCase baseline, FuzzCase c) {
        controls++;
        Answer answer = send(baseline);
        current = counts.get();
        return answer;
    }

    private boolean names(Answer answer, FuzzCase c) {
        Set<String> fields = new LinkedHashSet<>(answer.fields());
        for (String field : answer.fields()) {
            fields.addAll(fuzzer.crossFields().getOrDefault(field, List.of()));
        }
        if ("$".equals(c.target())) {
            return fields.stream().anyMatch(f -> !f.isBlank());
        }
        String target = c.target();
        for (String field : fields) {
            if (field.equals(target)) {
                return true;
            }
            if (c.bodyMutation() && (target.startsWith(field + ".") || target.startsWith(field + "[")
                    || field.startsWith(target + ".") || field.startsWith(target + "["))) {
                return true;
            }
        }
        return false;
    }

    private static String changed(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, n) -> {
            if (!n.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + "→" + n);
            }
        });
        return String.join(", ", changed);
    }

    private void report() {
        StringBuilder text = new StringBuilder();
        text.append("FUZZ ").append(service).append(": seed ").append(fuzzer.seed()).append(", ").append(requests)
                .append(" requests (").append(controls).append(" controls), by status ").append(statuses)
                .append(", refused for another field as the unbroken request ").append(refusedElsewhere)
                .append(", failures ").append(failures.size()).append('\n');
        statusesByOperation.forEach((operation, byStatus) -> text.append("FUZZ ").append(service).append("   ").append(operation)
                .append(": baseline ").append(baselines.get(operation)).append(", ").append(byStatus).append('\n'));
        System.out.print(text);
        if (requests == 0) {
            throw new AssertionError("no request was sent");
        }
        if (statuses.keySet().stream().noneMatch(s -> s < 300)) {
            throw new AssertionError("no request was accepted: the baselines do not reach the service's rules");
        }
    }

    /** The figures so far: requests by status. */
    public Map<Integer, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    public int requests() {
        return requests;
    }
}
