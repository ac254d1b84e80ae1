package no.nystart.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates broken requests from a running service's OpenAPI document ({@code /q/openapi?format=json}, produced by
 * smallrye-openapi from the resources and request records). For every operation under {@code /api/} it builds a
 * baseline request (a body made from the schema, values the test gives by field name, path and query parameters),
 * then, one at a time:
 *
 * <ul>
 *   <li>for each field of the body: a wrong JSON type, {@code null}, the field left out (when required), an array
 *       instead of an object, numbers out of range or huge, a number where a date is expected, malformed dates, a
 *       text with NUL ({@code \u0000}) or a lone surrogate ({@code \ud800}), a very long text, an unknown enum value,
 *       the key given twice;</li>
 *   <li>for the whole body: {@code null}, an array, a scalar, no body, truncated and otherwise invalid JSON;</li>
 *   <li>for each path and query parameter: a text that is not of its type (not a UUID, not a number, a number out of
 *       range, an unknown enum value, a malformed date), a NUL, a very long text, a broken percent-encoding.</li>
 * </ul>
 *
 * Where a kind offers several values, a {@link Random} with a fixed seed ({@link #SEED}, or
 * {@code -Dnystart.fuzz.seed=…}) picks them, so a run is reproducible: the same document and seed give the same
 * cases in the same order, each with its number. {@link FuzzRun} sends them and checks the answers.
 */
public final class OpenApiFuzzer {
    /** The default seed: the day the suite was written. */
    public static final long SEED = 20261204L;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A text that stands for a raw JSON fragment in a serialized body, replaced after serialization. */
    private static final String MARK = "FUZZ-MARK-7f3a";
    private static final String DUP = "FUZZ-DUPLICATE-KEY-7f3a";
    static final int LONG_TEXT = 100_000;

    /** An operation of the document: method, path template, parameters, body schema (resolved), roles allowed. */
    public record Operation(String method, String path, List<Param> params, JsonNode body, List<String> roles) {
        public String name() {
            return method + " " + path;
        }
    }

    /** A path or query parameter with its (resolved) schema. */
    public record Param(String name, String in, JsonNode schema, boolean required) {
    }

    private final JsonNode document;
    private final long seed;
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Set<String> skipped = new LinkedHashSet<>();
    private final Set<String> omitted = new LinkedHashSet<>();
    private final Map<String, List<String>> crossFields = new LinkedHashMap<>();
    private Random random;
    private int number;
    /** The path template of the operation whose cases are being made. */
    private String currentPath = "";

    private OpenApiFuzzer(JsonNode document, long seed) {
        this.document = document;
        this.seed = seed;
    }

    /** Reads the OpenAPI document of the service under test (REST Assured's port, as {@code @QuarkusTest} sets it). */
    public static OpenApiFuzzer fromRunningService() {
        String text = RestAssured.given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        return of(text, Long.getLong("nystart.fuzz.seed", SEED));
    }

    public static OpenApiFuzzer of(String openApiJson, long seed) {
        try {
            return new OpenApiFuzzer(JSON.readTree(openApiJson), seed);
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI document in JSON", e);
        }
    }

    public long seed() {
        return seed;
    }

    /**
     * The value the baseline body gives a field, by its path ({@code persons[0].nationalId}) or its name
     * ({@code nationalId}); the path wins. Without one the value comes from the schema.
     */
    public OpenApiFuzzer value(String field, Object value) {
        values.put(field, JSON.valueToTree(value));
        return this;
    }

    /** The baseline value of a field in the bodies of one path template only (it wins over {@link #value(String, Object)}). */
    public OpenApiFuzzer value(String pathTemplate, String field, Object value) {
        values.put(pathTemplate + " " + field, JSON.valueToTree(value));
        return this;
    }

    /** Leaves an optional field (path or name) out of the baseline body; it is still broken one kind at a time. */
    public OpenApiFuzzer omit(String field) {
        omitted.add(field);
        return this;
    }

    /**
     * The value of a path or query parameter in the baseline request (unencoded). A query parameter without one is
     * left out of the baseline.
     */
    public OpenApiFuzzer param(String name, String value) {
        params.put(name, value);
        return this;
    }

    /** The value of a parameter in the operations of one path template only (it wins over {@link #param}). */
    public OpenApiFuzzer param(String pathTemplate, String name, String value) {
        params.put(pathTemplate + " " + name, value);
        return this;
    }

    /**
     * Declares that a violation of {@code field} (a rule across fields, e.g. "at least one criterion") names each of
     * {@code fields}: a 400 on it counts as naming them.
     */
    public OpenApiFuzzer crossField(String field, String... fields) {
        crossFields.put(field, List.of(fields));
        return this;
    }

    /** The cross-field rules declared with {@link #crossField}. */
    public Map<String, List<String>> crossFields() {
        return Map.copyOf(crossFields);
    }

    /** Leaves an operation ({@code "POST /api/v1/annual-runs/{year}"}) out of the run. */
    public OpenApiFuzzer skip(String operation) {
        skipped.add(operation);
        return this;
    }

    /** The operations under {@code /api/}, in the order of the document. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                String verb = method.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)
                        || skipped.contains(verb + " " + path.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<Param> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    if (Set.of("path", "query").contains(p.path("in").asText())) {
                        parameters.add(new Param(p.path("name").asText(), p.path("in").asText(), resolve(p.path("schema")),
                                p.path("required").asBoolean(false)));
                    }
                }
                JsonNode body = null;
                JsonNode content = op.path("requestBody").path("content");
                if (content.has("application/json")) {
                    body = resolve(content.path("application/json").path("schema"));
                }
                List<String> roles = new ArrayList<>();
                for (JsonNode requirement : op.path("security")) {
                    requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
                }
                operations.add(new Operation(verb, path.getKey(), List.copyOf(parameters), body, List.copyOf(roles)));
            }
        }
        return operations;
    }

    /** Every case of every operation, numbered from 1, the baseline of each operation first. */
    public Map<Operation, List<FuzzCase>> cases() {
        random = new Random(seed);
        number = 0;
        Map<Operation, List<FuzzCase>> all = new LinkedHashMap<>();
        for (Operation operation : operations()) {
            all.put(operation, cases(operation));
        }
        return all;
    }

    private List<FuzzCase> cases(Operation op) {
        currentPath = op.path();
        List<FuzzCase> cases = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        for (Param p : op.params()) {
            String given = params.getOrDefault(op.path() + " " + p.name(), params.get(p.name()));
            if ("path".equals(p.in())) {
                pathValues.put(p.name(), encode(given != null ? given : baselineParam(p)));
            } else if (given != null) {
                queryValues.put(p.name(), encode(given));
            }
        }
        String baseline = null;
        JsonNode baselineBody = null;
        if (op.body() != null) {
            baselineBody = example(op.body(), new ArrayList<>(), 0);
            baseline = write(baselineBody);
        }
        cases.add(new FuzzCase(op, "baseline", "-", "-", false, pathValues, query(queryValues), baseline, ++number));

        // the parameters
        for (Param p : op.params()) {
            for (String[] broken : brokenParams(p)) {
                Map<String, String> path = new LinkedHashMap<>(pathValues);
                Map<String, String> query = new LinkedHashMap<>(queryValues);
                (("path".equals(p.in())) ? path : query).put(p.name(), broken[1]);
                cases.add(new FuzzCase(op, broken[0], p.name(), p.in(), typed(p.schema()),
                        path, query(query), baseline, ++number));
            }
        }
        if (op.body() == null) {
            return cases;
        }
        String query = query(queryValues);
        // the whole body
        List<String[]> whole = new ArrayList<>();
        whole.add(new String[] {"null", "null"});
        whole.add(new String[] {"no-body", null});
        whole.add(new String[] {"wrong-type", pick("\"text\"", "42", "true")});
        if (baselineBody.isObject()) {
            whole.add(new String[] {"array-for-object", "[" + baseline + "]"});
        } else {
            whole.add(new String[] {"wrong-type", "{\"a\":1}"});
        }
        whole.add(new String[] {"truncated", baseline.substring(0, Math.max(1, baseline.length() / 2))});
        whole.add(new String[] {"invalid-json", pick("{\"a\":}", "{'single':'quotes'}", baseline + "}", "{\"a\":1,}", "\u00ff\u00fe")});
        whole.add(new String[] {"invalid-json", baseline.replaceFirst(":", "")});
        for (String[] w : whole) {
            cases.add(new FuzzCase(op, w[0], "$", "body", true, pathValues, query, w[1], ++number));
        }
        // each field
        for (Field field : fields(op.body(), baselineBody, new ArrayList<>())) {
            for (Broken b : brokenField(field)) {
                cases.add(new FuzzCase(op, b.kind, field.name(), "body", b.mustRefuse, pathValues, query,
                        b.text != null ? b.text : withValue(baselineBody, field, b.value, b.raw, b.missing), ++number));
            }
            if (field.parent != null && field.path.get(field.path.size() - 1) instanceof String key && field.parent.has(key)) {
                cases.add(new FuzzCase(op, "duplicate-key", field.name(), "body", true, pathValues, query,
                        duplicated(baselineBody, field, key), ++number));
            }
        }
        return cases;
    }

    // ---------------------------------------------------------------- the schema

    /** Follows {@code $ref}, {@code allOf}/{@code anyOf}/{@code oneOf} (first non-null) to a schema with a type. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int depth = 0; depth < 20 && s != null; depth++) {
            if (s.has("$ref")) {
                String ref = s.get("$ref").asText();
                JsonNode target = document.at(ref.substring(1));
                if (target.isMissingNode()) {
                    return NODES.objectNode();
                }
                if (s.size() > 1) {
                    ObjectNode merged = ((ObjectNode) target).deepCopy();
                    s.fields().forEachRemaining(e -> {
                        if (!"$ref".equals(e.getKey())) {
                            merged.set(e.getKey(), e.getValue());
                        }
                    });
                    s = merged;
                } else {
                    s = target;
                }
                continue;
            }
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                if (s.has(combinator) && !s.has("type") && !s.has("properties")) {
                    JsonNode chosen = null;
                    for (JsonNode option : s.get(combinator)) {
                        if (!"null".equals(option.path("type").asText())) {
                            chosen = option;
                            break;
                        }
                    }
                    s = chosen == null ? NODES.objectNode() : chosen;
                }
            }
            if (!s.has("$ref")) {
                return s;
            }
        }
        return s == null ? NODES.objectNode() : s;
    }

    /** The schema's JSON type (the first that is not "null"), "object" for one with properties. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "any";
    }

    private static String format(JsonNode schema) {
        return schema.path("format").asText("");
    }

    /** A parameter of a type with a text form that can be wrong (UUID, number, date, enum, boolean). */
    private static boolean typed(JsonNode schema) {
        String type = type(schema);
        return !"string".equals(type) || schema.has("enum") || Set.of("uuid", "date", "date-time").contains(format(schema));
    }

    // ---------------------------------------------------------------- the baseline

    private JsonNode example(JsonNode schema, List<Object> path, int depth) {
        JsonNode hint = hint(path);
        if (hint != null) {
            return hint;
        }
        schema = resolve(schema);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (type(schema)) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth > 6) {
                    return object;
                }
                Set<String> required = required(schema);
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    List<Object> child = new ArrayList<>(path);
                    child.add(property.getKey());
                    if (!required.contains(property.getKey()) && (omitted.contains(name(child)) || omitted.contains(property.getKey()))) {
                        continue;
                    }
                    object.set(property.getKey(), example(property.getValue(), child, depth + 1));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                List<Object> child = new ArrayList<>(path);
                child.add(0);
                array.add(example(schema.path("items"), child, depth + 1));
                return array;
            }
            case "integer": {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
                if (schema.has("maximum") && schema.get("maximum").asLong() < min) {
                    min = schema.get("maximum").asLong();
                }
                return NODES.numberNode(Math.max(min, schema.has("maximum") ? Math.min(1, schema.get("maximum").asLong()) : 1));
            }
            case "number":
                return NODES.numberNode(new java.math.BigDecimal("1.00"));
            case "boolean":
                return NODES.booleanNode(false);
            case "string": {
                String format = format(schema);
                if ("date".equals(format)) {
                    return NODES.textNode(LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(10).toString());
                }
                if ("date-time".equals(format)) {
                    return NODES.textNode("2026-01-05T10:00:00Z");
                }
                if ("uuid".equals(format)) {
                    return NODES.textNode(new UUID(random.nextLong(), random.nextLong()).toString());
                }
                int min = schema.path("minLength").asInt(1);
                return NODES.textNode("Fuzz" + "x".repeat(Math.max(0, min - 4)));
            }
            default:
                return NODES.textNode("fuzz");
        }
    }

    private JsonNode hint(List<Object> path) {
        if (path.isEmpty()) {
            return values.get("$");
        }
        String full = name(path);
        Object leaf = path.get(path.size() - 1);
        for (String key : new String[] {currentPath + " " + full, leaf instanceof String ? currentPath + " " + leaf : null}) {
            if (key != null && values.containsKey(key)) {
                return values.get(key).deepCopy();
            }
        }
        if (values.containsKey(full)) {
            return values.get(full).deepCopy();
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof String key && values.containsKey(key)) {
            return values.get(key).deepCopy();
        }
        return null;
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    private String baselineParam(Param p) {
        JsonNode schema = p.schema();
        if ("uuid".equals(format(schema))) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        switch (type(schema)) {
            case "integer":
                return String.valueOf(LocalDate.now(ZoneId.of("Europe/Oslo")).getYear());
            case "boolean":
                return "false";
            default:
                return "date".equals(format(schema)) ? LocalDate.now(ZoneId.of("Europe/Oslo")).toString() : "fuzz";
        }
    }

    // ---------------------------------------------------------------- the fields of a body

    /** A field (or array element) of the baseline body: its path, schema and whether its object requires it. */
    record Field(List<Object> path, JsonNode schema, boolean required, JsonNode parent) {
        String name() {
            return OpenApiFuzzer.name(path);
        }
    }

    private List<Field> fields(JsonNode schema, JsonNode value, List<Object> path) {
        List<Field> fields = new ArrayList<>();
        schema = resolve(schema);
        if (value == null) {
            return fields;
        }
        if (value.isObject()) {
            Set<String> required = required(schema);
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                List<Object> child = new ArrayList<>(path);
                child.add(property.getKey());
                JsonNode childSchema = resolve(property.getValue());
                fields.add(new Field(child, childSchema, required.contains(property.getKey()), value));
                fields.addAll(fields(childSchema, value.get(property.getKey()), child));
            }
            // a map (additionalProperties): each key the baseline gives is a field of the value schema
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject() && !schema.has("properties")) {
                JsonNode valueSchema = resolve(additional);
                for (Iterator<String> keys = value.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    List<Object> child = new ArrayList<>(path);
                    child.add(key);
                    fields.add(new Field(child, valueSchema, false, value));
                    fields.addAll(fields(valueSchema, value.get(key), child));
                }
            }
        } else if (value.isArray() && !value.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            JsonNode items = resolve(schema.path("items"));
            fields.add(new Field(child, items, true, value));
            fields.addAll(fields(items, value.get(0), child));
        }
        return fields;
    }

    /** One broken value of a field: a JSON value, or raw JSON text ({@code raw}), or the field left out. */
    private record Broken(String kind, JsonNode value, String raw, boolean missing, boolean mustRefuse, String text) {
        static Broken value(String kind, JsonNode value, boolean mustRefuse) {
            return new Broken(kind, value, null, false, mustRefuse, null);
        }

        static Broken raw(String kind, String raw, boolean mustRefuse) {
            return new Broken(kind, null, raw, false, mustRefuse, null);
        }
    }

    private List<Broken> brokenField(Field field) {
        List<Broken> broken = new ArrayList<>();
        JsonNode schema = field.schema();
        String type = type(schema);
        String format = format(schema);
        boolean element = field.path.get(field.path.size() - 1) instanceof Integer;
        broken.add(Broken.value("null", NODES.nullNode(), field.required()));
        if (!element) {
            if (field.required()) {
                broken.add(new Broken("missing", null, null, true, true, null));
            }
        }
        switch (type) {
            case "object":
                broken.add(Broken.raw("wrong-type", pick("\"text\"", "42", "true"), true));
                broken.add(Broken.raw("array-for-object", "[{}]", true));
                break;
            case "array":
                broken.add(Broken.raw("wrong-type", pick("{\"a\":1}", "\"text\"", "7"), true));
                break;
            case "integer": {
                broken.add(Broken.raw("wrong-type", pick("\"many\"", "{\"a\":1}", "[1]", "true"), true));
                List<String> huge = new ArrayList<>(List.of("2147483648", "-2147483649", "99999999999999999999999999",
                        "1e400"));
                if (schema.has("maximum")) {
                    huge.add(String.valueOf(schema.get("maximum").asLong() + 1));
                }
                if (schema.has("minimum")) {
                    huge.add(String.valueOf(schema.get("minimum").asLong() - 1));
                }
                for (String h : huge) {
                    boolean outside = schema.has("maximum") || schema.has("minimum") || !"int64".equals(format) && !h.equals("1e400");
                    broken.add(Broken.raw("number-range", h, outside));
                }
                break;
            }
            case "number":
                broken.add(Broken.raw("wrong-type", pick("\"many\"", "{\"a\":1}", "[1]"), true));
                for (String h : List.of("1e400", "-99999999999999999999999999999.99", "0.000000000000000000001")) {
                    broken.add(Broken.raw("number-range", h, schema.has("maximum") || schema.has("minimum")));
                }
                break;
            case "boolean":
                broken.add(Broken.raw("wrong-type", pick("\"maybe\"", "{\"a\":1}", "[true]"), true));
                break;
            case "string":
                if (schema.has("enum")) {
                    broken.add(Broken.raw("unknown-enum", "\"NOT_A_VALUE\"", true));
                    broken.add(Broken.raw("unknown-enum", pick("\"" + schema.get("enum").get(0).asText().toLowerCase(java.util.Locale.ROOT) + "x\"", "99", "\"\""), true));
                    broken.add(Broken.raw("wrong-type", pick("{\"a\":1}", "[\"" + schema.get("enum").get(0).asText() + "\"]"), true));
                } else if ("date".equals(format)) {
                    broken.add(Broken.raw("number-for-date", pick("20261204", "1733270400000", "-1"), true));
                    for (String bad : pickTwo("\"2026-02-30\"", "\"2026-13-01\"", "\"04.12.2026\"", "\"+12026-01-01\"", "\"\"", "\"2026-1-5\"")) {
                        broken.add(Broken.raw("malformed-date", bad, true));
                    }
                    broken.add(Broken.raw("wrong-type", "{\"year\":2026}", true));
                } else {
                    broken.add(Broken.raw("wrong-type", pick("{\"a\":1}", "[\"a\"]"), true));
                    broken.add(Broken.raw("nul", "\"ab\\u0000cd\"", true));
                    broken.add(Broken.raw("lone-surrogate", pick("\"ab\\ud800cd\"", "\"\\udc00\"", "\"x\\ud83d\""), true));
                    broken.add(Broken.raw("long-text", "\"" + "x".repeat(LONG_TEXT) + "\"", schema.has("maxLength")));
                    if (schema.has("maxLength") && schema.get("maxLength").asInt() < LONG_TEXT) {
                        broken.add(Broken.raw("long-text", "\"" + "y".repeat(schema.get("maxLength").asInt() + 1) + "\"", true));
                    }
                    if ("uuid".equals(format)) {
                        broken.add(Broken.raw("malformed-uuid", pick("\"not-a-uuid\"", "\"1-2-3-4-5\"", "\"3f2b1c9e8d4a4f6b9c1d2e5a7b8c9d0f0\""), true));
                    }
                }
                break;
            default:
                break;
        }
        return broken;
    }

    private List<String[]> brokenParams(Param p) {
        List<String[]> broken = new ArrayList<>();
        JsonNode schema = p.schema();
        String type = type(schema);
        if ("uuid".equals(format(schema))) {
            broken.add(new String[] {"param-format", "not-a-uuid"});
            broken.add(new String[] {"param-format", pick("12345", "1-2-3-4-5", "3f2b1c9e8d4a4f6b9c1d2e5a7b8c9d0f")});
        } else if (schema.has("enum")) {
            broken.add(new String[] {"param-format", "NOT_A_VALUE"});
            broken.add(new String[] {"param-format", encode(schema.get("enum").get(0).asText().toLowerCase(java.util.Locale.ROOT))});
        } else if ("integer".equals(type)) {
            broken.add(new String[] {"param-format", pick("abc", "12x", "1.5")});
            broken.add(new String[] {"param-format", pick("99999999999", "-99999999999999999999")});
        } else if ("boolean".equals(type)) {
            broken.add(new String[] {"param-format", "maybe"});
        } else if ("date".equals(format(schema))) {
            broken.add(new String[] {"param-format", pick("2026-02-30", "01.09.2026", "20260901")});
        } else {
            broken.add(new String[] {"text", pick("%20", "-1", "abc")});
        }
        broken.add(new String[] {"nul", "%00"});
        broken.add(new String[] {"long-text", "x".repeat(3000)});
        broken.add(new String[] {"percent-encoding", pick("%E2%82", "%C3%28", "%FF")});
        return broken;
    }

    // ---------------------------------------------------------------- writing bodies

    private String withValue(JsonNode baseline, Field field, JsonNode value, String raw, boolean missing) {
        JsonNode copy = baseline.deepCopy();
        JsonNode parent = navigate(copy, field.path.subList(0, field.path.size() - 1));
        Object last = field.path.get(field.path.size() - 1);
        JsonNode replacement = raw != null ? NODES.textNode(MARK) : value;
        if (parent instanceof ObjectNode object && last instanceof String key) {
            if (missing) {
                object.remove(key);
            } else {
                object.set(key, replacement);
            }
        } else if (parent instanceof ArrayNode array && last instanceof Integer index) {
            array.set(index, replacement);
        }
        String text = write(copy);
        return raw == null ? text : text.replace("\"" + MARK + "\"", raw);
    }

    private String duplicated(JsonNode baseline, Field field, String key) {
        JsonNode copy = baseline.deepCopy();
        ObjectNode parent = (ObjectNode) navigate(copy, field.path.subList(0, field.path.size() - 1));
        // the copy comes first, the original key second: the second occurrence is the one refused
        ObjectNode reordered = NODES.objectNode();
        JsonNode original = parent.get(key);
        reordered.set(DUP, original == null ? NODES.nullNode() : original.deepCopy());
        reordered.setAll(parent);
        parent.removeAll();
        parent.setAll(reordered);
        return write(copy).replace("\"" + DUP + "\"", "\"" + key + "\"");
    }

    private static JsonNode navigate(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    static String name(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(step);
            }
        }
        return name.length() == 0 ? "$" : name.toString();
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, String> values) {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(name)).append('=').append(value);
        });
        return query.toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private List<String> pickTwo(String... options) {
        int first = random.nextInt(options.length);
        int second = (first + 1 + random.nextInt(options.length - 1)) % options.length;
        return List.of(options[first], options[second]);
    }
}
