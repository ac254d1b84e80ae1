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
 * The annotated string is an upper-case ISO 3166-1 alpha-3 country code or one of the ICAO codes XXA, XXB, XXC, XXX
 * ({@link no.nystart.platform.validation.CountryCodes}). {@code null} is valid. Rule code:
 * {@code citizenship.iso3166-alpha3}; the message starts with the code (see the package documentation).
 */
@Documented
@Constraint(validatedBy = CountryCodeAlpha3Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface CountryCodeAlpha3 {
    String DEFAULT_MESSAGE = "citizenship.iso3166-alpha3: not an ISO 3166-1 alpha-3 code";

    /** Replaced by the rule-specific message unless changed; the rule code always comes first. */
    String message() default DEFAULT_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
