package no.nystart.adulteducation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import no.nystart.platform.validation.Violation;
import org.junit.jupiter.api.Test;

class ProvidersAndHoursTest {
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);

    @Test
    void organisation_number_mod11_control_digit() {
        assertThat(OrganisationNumber.validate("org", "974760673")).isEmpty();
        assertThat(OrganisationNumber.validate("org", "974760674")).get().extracting(Violation::rule)
                .isEqualTo("organisation-number.mod11");
        assertThat(OrganisationNumber.validate("org", "97476067")).get().extracting(Violation::rule)
                .isEqualTo("organisation-number.format");
        // weighted sum 1*3 = 3, 11 - 3 = 8
        assertThat(OrganisationNumber.validate("org", "100000008")).isEmpty();
        // weighted sum 1*2 = 2, remainder gives control 9
        assertThat(OrganisationNumber.validate("org", "010000009")).isEmpty();
        // a number whose control would be 10: sum % 11 == 1 -> e.g. digits 0,0,0,0,0,0,0,6 (6*2=12, 12%11=1)
        assertThat(OrganisationNumber.validate("org", "000000060")).get().extracting(Violation::rule)
                .isEqualTo("organisation-number.mod11");
    }

    @Test
    void domain_4e_private_approval_lasts_at_most_three_years() {
        assertThat(new ProviderApproval(ProviderKind.PRIVATE, "974760673", FROM, LocalDate.of(2027, 12, 31)).violations()).isEmpty();
        assertThat(new ProviderApproval(ProviderKind.PRIVATE, "974760673", FROM, LocalDate.of(2028, 1, 1)).violations())
                .extracting(Violation::rule).containsExactly("provider.approval-max-3-years");
        assertThat(new ProviderApproval(ProviderKind.PRIVATE, "974760673", FROM, FROM.minusDays(1)).violations())
                .extracting(Violation::rule).containsExactly("provider.approval-period-order");
        assertThat(new ProviderApproval(ProviderKind.PRIVATE, "974760674", null, null).violations())
                .extracting(Violation::rule).containsExactlyInAnyOrder("organisation-number.mod11",
                        "provider.approval-period-required", "provider.approval-period-required");
    }

    @Test
    void domain_4e_approval_covers_its_first_and_last_day_but_not_the_day_after() {
        ProviderApproval approval = new ProviderApproval(ProviderKind.PRIVATE, "974760673", FROM, LocalDate.of(2025, 8, 31));
        assertThat(approval.covers(FROM)).isTrue();
        assertThat(approval.covers(LocalDate.of(2025, 8, 31))).isTrue();
        assertThat(approval.covers(LocalDate.of(2025, 9, 1))).isFalse();
        assertThat(approval.covers(FROM.minusDays(1))).isFalse();
        assertThat(new ProviderApproval(ProviderKind.MUNICIPAL, null, null, null).covers(LocalDate.of(2040, 1, 1))).isTrue();
    }

    @Test
    void domain_4f_hours_per_course_and_day_more_than_0_at_most_8() {
        LocalDate today = LocalDate.of(2025, 5, 5);
        assertThat(TrainingHours.check(new BigDecimal("8"), today, FROM, today)).isEmpty();
        assertThat(TrainingHours.check(new BigDecimal("0.25"), today, FROM, today)).isEmpty();
        assertThat(TrainingHours.check(new BigDecimal("8.01"), today, FROM, today)).extracting(Violation::rule)
                .containsExactly("hours.max-8-per-day");
        assertThat(TrainingHours.check(BigDecimal.ZERO, today, FROM, today)).extracting(Violation::rule)
                .containsExactly("hours.positive");
        assertThat(TrainingHours.check(new BigDecimal("2"), FROM.minusDays(1), FROM, today)).extracting(Violation::rule)
                .containsExactly("hours.within-enrolment");
        assertThat(TrainingHours.check(new BigDecimal("2"), today.plusDays(1), FROM, today)).extracting(Violation::rule)
                .containsExactly("date.not-in-future");
    }
}
