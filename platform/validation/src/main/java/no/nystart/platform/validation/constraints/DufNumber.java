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
 * The annotated string is a valid DUF number ({@link no.nystart.platform.validation.DufNumber}; docs/domain/identifiers.md#7b): 12
 * digits starting with a year from 1980 to the current year (the validator factory's clock, Europe/Oslo).
 * {@code null} is valid. Rule codes: {@code duf-number.format}, {@code duf-number.year}; the message starts with the
 * code (see the package documentation).
 */
@Documented
@Constraint(validatedBy = DufNumberValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface DufNumber {
    String DEFAULT_MESSAGE = "duf-number: not a valid DUF number";

    /** Replaced by the rule-specific message unless changed; the rule code always comes first. */
    String message() default DEFAULT_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
