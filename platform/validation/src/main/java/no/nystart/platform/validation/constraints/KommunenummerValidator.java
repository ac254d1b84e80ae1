package no.nystart.platform.validation.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import no.nystart.platform.validation.Municipalities;

/** Validator of {@link Kommunenummer}. */
public class KommunenummerValidator implements ConstraintValidator<Kommunenummer, String> {
    private String message = Kommunenummer.DEFAULT_MESSAGE;

    @Override
    public void initialize(Kommunenummer annotation) {
        message = annotation.message();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return ConstraintSupport.report(Municipalities.instance().validate(value), context, message,
                Kommunenummer.DEFAULT_MESSAGE);
    }
}
