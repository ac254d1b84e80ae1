/**
 * Bean Validation constraints for NyStart DTOs: {@link NationalIdentityNumber}, {@link DufNumber},
 * {@link Kommunenummer}, {@link CountryCodeAlpha3}.
 *
 * <p>All of them treat {@code null} as valid; combine with {@code @NotNull} when the value is required.
 *
 * <p><b>How the REST layer gets field and rule.</b> A failing constraint reports exactly one
 * {@code ConstraintViolation} whose message starts with the stable rule code, then {@code ": "}, then a sentence,
 * e.g. {@code "national-id.control-digit-2: the second control digit does not match"}. The field is the last node
 * of {@code ConstraintViolation.getPropertyPath()}. {@link no.nystart.platform.validation.RuleMessages#toViolation}
 * turns the pair into a {@link no.nystart.platform.validation.Violation}. If a DTO sets its own {@code message}, the
 * rule code is still put in front of it.
 *
 * <p>"Today" (national-id birth date, DUF year, the 2032 switch) comes from the validator factory's
 * {@code ClockProvider}, read in Europe/Oslo, so a service or a test can fix the clock.
 */
package no.nystart.platform.validation.constraints;
