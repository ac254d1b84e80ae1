package no.nystart.platform.validation;

import java.util.Objects;

/**
 * One broken rule: which input field, which rule (a stable code, for example
 * {@code national-id.control-digit} or {@code integreringsloven-5.age}), and a sentence for a person.
 */
public record Violation(String field, String rule, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
