package no.nystart.introduction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.settlement.SettlementType;
import org.junit.jupiter.api.Test;

class TargetGroupTest {
    private static final LocalDate PERMIT = LocalDate.of(2024, 6, 10);
    private final TargetGroup targetGroup = new TargetGroup(Fixtures.rules());

    private static TargetGroup.Person person(LocalDate birth, PermitType permit, SettlementType type) {
        return new TargetGroup.Person(birth, permit, PERMIT, Regime.INTEGRERINGSLOVEN, type, LocalDate.of(2024, 9, 2));
    }

    @Test
    void section_8_age_17_at_the_permit_date_is_outside_the_target_group() {
        TargetGroup.Assessment a = targetGroup.assess(person(PERMIT.minusYears(18).plusDays(1), PermitType.REFUGEE, SettlementType.BY_AGREEMENT));
        assertThat(a.inTargetGroup()).isFalse();
        assertThat(a.rule()).isEqualTo("integreringsloven-8.age");
        assertThat(a.reason()).contains("age 17");
    }

    @Test
    void section_8_age_18_on_the_permit_date_is_inside() {
        assertThat(targetGroup.assess(person(PERMIT.minusYears(18), PermitType.REFUGEE, SettlementType.BY_AGREEMENT)).inTargetGroup()).isTrue();
    }

    @Test
    void section_8_age_55_is_inside_and_56_outside() {
        LocalDate born55 = PERMIT.minusYears(56).plusDays(1);
        assertThat(TargetGroup.ageOn(born55, PERMIT)).isEqualTo(55);
        assertThat(targetGroup.assess(person(born55, PermitType.RESETTLEMENT, SettlementType.BY_AGREEMENT)).inTargetGroup()).isTrue();
        TargetGroup.Assessment a56 = targetGroup.assess(person(PERMIT.minusYears(56), PermitType.RESETTLEMENT, SettlementType.BY_AGREEMENT));
        assertThat(a56.inTargetGroup()).isFalse();
        assertThat(a56.rule()).isEqualTo("integreringsloven-8.age");
    }

    @Test
    void section_8_age_limit_is_effective_dated_so_the_2025_amendment_60_years_can_be_switched_on() {
        List<ProgrammeRuleSet> sets = new ArrayList<>();
        ProgrammeRuleSet base = Fixtures.rules().inForce(Regime.INTEGRERINGSLOVEN, LocalDate.of(2024, 1, 1));
        sets.add(base);
        sets.add(new ProgrammeRuleSet(Regime.INTEGRERINGSLOVEN, LocalDate.of(2024, 7, 1), 18, 60, 3, 12, 36, 24, 12, 6, "test"));
        TargetGroup amended = new TargetGroup(new ProgrammeRules(sets));
        TargetGroup.Person age58 = person(PERMIT.minusYears(58), PermitType.REFUGEE, SettlementType.BY_AGREEMENT);
        assertThat(targetGroup.assess(age58).inTargetGroup()).isFalse();
        assertThat(amended.assess(age58).inTargetGroup()).isTrue();
    }

    @Test
    void section_9_other_permits_are_outside() {
        TargetGroup.Assessment a = targetGroup.assess(person(LocalDate.of(1990, 1, 1), PermitType.OTHER, SettlementType.BY_AGREEMENT));
        assertThat(a.inTargetGroup()).isFalse();
        assertThat(a.rule()).isEqualTo("integreringsloven-9.permit-type");
    }

    @Test
    void section_8_self_settled_without_agreement_is_outside_but_family_immigrants_need_no_agreement() {
        TargetGroup.Assessment self = targetGroup.assess(person(LocalDate.of(1990, 1, 1), PermitType.REFUGEE, SettlementType.SELF_SETTLED));
        assertThat(self.inTargetGroup()).isFalse();
        assertThat(self.rule()).isEqualTo("integreringsloven-8.settled-by-agreement");
        assertThat(targetGroup.assess(person(LocalDate.of(1990, 1, 1), PermitType.FAMILY_REUNIFICATION, SettlementType.SELF_SETTLED))
                .inTargetGroup()).isTrue();
        assertThat(targetGroup.assess(person(LocalDate.of(1990, 1, 1), PermitType.REFUGEE, SettlementType.SELF_SETTLED_BY_AGREEMENT))
                .inTargetGroup()).isTrue();
    }

    @Test
    void section_12_start_deadline_is_settlement_plus_3_months() {
        assertThat(TargetGroup.startDeadline(LocalDate.of(2025, 1, 15))).isEqualTo(LocalDate.of(2025, 4, 15));
        assertThat(TargetGroup.startDeadline(LocalDate.of(2025, 11, 30))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void domain_0_regime_by_permit_date_and_kap_6A_for_collective_protection() {
        assertThat(TargetGroup.regimeFor(PermitType.REFUGEE, LocalDate.of(2020, 12, 31))).isEqualTo(Regime.INTRODUKSJONSLOVEN);
        assertThat(TargetGroup.regimeFor(PermitType.REFUGEE, LocalDate.of(2021, 1, 1))).isEqualTo(Regime.INTEGRERINGSLOVEN);
        assertThat(TargetGroup.regimeFor(PermitType.COLLECTIVE_PROTECTION, LocalDate.of(2022, 3, 11))).isEqualTo(Regime.KAP_6A);
        assertThat(TargetGroup.regimeFor(PermitType.COLLECTIVE_PROTECTION, LocalDate.of(2022, 3, 10))).isEqualTo(Regime.INTEGRERINGSLOVEN);
    }
}
