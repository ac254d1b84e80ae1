package no.nystart.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Each Java event record and its JSON Schema describe the same payload, and every example round-trips. */
class RecordSchemaConsistencyTest {

    @TestFactory
    Stream<DynamicTest> recordAndSchemaAgree() {
        return EventCatalog.all().stream().map(eventClass -> DynamicTest.dynamicTest(eventClass.getSimpleName(),
                () -> assertEquals(List.of(), RecordSchemaComparison.differences(eventClass, ContractFiles.schema(eventClass)))));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRoundTripsThroughTheRecordAndEventJson() {
        return EventCatalog.all().stream().map(eventClass -> DynamicTest.dynamicTest(eventClass.getSimpleName(), () -> {
            String schemaText = ContractFiles.schemaText(eventClass);
            JsonNode examples = ContractFiles.parse(schemaText).path("examples");
            assertFalse(examples.isEmpty(), "no example");
            for (JsonNode example : examples) {
                NyStartEvent event = EventJson.read(example.toString().getBytes(StandardCharsets.UTF_8), eventClass);
                byte[] written = EventJson.write(event);
                String writtenText = new String(written, StandardCharsets.UTF_8);
                assertEquals(List.of(), ContractFiles.validationErrors(schemaText, writtenText),
                        "EventJson output does not validate against the schema");
                assertEquals(example, ContractFiles.parse(writtenText), "EventJson output differs from the example");
                String keyField = event.key().matches("[0-9]{4}") ? "municipality" : "personId";
                assertEquals(example.get(keyField).asText(), event.key(), "key() must be the " + keyField);
                assertEquals(event.key(), event.subject());
            }
        }));
    }

    // --- the comparison must be able to fail ---

    record Drifted(UUID personId, LocalDate settledOn, int householdSize, @Nullable String note) {
    }

    @Test
    void comparisonReportsMissingPropertiesWrongRequiredAndWrongTypes() {
        JsonNode schema = ContractFiles.parse("""
                {"type": "object", "required": ["personId", "settledOn", "note"],
                 "properties": {
                   "personId": {"type": "string"},
                   "settledOn": {"type": "string", "format": "date-time"},
                   "householdSize": {"type": "string"},
                   "extra": {"type": "string"}}}
                """);
        List<String> problems = RecordSchemaComparison.differences(Drifted.class, schema);
        String all = String.join("\n", problems);
        assertTrue(all.contains("components only in Java [note]") && all.contains("properties only in the schema [extra]"), all);
        assertTrue(all.contains("schema requires"), all);
        assertTrue(all.contains("Drifted.personId: format must be uuid"), all);
        assertTrue(all.contains("Drifted.settledOn: format must be date"), all);
        assertTrue(all.contains("Drifted.householdSize: schema type [string]"), all);
    }

    @Test
    void comparisonReportsEnumDrift() {
        JsonNode schema = ContractFiles.parse("""
                {"type": "object", "required": ["sex"],
                 "properties": {"sex": {"type": "string", "enum": ["FEMALE", "MALE", "OTHER"]}}}
                """);
        record WithSex(Sex sex) {
        }
        List<String> problems = RecordSchemaComparison.differences(WithSex.class, schema);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("enum"), problems.toString());
    }
}
