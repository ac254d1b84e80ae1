package no.nystart.reception.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.platform.validation.RuleViolationException;
import org.junit.jupiter.api.Test;

/** Permit decisions: dates, regime (docs/domain/README.md#0) and the § 6 target group (docs/domain/reception.md#1c, docs/domain/introduction-programme.md#3a). */
class ResidencePermitTest {

    @Test
    void decision_date_before_registration_or_in_the_future_is_refused() {
        LocalDate registered = LocalDate.of(2025, 1, 10);
        assertThatThrownBy(() -> ResidencePermit.checkDecision(registered.minusDays(1), registered, LocalDate.of(2025, 6, 1)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("permit.before-registration");
        assertThatThrownBy(() -> ResidencePermit.checkDecision(LocalDate.of(2025, 6, 2), registered, LocalDate.of(2025, 6, 1)))
                .hasMessageContaining("date.not-in-future");
        ResidencePermit.checkDecision(registered, registered, registered);
    }

    @Test
    void regime_domain_0_integreringsloven_from_2021_introduksjonsloven_before_kap_6A_for_34_from_2022_03_11() {
        assertThat(ResidencePermit.regime(PermitType.REFUGEE, LocalDate.of(2020, 12, 31), LocalDate.of(2020, 3, 1)))
                .isEqualTo(Regime.INTRODUKSJONSLOVEN);
        assertThat(ResidencePermit.regime(PermitType.REFUGEE, LocalDate.of(2021, 1, 1), LocalDate.of(2020, 3, 1)))
                .isEqualTo(Regime.INTEGRERINGSLOVEN);
        assertThat(ResidencePermit.regime(PermitType.COLLECTIVE_PROTECTION, LocalDate.of(2022, 3, 11), LocalDate.of(2022, 3, 1)))
                .isEqualTo(Regime.KAP_6A);
        assertThat(ResidencePermit.regime(PermitType.COLLECTIVE_PROTECTION, LocalDate.of(2022, 3, 10), LocalDate.of(2022, 3, 1)))
                .isEqualTo(Regime.INTEGRERINGSLOVEN);
    }

    @Test
    void integreringsloven_6_target_group_needs_a_section_9_permit_and_age_18_to_55_at_the_permit_date() {
        LocalDate registered = LocalDate.of(2025, 1, 10);
        LocalDate decided = LocalDate.of(2025, 5, 1);
        assertThat(ResidencePermit.section6TargetGroupViolation(PermitType.REFUGEE, decided, registered, LocalDate.of(1990, 1, 1), 55))
                .isNull();
        assertThat(ResidencePermit.section6TargetGroupViolation(PermitType.COLLECTIVE_PROTECTION, decided, registered,
                LocalDate.of(1990, 1, 1), 55).rule()).isEqualTo("integreringsloven-6.permit-type");
        assertThat(ResidencePermit.section6TargetGroupViolation(PermitType.OTHER, decided, registered,
                LocalDate.of(1990, 1, 1), 55).rule()).isEqualTo("integreringsloven-6.permit-type");
        assertThat(ResidencePermit.section6TargetGroupViolation(PermitType.REFUGEE, decided, registered,
                LocalDate.of(2007, 5, 2), 55).rule()).as("17 at the permit date").isEqualTo("integreringsloven-8.age");
        assertThat(ResidencePermit.section6TargetGroupViolation(PermitType.REFUGEE, decided, registered,
                LocalDate.of(2007, 5, 1), 55)).as("18 at the permit date").isNull();
        assertThat(ResidencePermit.section6TargetGroupViolation(PermitType.REFUGEE, decided, registered,
                LocalDate.of(1969, 5, 1), 55)).as("56").isNotNull();
        assertThat(ResidencePermit.section6TargetGroupViolation(PermitType.REFUGEE, decided, registered,
                LocalDate.of(1969, 5, 1), 60)).as("56 with the proposed limit 60").isNull();
        assertThat(ResidencePermit.section6TargetGroupViolation(PermitType.REFUGEE, LocalDate.of(2020, 6, 1),
                LocalDate.of(2020, 1, 1), LocalDate.of(1990, 1, 1), 55).rule()).isEqualTo("integreringsloven-6.regime");
    }
}
