package no.nystart.reception.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import no.nystart.contracts.reception.TrainingModule;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation rules of reception's request bodies whose codes no API test names (docs/rules.md lists this test for
 * them), read from the records with Hibernate Validator as the REST layer does ("code: text" messages).
 */
class RequestRuleCodesTest {
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static Set<String> broken(Object request) {
        Set<String> found = new TreeSet<>();
        VALIDATOR.validate(request).forEach(v -> found.add(v.getPropertyPath() + " "
                + v.getMessage().substring(0, Math.max(0, v.getMessage().indexOf(": ")))));
        return found;
    }

    @Test
    void training_session_hours_precision_at_most_two_decimals() {
        LocalDate day = LocalDate.of(2025, 6, 2);
        assertThat(broken(new Requests.TrainingSessionRequest(TrainingModule.NORWEGIAN, day, new BigDecimal("2.25")))).isEmpty();
        assertThat(broken(new Requests.TrainingSessionRequest(TrainingModule.NORWEGIAN, day, new BigDecimal("2.125"))))
                .containsExactly("hours training-session.hours-precision");
    }

    @Test
    void fylkesnummer_format_a_county_is_two_digits() {
        LocalDate day = LocalDate.of(2025, 6, 2);
        assertThat(broken(new Requests.CareerGuidanceRequest(day, "33"))).isEmpty();
        assertThat(broken(new Requests.CareerGuidanceRequest(day, null))).isEmpty();
        assertThat(broken(new Requests.CareerGuidanceRequest(day, "3"))).containsExactly("county fylkesnummer.format");
    }
}
