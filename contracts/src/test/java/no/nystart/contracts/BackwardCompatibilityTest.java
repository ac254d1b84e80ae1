package no.nystart.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The current v1 schemas are backward compatible with the committed baseline of the released v1 schemas. */
class BackwardCompatibilityTest {

    /**
     * Additive v1 event types added since the last release. They have no baseline copy yet: baseline/README.md says the
     * baseline is updated in its own commit only after the release (copy the schema, then remove the name here).
     */
    private static final Set<String> NOT_YET_RELEASED = Set.of("SettlementCaseClosed");

    @Test
    void theBaselineCoversTheWholeCatalogue() {
        Set<String> baseline = ContractFiles.schemaFiles(ContractFiles.BASELINE_DIR).stream()
                .map(ContractFiles::eventName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> released = EventCatalog.all().stream().map(c -> NyStartEvent.typeOf(c).name())
                .filter(name -> !NOT_YET_RELEASED.contains(name)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(released, baseline, "every released v1 schema has a baseline copy");
        for (String name : NOT_YET_RELEASED) {
            assertTrue(EventCatalog.byName(name).isPresent(), "not-yet-released type " + name + " is not in the catalogue");
            assertFalse(baseline.contains(name), name + " has a baseline copy; remove it from NOT_YET_RELEASED");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyReleasedSchemaIsStillCompatible() {
        return ContractFiles.schemaFiles(ContractFiles.BASELINE_DIR).stream().map(baselineFile -> DynamicTest.dynamicTest(
                ContractFiles.eventName(baselineFile), () -> {
                    Path current = ContractFiles.SCHEMA_DIR.resolve(baselineFile.getFileName());
                    assertTrue(Files.exists(current), "released schema removed: " + baselineFile.getFileName()
                            + " (a breaking change needs a v2 type; keep v1 for its deprecation period)");
                    JsonNode base = ContractFiles.parse(ContractFiles.read(baselineFile));
                    JsonNode now = ContractFiles.parse(ContractFiles.read(current));
                    assertEquals(base.path("$id"), now.path("$id"), "$id changed");
                    assertEquals(List.of(), SchemaCompatibility.breakingChanges(base, now));
                }));
    }

    // --- the comparison must be able to fail, one rule at a time ---

    private static final String BASE = """
            {"type": "object", "required": ["personId", "sex"],
             "properties": {
               "personId": {"type": "string", "format": "uuid"},
               "sex": {"type": "string", "enum": ["FEMALE", "MALE"]},
               "municipality": {"type": "string", "pattern": "^[0-9]{4}$"},
               "size": {"type": "integer", "minimum": 1},
               "lines": {"type": "array", "items": {"type": "object", "required": ["code"],
                         "properties": {"code": {"type": "string"}, "amountNok": {"type": "integer"}}}}}}
            """;

    private static List<String> changesTo(String from, String to) {
        String changed = BASE.replace(from, to);
        assertFalse(changed.equals(BASE), "test setup: '" + from + "' not found");
        return SchemaCompatibility.breakingChanges(ContractFiles.parse(BASE), ContractFiles.parse(changed));
    }

    private static void assertBreaking(String from, String to, String expectedFragment) {
        List<String> problems = changesTo(from, to);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expectedFragment)), expectedFragment + " not in " + problems);
    }

    @Test
    void identicalSchemasAreCompatible() {
        assertEquals(List.of(), SchemaCompatibility.breakingChanges(ContractFiles.parse(BASE), ContractFiles.parse(BASE)));
    }

    @Test
    void removedOrRenamedPropertyBreaks() {
        assertBreaking("\"municipality\": {", "\"kommune\": {", "property 'municipality' removed or renamed");
    }

    @Test
    void changedTypeBreaks() {
        assertBreaking("\"size\": {\"type\": \"integer\"", "\"size\": {\"type\": \"string\"", "type changed");
    }

    @Test
    void changedFormatOrPatternBreaks() {
        assertBreaking("\"format\": \"uuid\"", "\"format\": \"date\"", "format changed");
        assertBreaking("^[0-9]{4}$", "^[0-9]{5}$", "pattern changed");
    }

    @Test
    void newlyRequiredPropertyBreaksAlsoWhenNested() {
        assertBreaking("\"required\": [\"personId\", \"sex\"]", "\"required\": [\"personId\", \"sex\", \"municipality\"]",
                "'municipality' newly required");
        assertBreaking("\"required\": [\"code\"]", "\"required\": [\"code\", \"amountNok\"]", "'amountNok' newly required");
    }

    @Test
    void narrowedEnumOrBoundBreaks() {
        assertBreaking("[\"FEMALE\", \"MALE\"]", "[\"FEMALE\"]", "enum value \"MALE\" removed");
        assertBreaking("\"minimum\": 1", "\"minimum\": 2", "minimum narrowed");
    }

    @Test
    void nestedRemovalAndClosingTheObjectBreak() {
        assertBreaking("\"amountNok\": {\"type\": \"integer\"}", "\"amountOre\": {\"type\": \"integer\"}",
                "lines[]: property 'amountNok' removed");
        assertBreaking("{\"type\": \"object\", \"required\": [\"personId\"",
                "{\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"personId\"",
                "additionalProperties: false added");
    }

    @Test
    void additiveChangesAreCompatible() {
        assertEquals(List.of(), changesTo("\"size\": {", "\"addedOptional\": {\"type\": \"string\"}, \"size\": {"));
        assertEquals(List.of(), changesTo("[\"FEMALE\", \"MALE\"]", "[\"FEMALE\", \"MALE\", \"UNKNOWN\"]"));
        assertEquals(List.of(), changesTo("\"size\": {\"type\": \"integer\"", "\"size\": {\"type\": [\"integer\", \"null\"]"));
        assertEquals(List.of(), changesTo("\"required\": [\"personId\", \"sex\"]", "\"required\": [\"personId\"]"));
    }
}
