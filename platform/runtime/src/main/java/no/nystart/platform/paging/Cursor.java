package no.nystart.platform.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The position after the last item of a page: the name of the sort and the values of its key for that item,
 * e.g. sort {@code residents.registered} with key {@code [2024-03-01, 5b0e…]}. Encoded as URL-safe base64 (no
 * padding) of a small JSON object, so it can travel in a query string and a {@code Link} header as it is. It is
 * opaque to clients and not a secret: it holds only sort key values of an item the caller has just been shown.
 * A cursor that does not decode, or that belongs to another sort, is an {@link InvalidPageException}
 * ({@code paging.cursor}).
 */
public final class Cursor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENCODED_LENGTH = 2048;

    private final String sort;
    private final List<String> key;

    private Cursor(String sort, List<String> key) {
        this.sort = sort;
        this.key = List.copyOf(key);
    }

    /** The cursor after an item whose sort key is {@code key} (dates, UUIDs, numbers and text as their string form). */
    public static Cursor after(String sort, Object... key) {
        Objects.requireNonNull(sort, "sort");
        List<String> values = new ArrayList<>(key.length);
        for (Object value : key) {
            values.add(String.valueOf(Objects.requireNonNull(value, "a sort key value may not be null")));
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a cursor needs at least one key value");
        }
        return new Cursor(sort, values);
    }

    /**
     * Decodes a cursor a previous page returned for the sort {@code sort}, whose key has {@code arity} values.
     *
     * @throws InvalidPageException {@code paging.cursor} when it does not decode or belongs to another sort
     */
    public static Cursor decode(String encoded, String sort, int arity) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid("is not a cursor returned by this list");
        }
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(encoded));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid("is not a cursor returned by this list");
        }
        if (node == null || !node.isObject() || !node.path("s").isTextual() || !node.path("k").isArray()) {
            throw invalid("is not a cursor returned by this list");
        }
        if (!sort.equals(node.get("s").asText())) {
            throw invalid("belongs to another list or sort order");
        }
        List<String> key = new ArrayList<>();
        for (JsonNode value : node.get("k")) {
            if (!value.isTextual()) {
                throw invalid("is not a cursor returned by this list");
            }
            key.add(value.asText());
        }
        if (key.size() != arity) {
            throw invalid("belongs to another list or sort order");
        }
        return new Cursor(sort, key);
    }

    /** URL-safe base64 without padding; safe in a query string and inside {@code <…>} of a Link header. */
    public String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("s", sort);
        ArrayNode values = node.putArray("k");
        key.forEach(values::add);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sort() {
        return sort;
    }

    public String text(int index) {
        return key.get(index);
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(key.get(index));
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor returned by this list");
        }
    }

    public LocalDate date(int index) {
        try {
            return LocalDate.parse(key.get(index));
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid("is not a cursor returned by this list");
        }
    }

    public OffsetDateTime timestamp(int index) {
        try {
            return OffsetDateTime.parse(key.get(index));
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid("is not a cursor returned by this list");
        }
    }

    public long number(int index) {
        try {
            return Long.parseLong(key.get(index));
        } catch (NumberFormatException e) {
            throw invalid("is not a cursor returned by this list");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cursor c && c.sort.equals(sort) && c.key.equals(key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sort, key);
    }

    @Override
    public String toString() {
        return "Cursor[" + sort + " after " + key + "]";
    }

    private static InvalidPageException invalid(String message) {
        return new InvalidPageException("cursor", "paging.cursor", message + " (start again without cursor)");
    }
}
