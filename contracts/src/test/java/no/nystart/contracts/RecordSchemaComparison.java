package no.nystart.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Compares a Java record with a JSON Schema object: the same property names, required exactly for the
 * non-{@link Nullable} components, and matching types (UUID/LocalDate/Instant as strings with their
 * format, enums with exactly the values Jackson writes, integers, booleans, lists and nested records).
 */
final class RecordSchemaComparison {

    private static final ObjectMapper EVENT_MAPPER = EventJson.mapperCopy();

    private RecordSchemaComparison() {
    }

    static List<String> differences(Class<?> recordClass, JsonNode objectSchema) {
        List<String> problems = new ArrayList<>();
        compareRecord(recordClass, objectSchema, recordClass.getSimpleName(), problems);
        return problems;
    }

    private static void compareRecord(Class<?> recordClass, JsonNode schema, String path, List<String> problems) {
        if (!recordClass.isRecord()) {
            problems.add(path + ": " + recordClass.getName() + " is not a record");
            return;
        }
        JsonNode properties = schema.path("properties");
        Set<String> componentNames = new LinkedHashSet<>();
        Set<String> requiredComponents = new TreeSet<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            componentNames.add(component.getName());
            if (EventJson.isRequired(component)) {
                requiredComponents.add(component.getName());
            }
        }
        Set<String> propertyNames = new LinkedHashSet<>();
        properties.fieldNames().forEachRemaining(propertyNames::add);
        if (!new TreeSet<>(componentNames).equals(new TreeSet<>(propertyNames))) {
            Set<String> onlyJava = new TreeSet<>(componentNames);
            onlyJava.removeAll(propertyNames);
            Set<String> onlySchema = new TreeSet<>(propertyNames);
            onlySchema.removeAll(componentNames);
            problems.add(path + ": components only in Java " + onlyJava + ", properties only in the schema " + onlySchema);
        }
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        if (!required.equals(requiredComponents)) {
            problems.add(path + ": schema requires " + required + " but the non-@Nullable components are " + requiredComponents);
        }
        for (RecordComponent component : recordClass.getRecordComponents()) {
            JsonNode property = properties.get(component.getName());
            if (property != null) {
                compareValue(component.getGenericType(), property, !EventJson.isRequired(component),
                        path + "." + component.getName(), problems);
            }
        }
    }

    private static void compareValue(Type type, JsonNode schema, boolean nullable, String path, List<String> problems) {
        Set<String> types = SchemaValidityTest.types(schema);
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        String expected = jsonType(raw);
        Set<String> expectedTypes = new TreeSet<>(List.of(expected));
        if (nullable) {
            expectedTypes.add("null");
        }
        if (!types.equals(expectedTypes)) {
            problems.add(path + ": schema type " + types + " but Java " + raw.getSimpleName()
                    + (nullable ? " (@Nullable)" : "") + " needs " + expectedTypes);
        }
        String format = schema.path("format").asText(null);
        String expectedFormat = raw == UUID.class ? "uuid"
                : raw == LocalDate.class ? "date"
                : (raw == Instant.class || raw == OffsetDateTime.class) ? "date-time" : null;
        if (expectedFormat != null && !expectedFormat.equals(format)) {
            problems.add(path + ": format must be " + expectedFormat + " for " + raw.getSimpleName() + ", is " + format);
        }
        if (expectedFormat == null && format != null && raw != String.class) {
            problems.add(path + ": unexpected format " + format);
        }
        if (raw.isEnum()) {
            Set<String> javaValues = new TreeSet<>();
            for (Object constant : raw.getEnumConstants()) {
                javaValues.add(EVENT_MAPPER.valueToTree(constant).asText());
            }
            Set<String> schemaValues = new TreeSet<>();
            boolean schemaHasNull = false;
            for (JsonNode value : schema.path("enum")) {
                if (value.isNull()) {
                    schemaHasNull = true;
                } else {
                    schemaValues.add(value.asText());
                }
            }
            if (!javaValues.equals(schemaValues)) {
                problems.add(path + ": enum " + schemaValues + " but " + raw.getSimpleName() + " writes " + javaValues);
            }
            if (schemaHasNull != nullable) {
                problems.add(path + ": enum must " + (nullable ? "" : "not ") + "list null");
            }
        } else if (schema.has("enum")) {
            problems.add(path + ": enum on a non-enum Java type " + raw.getSimpleName());
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            compareValue(element, schema.path("items"), false, path + "[]", problems);
        }
        if (raw.isRecord()) {
            compareRecord(raw, schema, path, problems);
        }
    }

    private static String jsonType(Class<?> raw) {
        if (raw == String.class || raw == UUID.class || raw == LocalDate.class || raw == Instant.class
                || raw == OffsetDateTime.class || raw.isEnum()) {
            return "string";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class) {
            return "integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return "array";
        }
        if (raw.isRecord() || Map.class.isAssignableFrom(raw)) {
            return "object";
        }
        return "unsupported Java type " + raw.getName() + " (floating point is not allowed)";
    }

    /** Every component name of a record, recursively through nested records and lists (for the privacy rule). */
    static List<String> componentNames(Class<?> recordClass) {
        List<String> names = new ArrayList<>();
        collect(recordClass, recordClass.getSimpleName(), names);
        return names;
    }

    private static void collect(Type type, String path, List<String> names) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                names.add(path + "." + component.getName());
                collect(component.getGenericType(), path + "." + component.getName(), names);
            }
        } else if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            collect(p.getActualTypeArguments()[0], path + "[]", names);
        }
    }

    static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.fields();
    }
}
