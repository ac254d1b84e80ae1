package no.nystart.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every schema file is valid draft 2020-12, follows the house style, and its examples validate. */
class SchemaValidityTest {

    private static final Set<String> FORMATS = Set.of("uuid", "date", "date-time", "uri");
    private static final Set<String> ROOT_KEYWORDS = Set.of("$schema", "$id", "title", "description", "type",
            "required", "properties", "examples");
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("description", "type", "format", "pattern", "enum",
            "minimum", "maximum", "minLength", "maxLength", "items", "required", "properties", "minItems");

    @TestFactory
    Stream<DynamicTest> everySchemaIsValidDraft202012() {
        return ContractFiles.schemaFiles(ContractFiles.SCHEMA_DIR).stream().map(file -> DynamicTest.dynamicTest(
                ContractFiles.eventName(file), () -> {
                    List<String> errors = ContractFiles.metaSchemaErrors(ContractFiles.read(file));
                    assertEquals(List.of(), errors, file + " is not a valid draft 2020-12 schema");
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleValidatesAgainstItsSchema() {
        return ContractFiles.schemaFiles(ContractFiles.SCHEMA_DIR).stream().map(file -> DynamicTest.dynamicTest(
                ContractFiles.eventName(file), () -> {
                    String text = ContractFiles.read(file);
                    JsonNode examples = ContractFiles.parse(text).path("examples");
                    assertTrue(examples.isArray() && examples.size() >= 1, file + " needs at least one example");
                    for (JsonNode example : examples) {
                        assertEquals(List.of(), ContractFiles.validationErrors(text, example.toString()),
                                "example of " + file.getFileName() + " does not validate");
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everySchemaFollowsTheHouseStyle() {
        return ContractFiles.schemaFiles(ContractFiles.SCHEMA_DIR).stream().map(file -> DynamicTest.dynamicTest(
                ContractFiles.eventName(file), () -> assertEquals(List.of(), styleProblems(file))));
    }

    static List<String> styleProblems(Path file) {
        String name = ContractFiles.eventName(file);
        JsonNode root = ContractFiles.parse(ContractFiles.read(file));
        List<String> problems = new ArrayList<>();
        if (!ContractFiles.META_SCHEMA.equals(root.path("$schema").asText())) {
            problems.add("$schema must be " + ContractFiles.META_SCHEMA);
        }
        if (!(EventType.Attributes.SCHEMA_BASE + "v1/" + name + ".schema.json").equals(root.path("$id").asText())) {
            problems.add("$id must be the ce_dataschema of " + name);
        }
        if (!name.equals(root.path("title").asText())) {
            problems.add("title must be " + name);
        }
        if (!"object".equals(root.path("type").asText())) {
            problems.add("root type must be object");
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!ROOT_KEYWORDS.contains(k)) {
                problems.add("unexpected root keyword '" + k + "' (typo? additionalProperties is not used, see docs/events.md)");
            }
        });
        checkObject(root, "", problems, true);
        return problems;
    }

    private static void checkObject(JsonNode object, String path, List<String> problems, boolean root) {
        if (object.path("description").asText().isBlank()) {
            problems.add(path + ": description missing");
        }
        if (!object.has("required") || !object.get("required").isArray()) {
            problems.add(path + ": required list missing");
        }
        JsonNode properties = object.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            problems.add(path + ": properties missing");
            return;
        }
        for (JsonNode required : object.path("required")) {
            if (!properties.has(required.asText())) {
                problems.add(path + ": required '" + required.asText() + "' is not a property");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            checkProperty(property.getKey(), property.getValue(), path + "/" + property.getKey(), problems);
        }
    }

    private static void checkProperty(String name, JsonNode schema, String path, List<String> problems) {
        schema.fieldNames().forEachRemaining(k -> {
            if (!PROPERTY_KEYWORDS.contains(k)) {
                problems.add(path + ": unexpected keyword '" + k + "'");
            }
        });
        if (schema.path("description").asText().isBlank()) {
            problems.add(path + ": description missing");
        }
        Set<String> types = types(schema);
        if (types.isEmpty()) {
            problems.add(path + ": type missing");
        }
        if (types.contains("number")) {
            problems.add(path + ": type number is not allowed (money and counts are integers)");
        }
        if (schema.has("format") && !FORMATS.contains(schema.get("format").asText())) {
            problems.add(path + ": unknown format " + schema.get("format"));
        }
        String lower = name.toLowerCase();
        if ((lower.contains("amount") || lower.contains("kroner") || name.endsWith("Nok") || name.endsWith("Ore"))
                && !(types.contains("integer") && (name.endsWith("Nok") || name.endsWith("Ore")))) {
            problems.add(path + ": money must be an integer with its unit in the name (…Nok or …Ore)");
        }
        if (types.contains("array")) {
            if (!schema.has("items")) {
                problems.add(path + ": array without items");
            } else {
                JsonNode items = schema.get("items");
                if (types(items).contains("object")) {
                    checkObject(items, path + "[]", problems, false);
                } else if (types(items).isEmpty()) {
                    problems.add(path + "[]: items without type");
                }
            }
        }
        if (types.contains("object")) {
            checkObject(schema, path, problems, false);
        }
    }

    static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new java.util.TreeSet<>();
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    // --- the checks above must be able to fail ---

    @Test
    void metaSchemaValidationRejectsABrokenSchema() {
        String broken = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\","
                + " \"required\": \"personId\", \"properties\": {\"personId\": {\"type\": \"uuid-string\"}}}";
        assertFalse(ContractFiles.metaSchemaErrors(broken).isEmpty(), "a required that is not an array and an unknown type must fail");
    }

    @Test
    void formatsAreAssertedSoABadUuidOrDateFailsValidation() {
        String schema = ContractFiles.schemaText(no.nystart.contracts.settlement.PersonSettled.class);
        JsonNode example = ContractFiles.parse(schema).path("examples").get(0);
        String badUuid = example.toString().replace(example.get("personId").asText(), "not-a-uuid");
        String badDate = example.toString().replace("\"settledOn\":\"2026-09-01\"", "\"settledOn\":\"2026-13-45\"");
        assertFalse(ContractFiles.validationErrors(schema, badUuid).isEmpty(), "format uuid must be asserted");
        assertFalse(ContractFiles.validationErrors(schema, badDate).isEmpty(), "format date must be asserted");
        String missingRequired = example.toString().replace("\"municipality\":\"4601\",", "");
        assertFalse(ContractFiles.validationErrors(schema, missingRequired).isEmpty(), "a missing required property must fail");
        String badEnum = example.toString().replace("\"BY_AGREEMENT\"", "\"BY_LOTTERY\"");
        assertFalse(ContractFiles.validationErrors(schema, badEnum).isEmpty(), "an unknown enum value must fail");
    }

    @Test
    void unknownPropertiesAreAllowedForForwardCompatibility() {
        String schema = ContractFiles.schemaText(no.nystart.contracts.settlement.PersonSettled.class);
        JsonNode example = ContractFiles.parse(schema).path("examples").get(0);
        String withExtra = example.toString().replaceFirst("\\{", "{\"addedInALaterMinorVersion\":42,");
        assertEquals(List.of(), ContractFiles.validationErrors(schema, withExtra));
    }
}
