package no.nystart.platform.validation.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validator of {@link DufNumber}. */
public class DufNumberValidator implements ConstraintValidator<DufNumber, String> {
    private String message = DufNumber.DEFAULT_MESSAGE;

    @Override
    public void initialize(DufNumber annotation) {
        message = annotation.message();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return ConstraintSupport.report(
                no.nystart.platform.validation.DufNumber.validate(
                        no.nystart.platform.validation.DufNumber.DEFAULT_FIELD, value, ConstraintSupport.clock(context)),
                context, message, DufNumber.DEFAULT_MESSAGE);
    }
}
