package no.nystart.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The privacy rule (docs/architecture.md, Events): no names, national identity numbers (fødselsnummer,
 * D-nummer), DUF numbers, addresses, phone numbers or e-mail in any event. Checked on every property
 * name of every schema, recursively, and on every component of every event record.
 */
class PrivacyRuleTest {

    /** Matched against the name lower-cased with everything but letters and digits removed. */
    private static final Map<String, Pattern> FORBIDDEN = Map.of(
            "a name", Pattern.compile("name|navn"),
            "a national identity number", Pattern.compile(
                    "f(o|ø|oe)dselsn|birthnumber|nationalid|identitynumber|idnumber|personnummer|personalnumber|ssn|fnr|dnummer|dnumber|dnr"),
            "a DUF number", Pattern.compile("duf"),
            "an address", Pattern.compile("address|adresse|street|gateadr|postcode|postalcode|postnummer|zip"),
            "a phone number", Pattern.compile("phone|telefon|mobil"),
            "an e-mail address", Pattern.compile("email|epost|mail"));

    static List<String> violations(String path, String name) {
        String normalized = name.toLowerCase().replaceAll("[^a-z0-9æøå]", "");
        List<String> found = new ArrayList<>();
        FORBIDDEN.forEach((what, pattern) -> {
            if (pattern.matcher(normalized).find()) {
                found.add(path + " looks like " + what);
            }
        });
        return found;
    }

    /** Every property name in a schema, through properties, items, $defs and combinators. */
    static List<String> schemaViolations(JsonNode schema, String path) {
        List<String> found = new ArrayList<>();
        walk(schema, path, found);
        return found;
    }

    private static void walk(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            for (String container : List.of("properties", "$defs", "definitions", "patternProperties")) {
                JsonNode properties = node.path(container);
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    found.addAll(violations(path + "/" + property.getKey(), property.getKey()));
                    walk(property.getValue(), path + "/" + property.getKey(), found);
                }
            }
            for (JsonNode required : node.path("required")) {
                found.addAll(violations(path + " required", required.asText()));
            }
            for (String child : List.of("items", "additionalProperties", "not", "if", "then", "else", "contains")) {
                if (node.has(child)) {
                    walk(node.get(child), path + "/" + child, found);
                }
            }
            for (String combinator : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
                int i = 0;
                for (JsonNode sub : node.path(combinator)) {
                    walk(sub, path + "/" + combinator + "[" + i++ + "]", found);
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> noSchemaHasAPersonalIdentifierProperty() {
        return Stream.concat(ContractFiles.schemaFiles(ContractFiles.SCHEMA_DIR).stream(),
                ContractFiles.schemaFiles(ContractFiles.BASELINE_DIR).stream()).map((Path file) -> DynamicTest.dynamicTest(
                file.getParent().getFileName() + "/" + ContractFiles.eventName(file), () -> assertEquals(List.of(),
                        schemaViolations(ContractFiles.parse(ContractFiles.read(file)), ContractFiles.eventName(file)))));
    }

    @Test
    void noEventRecordHasAPersonalIdentifierComponent() {
        List<String> found = new ArrayList<>();
        for (Class<? extends NyStartEvent> eventClass : EventCatalog.all()) {
            for (String path : RecordSchemaComparison.componentNames(eventClass)) {
                found.addAll(violations(path, path.substring(path.lastIndexOf('.') + 1)));
            }
        }
        assertEquals(List.of(), found);
    }

    // --- the rule must be able to fail ---

    @Test
    void detectsForbiddenNamesAtAnyDepth() {
        JsonNode schema = ContractFiles.parse("""
                {"type": "object", "properties": {
                  "personId": {"type": "string"},
                  "fodselsnummer": {"type": "string"},
                  "household": {"type": "object", "properties": {
                     "members": {"type": "array", "items": {"type": "object", "properties": {
                        "firstName": {"type": "string"}, "d_nummer": {"type": "string"}}}}}},
                  "contact": {"type": "object", "properties": {
                     "phoneNumber": {"type": "string"}, "eMail": {"type": "string"}, "streetAddress": {"type": "string"}}},
                  "dufNumber": {"type": "string"},
                  "fødselsnummer": {"type": "string"}}}
                """);
        String all = String.join("\n", schemaViolations(schema, "Test"));
        for (String expected : List.of("Test/fodselsnummer looks like a national identity number",
                "Test/household/members/items/firstName looks like a name",
                "Test/household/members/items/d_nummer looks like a national identity number",
                "Test/contact/phoneNumber looks like a phone number", "Test/contact/eMail looks like an e-mail address",
                "Test/contact/streetAddress looks like an address", "Test/dufNumber looks like a DUF number",
                "Test/fødselsnummer looks like a national identity number")) {
            assertTrue(all.contains(expected), expected + " not found in:\n" + all);
        }
    }

    @Test
    void allowsTheFieldsConsumersNeed() {
        for (String allowed : List.of("personId", "birthDate", "sex", "citizenship", "municipality", "hostMunicipality",
                "householdId", "county", "permitType", "causingEventId", "amountNok")) {
            assertEquals(List.of(), violations(allowed, allowed), allowed);
        }
    }
}
