package no.nystart.platform.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Converts the path and query parameters of every endpoint (UUID, int/Integer, long/Long, boolean/Boolean, LocalDate,
 * YearMonth, enums) and refuses a text that is not a value of the type with {@link ParamFormatException}: 400
 * problem+json naming the parameter, rule {@code param.format}. Without it JAX-RS answers an unconvertible path or
 * query parameter with a bare 404 that names nothing (found by the OpenAPI fuzz suite, docs/reliability.md).
 */
@Provider
public class ParamFormats implements ParamConverterProvider {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        Function<String, ?> parse;
        if (rawType == UUID.class) {
            parse = text -> uuid(name, text);
        } else if (rawType == Integer.class || rawType == int.class) {
            parse = text -> (int) integer(name, text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (rawType == Long.class || rawType == long.class) {
            parse = text -> integer(name, text, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (rawType == Boolean.class) {
            parse = text -> bool(name, text);
        } else if (rawType == boolean.class) {
            // an absent primitive parameter without @DefaultValue reaches the converter as "0" (RESTEasy Reactive's
            // default for every primitive), which must stay false
            parse = text -> "0".equals(text) ? Boolean.FALSE : bool(name, text);
        } else if (rawType == LocalDate.class) {
            parse = text -> date(name, text);
        } else if (rawType == YearMonth.class) {
            parse = text -> month(name, text);
        } else if (rawType.isEnum()) {
            parse = text -> constant((Class<? extends Enum>) rawType, name, text);
        } else {
            return null;
        }
        return new ParamConverter<T>() {
            @Override
            public T fromString(String value) {
                return value == null ? null : (T) parse.apply(value);
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof org.jboss.resteasy.reactive.RestPath path) {
                return path.value();
            }
            if (annotation instanceof org.jboss.resteasy.reactive.RestQuery query) {
                return query.value();
            }
        }
        return null;
    }

    static UUID uuid(String name, String text) {
        // UUID.fromString takes shortened groups ("1-2-3-4-5"); the parameter must be the canonical 36 characters
        if (text.length() == 36) {
            try {
                UUID id = UUID.fromString(text);
                if (id.toString().equalsIgnoreCase(text)) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw new ParamFormatException(name, "expected a UUID such as 3f2b1c9e-8d4a-4f6b-9c1d-2e5a7b8c9d0f");
    }

    static long integer(String name, String text, long min, long max) {
        if (INTEGER.matcher(text).matches()) {
            try {
                long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // out of the range of long: refused below
            }
            throw new ParamFormatException(name, "the number is out of range (" + min + " to " + max + ")");
        }
        throw new ParamFormatException(name, "expected a whole number");
    }

    static boolean bool(String name, String text) {
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw new ParamFormatException(name, "expected true or false");
    }

    static LocalDate date(String name, String text) {
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw new ParamFormatException(name, "not a calendar date");
            }
        }
        throw new ParamFormatException(name, "expected a date YYYY-MM-DD, e.g. 2026-09-01");
    }

    static YearMonth month(String name, String text) {
        if (ISO_MONTH.matcher(text).matches()) {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeException e) {
                throw new ParamFormatException(name, "not a calendar month");
            }
        }
        throw new ParamFormatException(name, "expected a month YYYY-MM, e.g. 2026-09");
    }

    static <E extends Enum<E>> E constant(Class<E> type, String name, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        String known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new ParamFormatException(name, "expected one of " + known);
    }
}
