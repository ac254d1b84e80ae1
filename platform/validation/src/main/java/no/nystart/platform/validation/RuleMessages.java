package no.nystart.platform.validation;

import java.util.Objects;

/**
 * The convention that carries a rule code through Bean Validation, whose {@code ConstraintViolation} has only a
 * property path and a message: the message starts with the rule code, then {@code ": "}, then the sentence, for
 * example {@code "national-id.control-digit-2: the second control digit does not match"}.
 *
 * <p>The REST layer turns a constraint violation into a {@link Violation} with
 * {@code RuleMessages.toViolation(fieldFromPropertyPath, violation.getMessage())}: the field comes from the last node
 * of the property path, the rule and the sentence from the message.
 */
public final class RuleMessages {
    /** Separator between the rule code and the sentence. */
    public static final String SEPARATOR = ": ";

    /** Rule used when a message does not follow the convention (for example a stock {@code @NotNull}). */
    public static final String UNSPECIFIED_RULE = "constraint";

    private RuleMessages() {
    }

    /** {@code rule + ": " + message}. */
    public static String format(String rule, String message) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        return rule + SEPARATOR + message;
    }

    /** {@link #format(String, String)} of a violation's rule and message. */
    public static String format(Violation violation) {
        return format(violation.rule(), violation.message());
    }

    /**
     * Splits a message written by {@link #format(String, String)} back into a violation of {@code field}. A message
     * without a rule prefix (lower-case ASCII letters, digits, dots, hyphens or underscores with at least one dot,
     * before the first {@code ": "}) gets the rule {@link #UNSPECIFIED_RULE} and keeps its whole text.
     */
    public static Violation toViolation(String field, String message) {
        Objects.requireNonNull(message, "message");
        int at = message.indexOf(SEPARATOR);
        if (at > 0) {
            String rule = message.substring(0, at);
            if (looksLikeRuleCode(rule)) {
                return new Violation(field, rule, message.substring(at + SEPARATOR.length()));
            }
        }
        return new Violation(field, UNSPECIFIED_RULE, message);
    }

    /** Rule codes are lower-case ASCII words joined by dots and hyphens, e.g. {@code citizenship.iso3166-alpha3}. */
    static boolean looksLikeRuleCode(String candidate) {
        if (candidate.isEmpty() || candidate.indexOf('.') < 0) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
