package no.nystart.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Makes the application's JSON mapper (the one every REST endpoint reads request bodies with) refuse
 * input that would otherwise pass Jackson and fail later, deep in the database, as a 500:
 *
 * <ul>
 *   <li>anything after the body's JSON value ({@code {"name":"a"}}}), which Jackson would otherwise ignore
 *       (rule {@code json.syntax}, found by the OpenAPI fuzz suite);</li>
 *   <li>a key given twice in one object ({@code {"name":"a","name":"b"}}): which one counts would be a
 *       guess, so the body is refused (rule {@code json.duplicate-key});</li>
 *   <li>a text with a control character other than tab, line feed or carriage return, above all
 *       {@code U+0000}, which PostgreSQL cannot store in a text column (rule {@code text.control-character});</li>
 *   <li>a text with half of a UTF-16 surrogate pair (for example {@code "\ud800"}), which is not a character
 *       and cannot be encoded as UTF-8 (rule {@code text.lone-surrogate});</li>
 *   <li>a date that is not a string {@code YYYY-MM-DD} with a four-digit year: Jackson would take a number
 *       as a count of days since 1970 (a huge one is a year PostgreSQL cannot store) and a signed
 *       six-digit year likewise (rule {@code date.format}).</li>
 * </ul>
 *
 * Each failure names the field through {@link InputRuleException} and {@code ProblemMappers}.
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Applied last, after Quarkus registered the Java time module: a module registered later wins for LocalDate. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        // text after the body's JSON value ({"name":"a"}}) is not silently dropped: the body is refused (json.syntax)
        mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        SimpleModule module = new SimpleModule("nystart-strict-input");
        module.addDeserializer(String.class, new CheckedText());
        module.addDeserializer(LocalDate.class, new IsoDate());
        mapper.registerModule(module);
    }

    /** The first rule {@code text} breaks, or {@code null}: {@code [rule, message]}. */
    static String[] textViolation(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return new String[] {"text.control-character",
                        String.format("contains the control character U+%04X at position %d; text may hold tab, line feed and "
                                + "carriage return, no other control character", (int) c, i)};
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return new String[] {"text.lone-surrogate",
                        String.format("contains U+%04X at position %d, half of a surrogate pair, which is not a character",
                                (int) c, i)};
            }
        }
        return null;
    }

    static final class CheckedText extends StdScalarDeserializer<String> {
        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (text != null) {
                String[] violation = textViolation(text);
                if (violation != null) {
                    throw new InputRuleException(p, String.class, violation[0], violation[1]);
                }
            }
            return text;
        }
    }

    static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (ISO_DATE.matcher(text).matches()) {
                    try {
                        return LocalDate.parse(text);
                    } catch (DateTimeException e) {
                        throw new InputRuleException(p, LocalDate.class, "date.format", "'" + text + "' is not a calendar date");
                    }
                }
            }
            throw new InputRuleException(p, LocalDate.class, "date.format",
                    "expected a date as a string YYYY-MM-DD, e.g. \"2026-09-01\"");
        }
    }
}
