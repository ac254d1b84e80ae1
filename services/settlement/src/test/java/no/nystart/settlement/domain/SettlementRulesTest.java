package no.nystart.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import org.junit.jupiter.api.Test;

class SettlementRulesTest {

    @Test
    void regime_follows_the_permit_and_arrival_dates_domain_0_which_law_applies() {
        assertThat(SettlementRules.regime(PermitType.REFUGEE, LocalDate.of(2021, 1, 1), null)).isEqualTo(Regime.INTEGRERINGSLOVEN);
        assertThat(SettlementRules.regime(PermitType.REFUGEE, LocalDate.of(2020, 12, 31), null)).isEqualTo(Regime.INTRODUKSJONSLOVEN);
        assertThat(SettlementRules.regime(PermitType.RESETTLEMENT, LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 1)))
                .isEqualTo(Regime.INTEGRERINGSLOVEN);
        // chapter 6A: utlendingsloven § 34 permits from 11 March 2022
        assertThat(SettlementRules.regime(PermitType.COLLECTIVE_PROTECTION, LocalDate.of(2022, 3, 11), null)).isEqualTo(Regime.KAP_6A);
        assertThat(SettlementRules.regime(PermitType.COLLECTIVE_PROTECTION, LocalDate.of(2022, 3, 10), null))
                .isEqualTo(Regime.INTEGRERINGSLOVEN);
    }

    @Test
    void an_unaccompanied_minor_is_under_18_at_the_permit_with_no_adult_in_the_household_domain_2() {
        LocalDate permit = LocalDate.of(2026, 6, 1);
        LocalDate sixteen = LocalDate.of(2010, 1, 1);
        LocalDate eighteenToday = LocalDate.of(2008, 6, 1);
        assertThat(SettlementRules.unaccompaniedMinorByComposition(sixteen, permit, List.of(sixteen))).isTrue();
        assertThat(SettlementRules.unaccompaniedMinorByComposition(sixteen, permit, List.of(sixteen, LocalDate.of(1980, 1, 1)))).isFalse();
        assertThat(SettlementRules.unaccompaniedMinorByComposition(eighteenToday, permit, List.of(eighteenToday))).isFalse();
        assertThat(SettlementRules.mayBeUnaccompaniedMinor(LocalDate.of(2008, 6, 2), permit)).isTrue();
        assertThat(SettlementRules.mayBeUnaccompaniedMinor(eighteenToday, permit)).isFalse();
    }

    @Test
    void the_settlement_date_may_not_be_before_the_permit_domain_2_bosettingsdato() {
        LocalDate permit = LocalDate.of(2026, 3, 10);
        assertThat(SettlementRules.settlementDateAllowed(permit, permit)).isTrue();
        assertThat(SettlementRules.settlementDateAllowed(permit.minusDays(1), permit)).isFalse();
    }

    @Test
    void settlement_time_targets_are_3_months_for_minors_and_families_with_children_and_6_for_other_adults_domain_2() {
        LocalDate permit = LocalDate.of(2026, 1, 31);
        // 31 Jan + 3 months = 30 April (end of month)
        assertThat(new SettlementTime.Settled(permit, LocalDate.of(2026, 4, 30), true).withinTarget()).isTrue();
        assertThat(new SettlementTime.Settled(permit, LocalDate.of(2026, 5, 1), true).withinTarget()).isFalse();
        assertThat(new SettlementTime.Settled(permit, LocalDate.of(2026, 5, 1), false).withinTarget()).isTrue();
        assertThat(new SettlementTime.Settled(permit, LocalDate.of(2026, 7, 31), false).withinTarget()).isTrue();
        assertThat(new SettlementTime.Settled(permit, LocalDate.of(2026, 8, 1), false).withinTarget()).isFalse();
    }

    @Test
    void median_and_share_within_target_are_exact() {
        LocalDate p = LocalDate.of(2026, 1, 1);
        SettlementTime.Figures odd = SettlementTime.figures(List.of(
                new SettlementTime.Settled(p, p.plusDays(10), false),
                new SettlementTime.Settled(p, p.plusDays(200), false),
                new SettlementTime.Settled(p, p.plusDays(30), false)));
        assertThat(odd.persons()).isEqualTo(3);
        assertThat(odd.medianDays()).isEqualByComparingTo("30");
        assertThat(odd.withinTarget()).isEqualTo(2);
        assertThat(odd.shareWithinTargetPercent()).isEqualByComparingTo("66.7");
        SettlementTime.Figures even = SettlementTime.figures(List.of(
                new SettlementTime.Settled(p, p.plusDays(10), true),
                new SettlementTime.Settled(p, p.plusDays(15), true)));
        assertThat(even.medianDays()).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(even.shareWithinTargetPercent()).isEqualByComparingTo("100.0");
        assertThat(SettlementTime.figures(List.of()).medianDays()).isNull();
    }
}
