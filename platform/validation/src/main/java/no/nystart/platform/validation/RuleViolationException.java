package no.nystart.platform.validation;

import java.util.List;

/**
 * Thrown by domain code when input breaks one or more rules. The REST layer answers it with
 * {@code 422 application/problem+json} listing every violation.
 */
public class RuleViolationException extends RuntimeException {
    private final List<Violation> violations;

    public RuleViolationException(List<Violation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule violation needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(String field, String rule, String message) {
        this(List.of(new Violation(field, rule, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        StringBuilder sb = new StringBuilder();
        for (Violation v : violations) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(v.field()).append(": ").append(v.message()).append(" [").append(v.rule()).append(']');
        }
        return sb.toString();
    }
}
