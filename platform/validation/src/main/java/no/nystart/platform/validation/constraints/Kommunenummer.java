package no.nystart.platform.validation.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated string is the kommunenummer of a municipality in the 2024 structure
 * ({@link no.nystart.platform.validation.Municipalities}; docs/domain/identifiers.md#7c). {@code null} is valid. Rule codes:
 * {@code kommunenummer.format} (not 4 digits), {@code kommunenummer.unknown}; the message starts with the code (see
 * the package documentation).
 */
@Documented
@Constraint(validatedBy = KommunenummerValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Kommunenummer {
    String DEFAULT_MESSAGE = "kommunenummer: not a known kommunenummer";

    /** Replaced by the rule-specific message unless changed; the rule code always comes first. */
    String message() default DEFAULT_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
