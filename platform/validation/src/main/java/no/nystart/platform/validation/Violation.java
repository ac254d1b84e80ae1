package no.nystart.platform.validation;

import java.util.Objects;

/**
 * One broken rule: which input field, which rule (a stable code, for example
 * {@code national-id.control-digit} or {@code integreringsloven-5.age}), a sentence for a person, and the rule's
 * {@code type} URI, {@code https://nystart.no/rules/<code>} (RFC 9457 §3.1 style), which names the rule's entry in
 * the project's rule index: the row {@code <code>} of {@code docs/rules.md} (anchor {@code #<code>}), where the
 * rule's law, meaning, class and test are listed.
 */
public record Violation(String field, String rule, String message, String type) {
    /** The base of every rule's type URI; the rest is the rule code itself. */
    public static final String RULE_TYPE_BASE = "https://nystart.no/rules/";

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        if (type == null) {
            type = typeOf(rule);
        }
    }

    public Violation(String field, String rule, String message) {
        this(field, rule, message, typeOf(rule));
    }

    /** The type URI of a rule code: {@code https://nystart.no/rules/<code>}. */
    public static String typeOf(String rule) {
        return RULE_TYPE_BASE + rule;
    }
}
