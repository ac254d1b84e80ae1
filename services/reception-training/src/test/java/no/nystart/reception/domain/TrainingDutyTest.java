package no.nystart.reception.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import no.nystart.contracts.Regime;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.TrainingModule;
import org.junit.jupiter.api.Test;

/** Who has the duty to take mandatory training in reception, and how much (docs/domain/reception.md#1a/1b). */
class TrainingDutyTest {

    private static TrainingDuty duty(LocalDate birth, LocalDate registered, AsylumProcedure procedure) {
        return TrainingDuty.assess(birth, registered, procedure, Optional.empty(), registered);
    }

    @Test
    void registered_2018_08_31_before_the_2018_change_has_no_duty_domain_1a_voluntary() {
        TrainingDuty d = duty(LocalDate.of(1990, 1, 1), LocalDate.of(2018, 8, 31), AsylumProcedure.NORMAL);
        assertThat(d.regime()).isEqualTo(TrainingRegime.VOLUNTARY_BEFORE_2018_09_01);
        assertThat(d.applies()).isFalse();
        assertThat(d.noDutyReason()).contains(NoDutyReason.REGISTERED_BEFORE_2018_09_01);
        assertThat(d.requiredHours()).isEmpty();
        assertThat(d.regime().law()).isEmpty();
    }

    @Test
    void registered_2018_09_01_introduksjonsloven_20a_175_Norwegian_and_50_culture_and_values() {
        TrainingDuty d = duty(LocalDate.of(1990, 1, 1), LocalDate.of(2018, 9, 1), AsylumProcedure.NORMAL);
        assertThat(d.regime()).isEqualTo(TrainingRegime.INTRODUKSJONSLOVEN_20A);
        assertThat(d.regime().law()).contains(Regime.INTRODUKSJONSLOVEN);
        assertThat(d.applies()).isTrue();
        assertThat(d.requiredHours()).isEqualTo(Map.of(TrainingModule.NORWEGIAN, 175, TrainingModule.CULTURE_AND_VALUES, 50));
    }

    @Test
    void registered_2020_12_31_is_still_introduksjonsloven_20a() {
        TrainingDuty d = duty(LocalDate.of(1990, 1, 1), LocalDate.of(2020, 12, 31), AsylumProcedure.NORMAL);
        assertThat(d.regime()).isEqualTo(TrainingRegime.INTRODUKSJONSLOVEN_20A);
        assertThat(d.requiredHours()).containsEntry(TrainingModule.CULTURE_AND_VALUES, 50)
                .doesNotContainKey(TrainingModule.SOCIAL_STUDIES);
    }

    @Test
    void registered_2021_01_01_integreringsloven_5_175_Norwegian_and_25_social_studies() {
        TrainingDuty d = duty(LocalDate.of(1990, 1, 1), LocalDate.of(2021, 1, 1), AsylumProcedure.NORMAL);
        assertThat(d.regime()).isEqualTo(TrainingRegime.INTEGRERINGSLOVEN_5);
        assertThat(d.regime().law()).contains(Regime.INTEGRERINGSLOVEN);
        assertThat(d.requiredHours()).isEqualTo(Map.of(TrainingModule.NORWEGIAN, 175, TrainingModule.SOCIAL_STUDIES, 25));
    }

    @Test
    void introduksjonsloven_20a_age_15_at_registration_has_no_duty_and_16_has() {
        LocalDate registered = LocalDate.of(2019, 5, 10);
        TrainingDuty fifteen = duty(LocalDate.of(2003, 5, 11), registered, AsylumProcedure.NORMAL);
        assertThat(fifteen.ageAtRegistration()).isEqualTo(15);
        assertThat(fifteen.noDutyReason()).contains(NoDutyReason.BELOW_AGE_LIMIT);
        TrainingDuty sixteen = duty(LocalDate.of(2003, 5, 10), registered, AsylumProcedure.NORMAL);
        assertThat(sixteen.ageAtRegistration()).isEqualTo(16);
        assertThat(sixteen.applies()).isTrue();
    }

    @Test
    void integreringsloven_5_age_17_at_registration_has_no_duty_and_18_has() {
        LocalDate registered = LocalDate.of(2024, 3, 1);
        TrainingDuty seventeen = duty(LocalDate.of(2006, 3, 2), registered, AsylumProcedure.NORMAL);
        assertThat(seventeen.ageAtRegistration()).isEqualTo(17);
        assertThat(seventeen.noDutyReason()).contains(NoDutyReason.BELOW_AGE_LIMIT);
        TrainingDuty eighteen = duty(LocalDate.of(2006, 3, 1), registered, AsylumProcedure.NORMAL);
        assertThat(eighteen.ageAtRegistration()).isEqualTo(18);
        assertThat(eighteen.applies()).isTrue();
        // a 16-year-old had the duty under § 20 a but has none under § 5
        assertThat(duty(LocalDate.of(2008, 1, 1), registered, AsylumProcedure.NORMAL).applies()).isFalse();
    }

    @Test
    void fast_track_Dublin_and_collective_protection_have_no_duty_domain_1a_1b_and_integreringsloven_37a() {
        LocalDate registered = LocalDate.of(2024, 3, 1);
        LocalDate adult = LocalDate.of(1990, 1, 1);
        assertThat(duty(adult, registered, AsylumProcedure.FAST_TRACK).noDutyReason()).contains(NoDutyReason.FAST_TRACK_PROCEDURE);
        assertThat(duty(adult, registered, AsylumProcedure.DUBLIN).noDutyReason()).contains(NoDutyReason.DUBLIN_PROCEDURE);
        assertThat(duty(adult, registered, AsylumProcedure.COLLECTIVE_PROTECTION).noDutyReason())
                .contains(NoDutyReason.COLLECTIVE_PROTECTION);
        assertThat(duty(adult, LocalDate.of(2019, 3, 1), AsylumProcedure.DUBLIN).applies()).isFalse();
    }

    @Test
    void a_permit_decision_ends_the_duty_from_its_date_domain_1b_those_with_UDI_decision() {
        LocalDate registered = LocalDate.of(2024, 3, 1);
        Optional<LocalDate> permit = Optional.of(LocalDate.of(2024, 6, 1));
        TrainingDuty dayBefore = TrainingDuty.assess(LocalDate.of(1990, 1, 1), registered, AsylumProcedure.NORMAL, permit,
                LocalDate.of(2024, 5, 31));
        assertThat(dayBefore.applies()).isTrue();
        TrainingDuty onDecision = TrainingDuty.assess(LocalDate.of(1990, 1, 1), registered, AsylumProcedure.NORMAL, permit,
                LocalDate.of(2024, 6, 1));
        assertThat(onDecision.noDutyReason()).contains(NoDutyReason.PERMIT_DECISION);
        assertThat(onDecision.requiredHours()).isEmpty();
    }
}
