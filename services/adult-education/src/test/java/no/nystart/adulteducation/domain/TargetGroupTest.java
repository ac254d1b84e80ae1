package no.nystart.adulteducation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.adulteducation.Entitlement;
import no.nystart.contracts.settlement.SettlementType;
import org.junit.jupiter.api.Test;

class TargetGroupTest {
    private static final LocalDate PERMIT = LocalDate.of(2025, 3, 10);
    private static final LocalDate SETTLED = LocalDate.of(2025, 6, 2);

    private static TargetGroupDecision decide(PermitType permit, LocalDate birthDate) {
        return TargetGroup.decide(permit, Regime.INTEGRERINGSLOVEN, birthDate, PERMIT, SettlementType.BY_AGREEMENT, SETTLED);
    }

    @Test
    void integreringsloven_27_refugee_aged_18_on_the_permit_date_has_right_and_duty_from_the_permit_date() {
        TargetGroupDecision decision = decide(PermitType.REFUGEE, PERMIT.minusYears(18));
        assertThat(decision).isEqualTo(new TargetGroupDecision.InTargetGroup(Entitlement.RIGHT_AND_DUTY, PERMIT,
                "integreringsloven § 27: right and duty"));
    }

    @Test
    void integreringsloven_27_aged_17_the_day_before_the_18th_birthday_is_outside() {
        TargetGroupDecision decision = decide(PermitType.REFUGEE, PERMIT.minusYears(18).plusDays(1));
        assertThat(decision).isInstanceOf(TargetGroupDecision.Outside.class);
        assertThat(((TargetGroupDecision.Outside) decision).reason()).contains("under 18").contains("§§ 26-27");
    }

    @Test
    void integreringsloven_27_aged_66_is_inside_and_aged_67_or_68_is_outside() {
        assertThat(decide(PermitType.HUMANITARIAN, PERMIT.minusYears(67).plusDays(1)))
                .isInstanceOf(TargetGroupDecision.InTargetGroup.class);
        TargetGroupDecision at67 = decide(PermitType.HUMANITARIAN, PERMIT.minusYears(67));
        assertThat(at67).isInstanceOf(TargetGroupDecision.Outside.class);
        assertThat(((TargetGroupDecision.Outside) at67).reason()).contains("67");
        assertThat(decide(PermitType.HUMANITARIAN, PERMIT.minusYears(68))).isInstanceOf(TargetGroupDecision.Outside.class);
    }

    @Test
    void integreringsloven_27_permits_give_right_and_duty() {
        for (PermitType permit : new PermitType[] {PermitType.REFUGEE, PermitType.RESETTLEMENT, PermitType.HUMANITARIAN,
                PermitType.FAMILY_MEMBER_OF_CHILD_FAMILY, PermitType.FAMILY_REUNIFICATION}) {
            assertThat(((TargetGroupDecision.InTargetGroup) decide(permit, LocalDate.of(1990, 1, 1))).entitlement())
                    .as(permit.name()).isEqualTo(Entitlement.RIGHT_AND_DUTY);
        }
    }

    @Test
    void integreringsloven_28_other_permits_give_duty_only() {
        TargetGroupDecision.InTargetGroup in = (TargetGroupDecision.InTargetGroup) decide(PermitType.OTHER, LocalDate.of(1990, 1, 1));
        assertThat(in.entitlement()).isEqualTo(Entitlement.DUTY_ONLY);
        assertThat(in.legalBasis()).contains("§ 28");
    }

    @Test
    void integreringsloven_37d_collective_protection_has_a_right_without_duty_from_settlement() {
        TargetGroupDecision decision = TargetGroup.decide(PermitType.COLLECTIVE_PROTECTION, Regime.KAP_6A,
                LocalDate.of(1985, 5, 5), PERMIT, SettlementType.BY_AGREEMENT, SETTLED);
        assertThat(decision).isEqualTo(new TargetGroupDecision.InTargetGroup(Entitlement.RIGHT_ONLY, SETTLED,
                "integreringsloven § 37 d (kap. 6A): right, no duty, 12 months"));
    }

    @Test
    void integreringsloven_9_1e_collective_protection_self_settled_without_agreement_is_outside() {
        assertThat(TargetGroup.decide(PermitType.COLLECTIVE_PROTECTION, Regime.KAP_6A, LocalDate.of(1985, 5, 5), PERMIT,
                SettlementType.SELF_SETTLED, SETTLED)).isInstanceOf(TargetGroupDecision.Outside.class);
    }

    @Test
    void domain_0_introduksjonsloven_transition_regime_is_outside_this_service() {
        TargetGroupDecision decision = TargetGroup.decide(PermitType.REFUGEE, Regime.INTRODUKSJONSLOVEN, LocalDate.of(1990, 1, 1),
                PERMIT, SettlementType.BY_AGREEMENT, SETTLED);
        assertThat(((TargetGroupDecision.Outside) decision).reason()).contains("INTRODUKSJONSLOVEN");
    }
}
