package no.nystart.platform.validation.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import no.nystart.platform.validation.CountryCodes;

/** Validator of {@link CountryCodeAlpha3}. */
public class CountryCodeAlpha3Validator implements ConstraintValidator<CountryCodeAlpha3, String> {
    private String message = CountryCodeAlpha3.DEFAULT_MESSAGE;

    @Override
    public void initialize(CountryCodeAlpha3 annotation) {
        message = annotation.message();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return ConstraintSupport.report(CountryCodes.validateCitizenship(value), context, message,
                CountryCodeAlpha3.DEFAULT_MESSAGE);
    }
}
