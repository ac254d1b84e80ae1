package no.nystart.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import no.nystart.platform.validation.Violation;
import org.junit.jupiter.api.Test;

/** How a Bean Validation failure becomes the field and rule of a problem detail. */
class ProblemMappersTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Language(@NotBlank @Pattern(regexp = "[a-z]{3}", message = "language.iso639-3: three lowercase letters") String code) {
    }

    record Mapping(@NotNull List<@NotNull @jakarta.validation.Valid Language> languages, @NotNull String level) {
    }

    private static List<Violation> violations(Object bean) {
        return VALIDATOR.validate(bean).stream().map(ProblemMappers::toViolation)
                .sorted(java.util.Comparator.comparing(Violation::field)).toList();
    }

    @Test
    void a_field_inside_a_list_is_named_with_the_index_of_its_element() {
        List<Violation> found = violations(new Mapping(List.of(new Language("nor"), new Language("NO")), "x"));
        assertThat(found).extracting(Violation::field).containsExactly("languages[1].code");
        assertThat(found.get(0).rule()).isEqualTo("language.iso639-3");
        assertThat(found.get(0).message()).isEqualTo("three lowercase letters");
    }

    @Test
    void a_standard_constraint_is_named_after_its_annotation() {
        List<Violation> found = violations(new Mapping(List.of(), null));
        assertThat(found).extracting(Violation::field, Violation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("level", "not-null"));
        // its type URI names the run-time section of docs/rules.md's Bean Validation names
        assertThat(found.get(0).type()).isEqualTo("https://nystart.no/rules/not-null");
    }
}
