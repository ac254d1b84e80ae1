package no.nystart.platform.validation.constraints;

import jakarta.validation.ClockProvider;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.util.Optional;
import no.nystart.platform.validation.OsloTime;
import no.nystart.platform.validation.RuleMessages;
import no.nystart.platform.validation.Violation;

/** Shared plumbing of the validators in this package. */
final class ConstraintSupport {
    private ConstraintSupport() {
    }

    /** The clock of the validator factory, or the system clock when there is no context (direct calls). */
    static Clock clock(ConstraintValidatorContext context) {
        if (context != null) {
            ClockProvider provider = context.getClockProvider();
            if (provider != null && provider.getClock() != null) {
                return provider.getClock();
            }
        }
        return OsloTime.systemClock();
    }

    /**
     * Reports {@code violation} (if present) as the only constraint violation, with the message
     * {@code "<rule>: <sentence>"}. The sentence is the library's own unless the annotation's message was changed
     * from {@code defaultMessage}, in which case the custom message (a template, interpolated as usual) follows the
     * rule code.
     *
     * @return whether the value is valid
     */
    static boolean report(Optional<Violation> violation, ConstraintValidatorContext context, String annotationMessage,
                          String defaultMessage) {
        if (violation.isEmpty()) {
            return true;
        }
        if (context != null) {
            Violation v = violation.get();
            String template = annotationMessage == null || annotationMessage.equals(defaultMessage)
                    ? escape(RuleMessages.format(v))
                    : escape(v.rule() + RuleMessages.SEPARATOR) + annotationMessage;
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(template).addConstraintViolation();
        }
        return false;
    }

    /** Escapes the characters message interpolation treats specially, so a literal text stays literal. */
    static String escape(String literal) {
        StringBuilder sb = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
