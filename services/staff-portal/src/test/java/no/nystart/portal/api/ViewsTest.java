package no.nystart.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the resident and household pages print, in bokmål, from the services' English JSON. */
class ViewsTest {

    @Test
    void hours_are_printed_with_a_decimal_comma_and_no_trailing_zeros() {
        assertThat(Views.hours(new BigDecimal("25.0"))).isEqualTo("25");
        assertThat(Views.hours(new BigDecimal("12.50"))).isEqualTo("12,5");
        assertThat(Views.hours(null)).isEqualTo("0");
    }

    @Test
    void the_training_duty_is_explained_in_bokmal_without_the_service_documentation_pointer() {
        Views.Training t = new Views.Training("INTEGRERINGSLOVEN_5", "integreringsloven § 5 (docs/domain/reception.md#1b)",
                true, "duty under integreringsloven § 5", false, List.of(
                        new Views.Module("NORWEGIAN", 175, BigDecimal.ZERO, new BigDecimal("175.0"), false, null, null),
                        new Views.Module("SOCIAL_STUDIES", 25, new BigDecimal("25.0"), BigDecimal.ZERO, false, null,
                                LocalDate.of(2026, 11, 28))));
        assertThat(t.explanationText())
                .isEqualTo("Plikt til opplæring i mottak etter integreringsloven § 5: 175 timer norsk, 25 timer samfunnskunnskap.");
        assertThat(t.openModules()).extracting(Views.Module::module).containsExactly("NORWEGIAN");
        assertThat(t.remaining()).isEqualTo("175");
    }

    @Test
    void a_case_without_a_name_in_settlement_is_named_by_birth_date_and_citizenship() {
        Views.Case c = new Views.Case(null, null, null, "PROPOSED", null, null, LocalDate.of(1985, 6, 1), "REFUGEE", null,
                false, "4601", null, null, null, null, null, null, null, null, null, null, "SYR");
        assertThat(c.name()).isEqualTo("Person født 1985-06-01 (SYR)");
        assertThat(c.statusText()).isEqualTo("Foreslått kommune");
        assertThat(c.named("Bosse", "Matching").name()).isEqualTo("Bosse Matching");
    }

    @Test
    void the_permit_type_is_named_in_bokmal() {
        assertThat(new Views.Permit("REFUGEE", LocalDate.of(2026, 11, 4), "INTEGRERINGSLOVEN").permitTypeText())
                .isEqualTo("Flyktning");
        assertThat(new Views.Permit("COLLECTIVE_PROTECTION", LocalDate.of(2026, 11, 4), null).permitTypeText())
                .isEqualTo("Kollektiv beskyttelse");
    }
}
