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
import no.nystart.platform.validation.ControlDigitRule;
import no.nystart.platform.validation.NationalId;

/**
 * The annotated string is a valid fødselsnummer or D-nummer ({@link NationalId}; docs/domain/identifiers.md#7a). {@code null} is
 * valid. Rule codes: {@code national-id.format}, {@code national-id.control-digit-1},
 * {@code national-id.control-digit-2}, {@code national-id.birth-date}; the message starts with the code (see the
 * package documentation).
 */
@Documented
@Constraint(validatedBy = NationalIdentityNumberValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface NationalIdentityNumber {
    String DEFAULT_MESSAGE = "national-id: not a valid fødselsnummer or D-nummer";

    /** Replaced by the rule-specific message unless changed; the rule code always comes first. */
    String message() default DEFAULT_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Which control-digit rule applies; default: by today's date ({@link ControlDigitRule#forDate}). */
    RuleChoice controlDigitRule() default RuleChoice.BY_DATE;

    /** The version switch of {@link ControlDigitRule} as an annotation value. */
    enum RuleChoice {
        /** {@link ControlDigitRule#current} with the validator factory's clock: classic until 31 Dec 2031. */
        BY_DATE,
        /** Always {@link ControlDigitRule#CLASSIC}. */
        CLASSIC,
        /** Always {@link ControlDigitRule#FROM_2032}. */
        FROM_2032
    }
}
