package no.nystart.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: where the contract files are, how to read them, and JSON Schema validation (draft 2020-12). */
final class ContractFiles {

    /** Surefire runs with the module directory ({@code contracts/}) as working directory. */
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path SCHEMA_DIR = MODULE.resolve("src/main/resources/schemas/v1");
    static final Path BASELINE_DIR = MODULE.resolve("baseline/v1");
    static final Path ASYNCAPI = MODULE.resolve("asyncapi.yaml");
    static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    static final ObjectMapper JSON = new ObjectMapper();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private ContractFiles() {
    }

    static String schemaResource(Class<? extends NyStartEvent> eventClass) {
        return EventType.Attributes.schemaResource(NyStartEvent.typeOf(eventClass));
    }

    /** The schema text of an event class, from the classpath (as the jar ships it). */
    static String schemaText(Class<? extends NyStartEvent> eventClass) {
        String resource = schemaResource(eventClass);
        try (InputStream in = ContractFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("schema missing on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode schema(Class<? extends NyStartEvent> eventClass) {
        return parse(schemaText(eventClass));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code *.schema.json} file in a directory, sorted. */
    static List<Path> schemaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String eventName(Path schemaFile) {
        return schemaFile.getFileName().toString().replace(".schema.json", "");
    }

    /** Errors of validating a schema document against the draft 2020-12 meta-schema; empty when valid. */
    static List<String> metaSchemaErrors(String schemaJson) {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));
        return messages(meta.validate(schemaJson, InputFormat.JSON));
    }

    /** Errors of validating an instance against a schema (formats asserted); empty when valid. */
    static List<String> validationErrors(String schemaJson, String instanceJson) {
        Schema schema = REGISTRY.getSchema(schemaJson, InputFormat.JSON);
        return messages(schema.validate(instanceJson, InputFormat.JSON));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
