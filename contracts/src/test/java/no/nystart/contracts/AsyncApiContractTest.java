package no.nystart.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** contracts/asyncapi.yaml describes exactly the catalogue: topics, messages, schemas, headers, keys and producers. */
class AsyncApiContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonNode doc;

    @BeforeAll
    static void load() {
        doc = parse(ContractFiles.read(ContractFiles.ASYNCAPI));
    }

    static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every $ref in the document: internal ones must resolve to a node, external ones to an existing file. */
    static List<String> unresolvedRefs(JsonNode document, Path baseDir) {
        List<String> problems = new ArrayList<>();
        collectRefs(document, document, baseDir, "", problems);
        return problems;
    }

    private static void collectRefs(JsonNode root, JsonNode node, Path baseDir, String path, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    String ref = field.getValue().asText();
                    if (ref.startsWith("#")) {
                        String pointer = ref.substring(1).replace("~1", "/");
                        if (root.at(ref.substring(1)).isMissingNode()) {
                            problems.add(path + ": $ref " + ref + " does not resolve (" + pointer + ")");
                        }
                    } else if (!Files.isRegularFile(baseDir.resolve(ref.split("#")[0]).normalize())) {
                        problems.add(path + ": $ref " + ref + " names a missing file");
                    }
                } else {
                    collectRefs(root, field.getValue(), baseDir, path + "/" + field.getKey(), problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefs(root, node.get(i), baseDir, path + "[" + i + "]", problems);
            }
        }
    }

    @Test
    void isAsyncApi3WithLocalAndProductionServers() {
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertEquals("localhost:9092", doc.path("servers").path("local").path("host").asText());
        assertEquals("kafka", doc.path("servers").path("local").path("protocol").asText());
        assertTrue(doc.path("servers").has("production"));
        assertFalse(doc.path("servers").path("production").path("host").asText().isBlank());
    }

    @Test
    void everyRefResolves() {
        assertEquals(List.of(), unresolvedRefs(doc, ContractFiles.MODULE));
    }

    @Test
    void oneChannelPerTopicWithExactlyItsCatalogueMessages() {
        Map<String, Set<String>> expected = Topics.all().stream().collect(Collectors.toMap(t -> t,
                t -> EventCatalog.onTopic(t).stream().map(c -> NyStartEvent.typeOf(c).name())
                        .collect(Collectors.toCollection(TreeSet::new))));
        Map<String, Set<String>> actual = new java.util.HashMap<>();
        doc.path("channels").fields().forEachRemaining(channel -> {
            Set<String> messages = new TreeSet<>();
            channel.getValue().path("messages").fieldNames().forEachRemaining(messages::add);
            String address = channel.getValue().path("address").asText();
            assertEquals(address, channel.getValue().path("bindings").path("kafka").path("topic").asText(), address);
            if (actual.put(address, messages) != null) {
                throw new AssertionError("two channels for " + address);
            }
        });
        assertEquals(expected, actual);
    }

    @Test
    void everyChannelHasASendOperationNamingItsProducer() {
        Set<String> covered = new TreeSet<>();
        doc.path("operations").forEach(operation -> {
            assertEquals("send", operation.path("action").asText());
            String channelRef = operation.path("channel").path("$ref").asText();
            JsonNode channel = doc.at(channelRef.substring(1));
            String topic = channel.path("address").asText();
            assertEquals(Topics.producer(topic), operation.path("x-producer").asText(), topic);
            assertEquals(channel.path("messages").size(), operation.path("messages").size(), topic);
            covered.add(topic);
        });
        assertEquals(new TreeSet<>(Topics.all()), covered);
    }

    @Test
    void everyPayloadSchemaInTheDocumentIsACatalogueSchema() {
        Set<String> referenced = new TreeSet<>();
        doc.path("components").path("messages").forEach(message -> {
            String ref = message.path("payload").path("schema").path("$ref").asText();
            referenced.add(Path.of(ref).getFileName().toString());
        });
        Set<String> files = ContractFiles.schemaFiles(ContractFiles.SCHEMA_DIR).stream()
                .map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, referenced);
    }

    @TestFactory
    Stream<DynamicTest> everyCatalogueEventHasAMessageWithSchemaHeadersKeyAndProducer() {
        return EventCatalog.all().stream().map(eventClass -> DynamicTest.dynamicTest(eventClass.getSimpleName(), () -> {
            EventType type = NyStartEvent.typeOf(eventClass);
            JsonNode message = doc.path("components").path("messages").path(type.name());
            assertFalse(message.isMissingNode(), "no message " + type.name() + " in asyncapi.yaml");
            assertEquals("application/json", message.path("contentType").asText());
            assertEquals("application/schema+json;version=draft-2020-12", message.path("payload").path("schemaFormat").asText());
            String ref = message.path("payload").path("schema").path("$ref").asText();
            Path schemaFile = ContractFiles.MODULE.resolve(ref).normalize();
            assertEquals(ContractFiles.MODULE.resolve("src/main/resources").resolve(EventType.Attributes.schemaResource(type)),
                    schemaFile, "payload $ref");
            assertTrue(Files.isRegularFile(schemaFile), "missing schema file " + schemaFile);

            JsonNode headers = message.path("headers");
            Set<String> required = new TreeSet<>();
            headers.path("required").forEach(r -> required.add(r.asText()));
            assertEquals(new TreeSet<>(List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time",
                    "content-type", "ce_dataschema")), required);
            JsonNode properties = headers.path("properties");
            assertEquals(EventType.Attributes.ceType(type), properties.path("ce_type").path("const").asText());
            assertEquals(EventType.Attributes.source(type), properties.path("ce_source").path("const").asText());
            assertEquals(EventType.Attributes.dataSchema(type), properties.path("ce_dataschema").path("const").asText());
            assertEquals("application/json", properties.path("content-type").path("const").asText());
            assertEquals("date-time", properties.path("ce_time").path("format").asText());
            assertEquals(Topics.producer(type.topic()), message.path("x-producer").asText());

            // the key: personId (uuid) or kommunenummer, agreeing with key() on the schema's example
            JsonNode example = ContractFiles.schema(eventClass).path("examples").get(0);
            NyStartEvent event = EventJson.read(example.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), eventClass);
            JsonNode key = message.path("bindings").path("kafka").path("key");
            String keyField = message.path("x-key").asText();
            assertEquals(example.path(keyField).asText(), event.key(), "x-key " + keyField + " must be what key() returns");
            if (keyField.equals("personId")) {
                assertEquals("uuid", key.path("format").asText());
            } else {
                assertEquals("municipality", keyField);
                assertEquals("^[0-9]{4}$", key.path("pattern").asText());
            }

            // the message example: the schema's example with headers that match
            JsonNode messageExample = message.path("examples").get(0);
            assertEquals(example, messageExample.path("payload"), "message example payload must be the schema example");
            assertEquals(event.subject(), messageExample.path("headers").path("ce_subject").asText());
            assertEquals(EventType.Attributes.ceType(type), messageExample.path("headers").path("ce_type").asText());
        }));
    }

    // --- the checks must be able to fail ---

    @Test
    void detectsMissingFilesAndDanglingInternalRefs() {
        JsonNode broken = parse("""
                channels:
                  a:
                    messages:
                      M: {$ref: '#/components/messages/Missing'}
                components:
                  messages:
                    N:
                      payload: {schema: {$ref: './src/main/resources/schemas/v1/NoSuchEvent.schema.json'}}
                """);
        List<String> problems = unresolvedRefs(broken, ContractFiles.MODULE);
        assertEquals(2, problems.size(), problems.toString());
    }
}
