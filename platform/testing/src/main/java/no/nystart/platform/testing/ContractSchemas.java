package no.nystart.platform.testing;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;

/**
 * Validates event payloads against the JSON Schemas shipped in the contracts jar
 * ({@code schemas/v<version>/<name>.schema.json}): draft 2020-12 with format assertions enabled, so
 * {@code "format": "date"}, {@code "uuid"} and the like are checked, not only annotated. The parsed
 * schema of each event type is kept for the life of the class.
 */
public final class ContractSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<Class<? extends NyStartEvent>, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** The violations of {@code payload} (JSON text) against the schema of event {@code type}; empty when valid. */
    public static List<String> errors(Class<? extends NyStartEvent> type, String payload) {
        return SCHEMAS.computeIfAbsent(type, ContractSchemas::load).validate(payload, InputFormat.JSON).stream()
                .map(Object::toString).toList();
    }

    /** Fails with an {@link AssertionError} listing the violations when {@code payload} breaks the schema of {@code type}. */
    public static void assertValid(Class<? extends NyStartEvent> type, String payload) {
        List<String> errors = errors(type, payload);
        if (!errors.isEmpty()) {
            throw new AssertionError(type.getSimpleName() + " breaks its contract schema "
                    + EventType.Attributes.schemaResource(NyStartEvent.typeOf(type)) + ": " + errors + "\n" + payload);
        }
    }

    private static Schema load(Class<? extends NyStartEvent> type) {
        String resource = EventType.Attributes.schemaResource(NyStartEvent.typeOf(type));
        try (InputStream in = NyStartEvent.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("schema missing on the classpath (contracts jar): " + resource);
            }
            return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
