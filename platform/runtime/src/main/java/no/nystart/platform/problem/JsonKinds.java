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
import java.util.Map;
import java.util.UUID;

/**
 * What a field of a request body expects, said in the words of JSON and of the API, not of Java: "a whole number",
 * "a date (YYYY-MM-DD)", "a list". Used for the message of a {@code json.type} violation.
 */
final class JsonKinds {
    private JsonKinds() {
    }

    static String expected(Class<?> type) {
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
            return "text";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == LocalDateTime.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == Instant.class) {
            return "a date and time (ISO 8601, e.g. 2026-09-01T08:00:00Z)";
        }
        if (type == YearMonth.class) {
            return "a month (YYYY-MM)";
        }
        if (type == Year.class) {
            return "a year (YYYY)";
        }
        if (type == UUID.class) {
            return "an identifier (a UUID, e.g. 3f2c8a4e-0b1d-4c9e-9a7f-5d6e7f8a9b0c)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.isPrimitive()) {
            return "an object";
        }
        return "a value of another type";
    }
}
