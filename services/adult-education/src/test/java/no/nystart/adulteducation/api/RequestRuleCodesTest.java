package no.nystart.adulteducation.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import no.nystart.contracts.adulteducation.CourseType;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation rules of adult education's request bodies whose codes no API test names (docs/rules.md lists this
 * test for them), read from the records with Hibernate Validator as the REST layer does ("code: text" messages).
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
    void language_iso639_the_language_of_instruction_is_a_lower_case_iso_639_code() {
        CourseType course = CourseType.values()[0];
        LocalDate start = LocalDate.of(2025, 9, 1);
        UUID provider = UUID.randomUUID();
        assertThat(broken(new Requests.Enrol(course, provider, start, "tir"))).isEmpty();
        assertThat(broken(new Requests.Enrol(course, provider, start, "Tigrinya")))
                .containsExactly("languageOfInstruction language.iso639");
    }
}
