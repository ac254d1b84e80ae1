package no.nystart.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;

/**
 * The one serializer for NyStart events. The outbox writes every payload with {@link #write}, and
 * every consumer reads with {@link #read}; no service configures its own mapper for events.
 *
 * <p>Settings: dates and times as ISO-8601 strings ({@code 2026-09-01}, {@code 2026-09-01T08:30:00Z}),
 * never timestamps; {@code null} optional components are omitted; unknown properties are ignored on
 * read (so producers may add optional fields within v1); a required component (one without
 * {@link Nullable}) that is {@code null} on write, or absent or {@code null} on read, is an
 * {@link IllegalArgumentException} naming the field. Unknown enum values are rejected.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    /** The event as UTF-8 JSON, the payload ({@code data}) of its CloudEvent. */
    public static byte[] write(NyStartEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("event is null");
        }
        checkRequired(event, event.getClass().getSimpleName());
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + event.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a payload into {@code type} (an event record, or any type Jackson can bind). */
    public static <T> T read(byte[] json, Class<T> type) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("empty payload for " + type.getSimpleName());
        }
        checkPresent(tree, type, type.getSimpleName());
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a payload by its {@code ce_type} header, for consumers of several event types. */
    public static NyStartEvent read(byte[] json, String ceType) {
        Class<? extends NyStartEvent> type = EventCatalog.byCeType(ceType)
                .orElseThrow(() -> new IllegalArgumentException("unknown ce_type " + ceType));
        return read(json, type);
    }

    /** The event's JSON as a tree (for tests and tools). */
    public static JsonNode toTree(NyStartEvent event) {
        try {
            return MAPPER.readTree(write(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the configured mapper, for tools that need Jackson with exactly these settings. */
    public static ObjectMapper mapperCopy() {
        return MAPPER.copy();
    }

    /** Whether a record component is required (primitive, or not annotated {@link Nullable}). */
    public static boolean isRequired(RecordComponent component) {
        return component.getType().isPrimitive() || !component.isAnnotationPresent(Nullable.class);
    }

    private static void checkRequired(Object value, String path) {
        Class<?> type = value.getClass();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Object componentValue;
                try {
                    componentValue = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + path + "." + component.getName(), e);
                }
                String componentPath = path + "." + component.getName();
                if (componentValue == null) {
                    if (isRequired(component)) {
                        throw new IllegalArgumentException(componentPath + " is required but null");
                    }
                } else {
                    checkRequired(componentValue, componentPath);
                }
            }
        } else if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                if (element == null) {
                    throw new IllegalArgumentException(path + "[" + index + "] is null");
                }
                checkRequired(element, path + "[" + index + "]");
                index++;
            }
        }
    }

    private static void checkPresent(JsonNode node, Type type, String path) {
        if (type instanceof Class<?> cls && cls.isRecord()) {
            if (!node.isObject()) {
                throw new IllegalArgumentException(path + " must be a JSON object");
            }
            for (RecordComponent component : cls.getRecordComponents()) {
                JsonNode child = node.get(component.getName());
                String childPath = path + "." + component.getName();
                if (child == null || child.isNull()) {
                    if (isRequired(component)) {
                        throw new IllegalArgumentException(childPath + " is required but " + (child == null ? "absent" : "null"));
                    }
                } else {
                    checkPresent(child, component.getGenericType(), childPath);
                }
            }
        } else if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)
                && node.isArray()) {
            Type elementType = parameterized.getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    throw new IllegalArgumentException(path + "[" + i + "] is null");
                }
                checkPresent(node.get(i), elementType, path + "[" + i + "]");
            }
        }
    }
}
