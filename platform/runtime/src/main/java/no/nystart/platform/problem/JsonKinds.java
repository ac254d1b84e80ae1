package no.nystart.platform.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.UUID;

/**
 * What a field of a request body expects, said in the words of JSON and of the API, not of Java: "a whole number",
 * "a date as a text (YYYY-MM-DD)", "an array". Used for the message of a {@code json.type} violation.
 */
final class JsonKinds {
    private JsonKinds() {
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class || type == Byte.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "a text";
        }
        if (type == LocalDate.class) {
            return "a date as a text (YYYY-MM-DD)";
        }
        if (type == LocalDateTime.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == Instant.class) {
            return "a date and time as a text (ISO 8601, e.g. 2026-09-01T08:00:00Z)";
        }
        if (type == YearMonth.class) {
            return "a month as a text (YYYY-MM)";
        }
        if (type == Year.class) {
            return "a year (YYYY)";
        }
        if (type == UUID.class) {
            return "a UUID as a text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "an object";
    }
}
