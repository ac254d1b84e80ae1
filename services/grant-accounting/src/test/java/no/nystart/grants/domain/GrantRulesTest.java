package no.nystart.grants.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.grants.GrantCode;
import no.nystart.contracts.settlement.SettlementType;
import org.junit.jupiter.api.Test;

/** The grant rules of docs/domain/grants.md#5, without a container. */
class GrantRulesTest {
    private static final GrantRules RULES = GrantRules.defaults();

    private static SettledPerson person(LocalDate birth, int householdSize, boolean em, LocalDate settledOn) {
        return new SettledPerson(birth, "SYR", PermitType.REFUGEE, SettlementType.BY_AGREEMENT, em, householdSize, "0301", settledOn);
    }

    private static List<GrantCode> codes(YearOneClaims.Decision d) {
        return d.claims().stream().map(ClaimLine::grantCode).toList();
    }

    @Test
    void domain_5b_family_of_two_adults_and_children_of_3_and_8_gets_AR1_twice_AR1B_twice_and_BHT_once() {
        LocalDate settled = LocalDate.of(2031, 9, 15);
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(1990, 1, 10), 4, false, settled), RULES))).containsExactly(GrantCode.AR_1);
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(1992, 6, 1), 4, false, settled), RULES))).containsExactly(GrantCode.AR_1);
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(2028, 5, 1), 4, false, settled), RULES)))
                .containsExactly(GrantCode.AR_1_B, GrantCode.BHT);
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(2023, 2, 1), 4, false, settled), RULES)))
                .containsExactly(GrantCode.AR_1_B);
    }

    @Test
    void domain_5b_year_1_is_the_calendar_year_of_settlement_paid_in_full_in_the_next_payout_term() {
        YearOneClaims.Decision d = YearOneClaims.decide(person(LocalDate.of(1990, 1, 10), 4, false, LocalDate.of(2031, 9, 15)), RULES);
        ClaimLine line = d.claims().get(0);
        assertThat(line.grantYear()).isEqualTo(2031);
        assertThat(line.settlementYearIndex()).isEqualTo(1);
        assertThat(line.term()).isEqualTo(new PayoutTerm(2031, 3));
        assertThat(line.parts()).isEqualTo(1);
    }

    @Test
    void domain_5b_single_adult_of_62_gets_AR1_EV_and_the_one_off_elderly_grant() {
        YearOneClaims.Decision d = YearOneClaims.decide(person(LocalDate.of(1969, 3, 1), 1, false, LocalDate.of(2031, 5, 10)), RULES);
        assertThat(codes(d)).containsExactly(GrantCode.AR_1_EV, GrantCode.ELDR);
        assertThat(d.claims().get(1).settlementYearIndex()).isNull();
    }

    @Test
    void domain_5b_elderly_grant_from_exactly_60_at_settlement_and_not_at_59() {
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(1971, 5, 10), 1, false, LocalDate.of(2031, 5, 10)), RULES)))
                .contains(GrantCode.ELDR);
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(1971, 5, 11), 1, false, LocalDate.of(2031, 5, 10)), RULES)))
                .doesNotContain(GrantCode.ELDR);
    }

    @Test
    void domain_5b_kindergarten_grant_for_children_0_to_5_not_6() {
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(2031, 1, 1), 3, false, LocalDate.of(2031, 5, 10)), RULES)))
                .containsExactly(GrantCode.AR_1_B, GrantCode.BHT);
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(2025, 5, 11), 3, false, LocalDate.of(2031, 5, 10)), RULES)))
                .contains(GrantCode.BHT);
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(2025, 5, 10), 3, false, LocalDate.of(2031, 5, 10)), RULES)))
                .containsExactly(GrantCode.AR_1_B);
    }

    @Test
    void domain_5b_an_adult_settled_with_others_is_an_adult_in_a_family_and_a_child_of_17_gets_the_child_rate() {
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(2013, 6, 1), 2, false, LocalDate.of(2031, 5, 10)), RULES)))
                .containsExactly(GrantCode.AR_1_B);
        assertThat(codes(YearOneClaims.decide(person(LocalDate.of(2013, 5, 1), 2, false, LocalDate.of(2031, 5, 10)), RULES)))
                .containsExactly(GrantCode.AR_1);
    }

    @Test
    void domain_5d_unaccompanied_minor_of_15_gets_EMINB_in_addition_to_the_integration_grant() {
        YearOneClaims.Decision d = YearOneClaims.decide(person(LocalDate.of(2016, 6, 1), 1, true, LocalDate.of(2031, 8, 20)), RULES);
        assertThat(codes(d)).containsExactly(GrantCode.AR_1_B, GrantCode.EMINB);
    }

    @Test
    void domain_5d_EM_band_EMINB_up_to_the_year_turning_16_EMINU_17_to_the_year_turning_20_then_nothing() {
        LocalDate birth = LocalDate.of(2016, 6, 1);
        assertThat(SpecialGrantBand.forYear(birth, 2031, RULES)).contains(GrantCode.EMINB);
        assertThat(SpecialGrantBand.forYear(birth, 2032, RULES)).contains(GrantCode.EMINB);
        assertThat(SpecialGrantBand.forYear(birth, 2033, RULES)).contains(GrantCode.EMINU);
        assertThat(SpecialGrantBand.forYear(birth, 2036, RULES)).contains(GrantCode.EMINU);
        assertThat(SpecialGrantBand.forYear(birth, 2037, RULES)).isEmpty();
    }

    @Test
    void domain_5b_permit_type_OTHER_is_outside_the_target_group_and_the_reason_is_given() {
        SettledPerson p = new SettledPerson(LocalDate.of(1990, 1, 1), "SYR", PermitType.OTHER, SettlementType.BY_AGREEMENT,
                false, 1, "0301", LocalDate.of(2031, 3, 1));
        YearOneClaims.Decision d = YearOneClaims.decide(p, RULES);
        assertThat(d.claims()).isEmpty();
        assertThat(d.exclusionReason()).hasValueSatisfying(r -> assertThat(r).contains("docs/domain/grants.md#5b").contains("OTHER"));
    }

    @Test
    void domain_5b_family_with_children_permit_only_when_settled_by_agreement() {
        SettledPerson self = new SettledPerson(LocalDate.of(1990, 1, 1), "SYR", PermitType.FAMILY_MEMBER_OF_CHILD_FAMILY,
                SettlementType.SELF_SETTLED, false, 3, "0301", LocalDate.of(2031, 3, 1));
        SettledPerson agreed = new SettledPerson(LocalDate.of(1990, 1, 1), "SYR", PermitType.FAMILY_MEMBER_OF_CHILD_FAMILY,
                SettlementType.BY_AGREEMENT, false, 3, "0301", LocalDate.of(2031, 3, 1));
        assertThat(TargetGroup.exclusionReason(self)).isPresent();
        assertThat(TargetGroup.exclusionReason(agreed)).isEmpty();
    }

    @Test
    void domain_5b_refugees_self_settled_are_in_the_target_group_nordic_citizens_are_not() {
        SettledPerson selfSettled = new SettledPerson(LocalDate.of(1990, 1, 1), "AFG", PermitType.REFUGEE,
                SettlementType.SELF_SETTLED, false, 1, "0301", LocalDate.of(2031, 3, 1));
        SettledPerson swede = new SettledPerson(LocalDate.of(1990, 1, 1), "SWE", PermitType.REFUGEE,
                SettlementType.BY_AGREEMENT, false, 1, "0301", LocalDate.of(2031, 3, 1));
        assertThat(TargetGroup.exclusionReason(selfSettled)).isEmpty();
        assertThat(TargetGroup.exclusionReason(swede)).hasValueSatisfying(r -> assertThat(r).contains("Nordic"));
    }

    @Test
    void domain_5a_payout_terms_Q1_early_April_Q2_early_July_Q3_early_October_Q4_mid_December() {
        assertThat(PayoutTerm.firstOnOrAfter(LocalDate.of(2031, 1, 2), RULES)).isEqualTo(new PayoutTerm(2031, 1));
        assertThat(PayoutTerm.firstOnOrAfter(LocalDate.of(2031, 4, 1), RULES)).isEqualTo(new PayoutTerm(2031, 1));
        assertThat(PayoutTerm.firstOnOrAfter(LocalDate.of(2031, 4, 2), RULES)).isEqualTo(new PayoutTerm(2031, 2));
        assertThat(PayoutTerm.firstOnOrAfter(LocalDate.of(2031, 9, 15), RULES)).isEqualTo(new PayoutTerm(2031, 3));
        assertThat(PayoutTerm.firstOnOrAfter(LocalDate.of(2031, 12, 15), RULES)).isEqualTo(new PayoutTerm(2031, 4));
    }

    @Test
    void domain_5b_late_December_settlement_is_paid_in_the_next_Q1_with_the_settlement_years_rate() {
        YearOneClaims.Decision d = YearOneClaims.decide(person(LocalDate.of(1991, 2, 2), 1, false, LocalDate.of(2031, 12, 20)), RULES);
        ClaimLine line = d.claims().get(0);
        assertThat(line.grantYear()).isEqualTo(2031);
        assertThat(line.term()).isEqualTo(new PayoutTerm(2032, 1));
    }

    @Test
    void domain_5b_relocation_in_March_the_moving_municipality_keeps_March_and_April() {
        RelocationSplit split = RelocationSplit.of(120_000, LocalDate.of(2032, 3, 10), RULES);
        assertThat(RelocationSplit.monthsKept(LocalDate.of(2032, 3, 10), RULES)).isEqualTo(4);
        assertThat(split).isEqualTo(new RelocationSplit(40_000, 80_000));
    }

    @Test
    void domain_5b_relocation_in_November_or_December_leaves_the_whole_year_with_the_moving_municipality() {
        assertThat(RelocationSplit.of(120_000, LocalDate.of(2032, 11, 30), RULES)).isEqualTo(new RelocationSplit(120_000, 0));
        assertThat(RelocationSplit.of(120_000, LocalDate.of(2032, 12, 1), RULES)).isEqualTo(new RelocationSplit(120_000, 0));
    }

    @Test
    void domain_5b_relocation_months_kept_is_configurable_and_the_split_sums_to_the_whole() {
        GrantRules none = RULES.withRelocationMonthsKept(0);
        RelocationSplit split = RelocationSplit.of(100_001, LocalDate.of(2032, 7, 1), none);
        assertThat(split.keptByFrom()).isEqualTo(58_334); // 100 001 × 7/12 = 58 333.9 → 58 334
        assertThat(split.keptByFrom() + split.toNewMunicipality()).isEqualTo(100_001);
    }

    @Test
    void money_quarterly_parts_are_whole_kroner_and_sum_exactly_to_the_rate() {
        assertThat(Money.part(100_002, 1, 4)).isEqualTo(25_001);
        assertThat(Money.part(100_002, 2, 4)).isEqualTo(25_001);
        assertThat(Money.part(100_002, 3, 4)).isEqualTo(25_000);
        assertThat(Money.part(100_002, 4, 4)).isEqualTo(25_000);
        for (long rate : new long[] {0, 1, 3, 7, 120_000, 1_118_000, 241_101}) {
            long sum = 0;
            for (int q = 1; q <= 4; q++) {
                sum += Money.part(rate, q, 4);
            }
            assertThat(sum).isEqualTo(rate);
        }
        assertThatThrownBy(() -> Money.part(-1, 1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void payout_cutoffs_must_be_four_in_calendar_order() {
        assertThatThrownBy(() -> RULES.withPayoutCutoffs(List.of(MonthDay.of(7, 1), MonthDay.of(4, 1), MonthDay.of(10, 1),
                MonthDay.of(12, 15)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RULES.withPayoutCutoffs(List.of(MonthDay.of(4, 1)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grant_codes_use_the_imdi_wire_names() {
        assertThat(GrantCodes.wire(GrantCode.AR_1_EV)).isEqualTo("AR-1 EV");
        assertThat(GrantCodes.fromWire("AR-3")).isEqualTo(GrantCode.AR_3);
        assertThat(GrantCodes.integrationYear(5)).isEqualTo(GrantCode.AR_5);
        assertThatThrownBy(() -> GrantCodes.integrationYear(6)).isInstanceOf(IllegalArgumentException.class);
    }
}
