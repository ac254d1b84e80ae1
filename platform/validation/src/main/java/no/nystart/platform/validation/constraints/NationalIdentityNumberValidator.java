package no.nystart.platform.validation.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import no.nystart.platform.validation.ControlDigitRule;
import no.nystart.platform.validation.NationalId;

/** Validator of {@link NationalIdentityNumber}. */
public class NationalIdentityNumberValidator implements ConstraintValidator<NationalIdentityNumber, String> {
    private NationalIdentityNumber.RuleChoice choice = NationalIdentityNumber.RuleChoice.BY_DATE;
    private String message = NationalIdentityNumber.DEFAULT_MESSAGE;

    @Override
    public void initialize(NationalIdentityNumber annotation) {
        choice = annotation.controlDigitRule();
        message = annotation.message();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Clock clock = ConstraintSupport.clock(context);
        ControlDigitRule rule;
        switch (choice) {
            case CLASSIC:
                rule = ControlDigitRule.CLASSIC;
                break;
            case FROM_2032:
                rule = ControlDigitRule.FROM_2032;
                break;
            default:
                rule = ControlDigitRule.current(clock);
                break;
        }
        return ConstraintSupport.report(NationalId.validate(NationalId.DEFAULT_FIELD, value, rule, clock), context,
                message, NationalIdentityNumber.DEFAULT_MESSAGE);
    }
}
