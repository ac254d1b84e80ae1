package no.nystart.reception.api;

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
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;

/** Validates event payloads against the JSON Schemas shipped in the contracts jar (draft 2020-12, formats asserted). */
public final class ContractSchemas {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private ContractSchemas() {
    }

    /** Errors of validating {@code payload} against the schema of {@code type}; empty when valid. */
    public static List<String> errors(Class<? extends NyStartEvent> type, String payload) {
        String resource = EventType.Attributes.schemaResource(NyStartEvent.typeOf(type));
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("schema missing on the classpath: " + resource);
            }
            Schema schema = SCHEMAS.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            return schema.validate(payload, InputFormat.JSON).stream().map(Object::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
