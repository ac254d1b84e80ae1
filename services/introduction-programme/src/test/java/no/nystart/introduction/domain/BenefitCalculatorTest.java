package no.nystart.introduction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.nystart.contracts.Regime;
import org.junit.jupiter.api.Test;

/**
 * Worked examples, expected kroner computed by hand. Working days are Monday–Friday without the public holidays
 * (helligdagsloven § 2; lov om 1. og 17. mai som høgtidsdager § 1): July 2025 has 23, April 2026 19 (Easter),
 * May 2026 18 (1 May, Ascension Day, Whit Monday).
 */
class BenefitCalculatorTest {
    private static final LocalDate BORN_1990 = LocalDate.of(1990, 5, 5);
    private final BenefitCalculator calculator = new BenefitCalculator(Fixtures.grunnbelop(), null);

    private static BenefitCalculator.Person adult() {
        return new BenefitCalculator.Person(BORN_1990, Regime.INTEGRERINGSLOVEN, false, false);
    }

    private BenefitCalculator.Calculation month(BenefitCalculator c, BenefitCalculator.Person p, YearMonth m, LocalDate start,
            LocalDate end, List<AttendanceDay> attendance) {
        return c.calculate(new BenefitCalculator.Input(m, p, start, end, List.of(), attendance));
    }

    /** Every working day of the month with {@code planned} hours, {@code unexcusedOnFirst} of them unexcused on the first days. */
    private static List<AttendanceDay> days(YearMonth m, BigDecimal planned, BigDecimal unexcusedTotal) {
        List<AttendanceDay> list = new ArrayList<>();
        BigDecimal left = unexcusedTotal;
        for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
            if (!WorkingDays.isWorkingDay(d)) {
                continue;
            }
            BigDecimal u = left.min(planned);
            left = left.subtract(u);
            list.add(new AttendanceDay(d, planned, planned.subtract(u), Map.of(AbsenceReason.UNEXCUSED, u)));
        }
        return list;
    }

    @Test
    void section_20_full_month_is_2G_over_12_with_G_2025_130160_gives_21693() {
        // 2 × 130 160 = 260 320 a year; / 12 = 21 693.33 → 21 693
        BenefitCalculator.Calculation c = month(calculator, adult(), YearMonth.of(2025, 7), LocalDate.of(2025, 1, 6), null, List.of());
        assertThat(c.workingDaysInMonth()).isEqualTo(23);
        assertThat(c.programmeWorkingDays()).isEqualTo(23);
        assertThat(c.grossExact()).isEqualTo("65080/3");
        assertThat(c.grossKroner()).isEqualTo(21693);
        assertThat(c.reductionKroner()).isZero();
        assertThat(c.netKroner()).isEqualTo(21693);
        assertThat(c.segments()).singleElement().satisfies(s -> {
            assertThat(s.g()).isEqualTo(130160);
            assertThat(s.annualRate()).isEqualTo("260320");
        });
    }

    @Test
    void section_20_G_changes_on_1_May_April_2025_uses_124028_and_May_2025_uses_130160() {
        // April: 2 × 124 028 / 12 = 20 671.33 → 20 671; May: 21 693.33 → 21 693
        LocalDate start = LocalDate.of(2025, 1, 6);
        assertThat(month(calculator, adult(), YearMonth.of(2025, 4), start, null, List.of()).grossKroner()).isEqualTo(20671);
        assertThat(month(calculator, adult(), YearMonth.of(2025, 5), start, null, List.of()).grossKroner()).isEqualTo(21693);
    }

    @Test
    void section_20_under_25_fractions_two_thirds_alone_and_one_third_with_parents() {
        LocalDate born2003 = LocalDate.of(2003, 1, 1);
        LocalDate start = LocalDate.of(2025, 1, 6);
        // 260 320 × 2/3 / 12 = 14 462.22 → 14 462; × 1/3 / 12 = 7 231.11 → 7 231
        assertThat(month(calculator, new BenefitCalculator.Person(born2003, Regime.INTEGRERINGSLOVEN, false, false), YearMonth.of(2025, 7),
                start, null, List.of()).grossKroner()).isEqualTo(14462);
        assertThat(month(calculator, new BenefitCalculator.Person(born2003, Regime.INTEGRERINGSLOVEN, true, false), YearMonth.of(2025, 7),
                start, null, List.of()).grossKroner()).isEqualTo(7231);
        // introduksjonsloven: 2/3 whatever the living situation
        assertThat(month(calculator, new BenefitCalculator.Person(born2003, Regime.INTRODUKSJONSLOVEN, true, false), YearMonth.of(2025, 7),
                start, null, List.of()).grossKroner()).isEqualTo(14462);
    }

    @Test
    void section_20_turning_25_mid_month_changes_the_fraction_on_the_birthday() {
        // born 2000-07-16, living with parents: 1–15 July = 11 working days at 1/3, 16–31 July = 12 at 1
        // 260 320 / 12 × (11/23 × 1/3 + 12/23) = 14 776.62 → 14 777
        BenefitCalculator.Calculation c = month(calculator,
                new BenefitCalculator.Person(LocalDate.of(2000, 7, 16), Regime.INTEGRERINGSLOVEN, true, false), YearMonth.of(2025, 7),
                LocalDate.of(2025, 1, 6), null, List.of());
        assertThat(c.segments()).hasSize(2);
        assertThat(c.segments().get(0).workingDays()).isEqualTo(11);
        assertThat(c.segments().get(0).fraction()).isEqualTo("1/3");
        assertThat(c.grossKroner()).isEqualTo(14777);
    }

    @Test
    void section_20_4_childless_couples_get_five_sixths_only_from_the_configured_in_force_date() {
        BenefitCalculator.Person couple = new BenefitCalculator.Person(BORN_1990, Regime.INTEGRERINGSLOVEN, false, true);
        // not configured: full rate
        assertThat(month(calculator, couple, YearMonth.of(2025, 7), LocalDate.of(2025, 1, 6), null, List.of()).grossKroner()).isEqualTo(21693);
        // configured from 2025-01-01: 260 320 × 5/6 / 12 = 18 077.78 → 18 078
        BenefitCalculator withRule = new BenefitCalculator(Fixtures.grunnbelop(), LocalDate.of(2025, 1, 1));
        assertThat(month(withRule, couple, YearMonth.of(2025, 7), LocalDate.of(2025, 1, 6), null, List.of()).grossKroner()).isEqualTo(18078);
    }

    @Test
    void start_mid_month_is_pro_rata_by_working_days() {
        // start Wednesday 2025-07-16: 12 of 23 working days; 260 320 / 12 × 12/23 = 11 318.26 → 11 318
        BenefitCalculator.Calculation c = month(calculator, adult(), YearMonth.of(2025, 7), LocalDate.of(2025, 7, 16), null, List.of());
        assertThat(c.programmeWorkingDays()).isEqualTo(12);
        assertThat(c.grossKroner()).isEqualTo(11318);
    }

    @Test
    void end_mid_month_and_suspension_days_do_not_count() {
        // programme ends Tuesday 2025-07-15 (11 working days); a suspension 7–11 July removes 5: 6 days
        // 260 320 / 12 × 6/23 = 5 659.13 → 5 659
        BenefitCalculator.Calculation c = calculator.calculate(new BenefitCalculator.Input(YearMonth.of(2025, 7), adult(),
                LocalDate.of(2025, 1, 6), LocalDate.of(2025, 7, 15),
                List.of(new BenefitCalculator.Gap(LocalDate.of(2025, 7, 7), LocalDate.of(2025, 7, 11), "temporary suspension")), List.of()));
        assertThat(c.programmeWorkingDays()).isEqualTo(6);
        assertThat(c.grossKroner()).isEqualTo(5659);
    }

    @Test
    void section_21_unexcused_absence_10_percent_reduces_by_10_percent_of_the_gross_kroner() {
        // 23 days × 7.5 h = 172.5 h planned; 17.25 h unexcused = 1/10; 21 693 × 1/10 = 2 169.3 → 2 169; net 19 524
        BenefitCalculator.Calculation c = month(calculator, adult(), YearMonth.of(2025, 7), LocalDate.of(2025, 1, 6), null,
                days(YearMonth.of(2025, 7), new BigDecimal("7.5"), new BigDecimal("17.25")));
        assertThat(c.plannedHours()).isEqualByComparingTo("172.5");
        assertThat(c.reductionShare()).isEqualTo("1/10");
        assertThat(c.reductionKroner()).isEqualTo(2169);
        assertThat(c.netKroner()).isEqualTo(19524);
        assertThat(c.decisionRequired()).isFalse();
    }

    @Test
    void section_21_reduction_exactly_50_percent_and_above_one_twelfth_G_requires_a_decision() {
        // half the hours unexcused: 21 693 / 2 = 10 846.5 → 10 847 ≥ 50 % and ≥ 130 160 / 12 = 10 846.67 → decision
        BenefitCalculator.Calculation c = month(calculator, adult(), YearMonth.of(2025, 7), LocalDate.of(2025, 1, 6), null,
                days(YearMonth.of(2025, 7), new BigDecimal("7.5"), new BigDecimal("86.25")));
        assertThat(c.reductionShare()).isEqualTo("1/2");
        assertThat(c.reductionKroner()).isEqualTo(10847);
        assertThat(c.netKroner()).isEqualTo(10846);
        assertThat(c.oneTwelfthG()).isEqualTo("10846.67");
        assertThat(c.decisionRequired()).isTrue();
        assertThat(c.steps()).anyMatch(s -> s.contains("decision required") && s.endsWith("true"));
    }

    @Test
    void section_21_just_under_50_percent_needs_no_decision() {
        // 86 h of 172.5: 21 693 × 86/172.5 = 10 815.06 → 10 815 < 10 846.5
        BenefitCalculator.Calculation c = month(calculator, adult(), YearMonth.of(2025, 7), LocalDate.of(2025, 1, 6), null,
                days(YearMonth.of(2025, 7), new BigDecimal("7.5"), new BigDecimal("86")));
        assertThat(c.reductionKroner()).isEqualTo(10815);
        assertThat(c.decisionRequired()).isFalse();
    }

    @Test
    void section_21_all_absent_but_below_one_twelfth_G_needs_no_decision() {
        // under 25 with parents: 7 231, all unexcused → reduction 7 231 < 10 846.67
        BenefitCalculator.Calculation c = month(calculator,
                new BenefitCalculator.Person(LocalDate.of(2003, 1, 1), Regime.INTEGRERINGSLOVEN, true, false), YearMonth.of(2025, 7),
                LocalDate.of(2025, 1, 6), null, days(YearMonth.of(2025, 7), new BigDecimal("7.5"), new BigDecimal("172.5")));
        assertThat(c.reductionKroner()).isEqualTo(7231);
        assertThat(c.netKroner()).isZero();
        assertThat(c.decisionRequired()).isFalse();
    }

    @Test
    void rounding_is_half_up_to_whole_kroner() {
        assertThat(Rational.of(21693 * 2 + 1, 2).roundHalfUp()).isEqualTo(21694);
        assertThat(Rational.of(65080, 3).roundHalfUp()).isEqualTo(21693);
        assertThat(Rational.of(new BigDecimal("17.25")).dividedBy(Rational.of(new BigDecimal("172.50")))).isEqualTo(Rational.of(1, 10));
    }

    @Test
    void the_G_table_carries_its_sources_and_flags_unverified_values() {
        Grunnbelop g = Fixtures.grunnbelop();
        assertThat(g.inForceOn(LocalDate.of(2025, 4, 30)).amount()).isEqualTo(124028);
        assertThat(g.inForceOn(LocalDate.of(2025, 5, 1)).amount()).isEqualTo(130160);
        assertThat(g.inForceOn(LocalDate.of(2025, 5, 1)).verified()).isFalse();
        assertThat(g.inForceOn(LocalDate.of(2022, 5, 1)).source()).contains("compare.no");
    }

    @Test
    void helligdagsloven_2_april_2026_has_19_working_days_and_a_start_after_easter_is_paid_18_of_19() {
        // start Tuesday 7 April 2026 (after Maundy Thursday 2, Good Friday 3 and Easter Monday 6 April): 18 of 19
        // working days; G 130 160 until 30 April: 260 320 / 12 × 18/19 = 20 551.58 → 20 552
        // (Monday–Friday alone would give 18 of 22 and 17 749)
        BenefitCalculator.Calculation c = month(calculator, adult(), YearMonth.of(2026, 4), LocalDate.of(2026, 4, 7), null, List.of());
        assertThat(c.workingDaysInMonth()).isEqualTo(19);
        assertThat(c.programmeWorkingDays()).isEqualTo(18);
        assertThat(c.grossExact()).isEqualTo("390480/19");
        assertThat(c.grossKroner()).isEqualTo(20552);
        assertThat(c.steps().get(0)).contains("19 working days");
    }

    @Test
    void helligdagsloven_2_and_may_law_may_2026_has_18_working_days_and_a_start_on_18_may_is_paid_9_of_18() {
        // 1 May (Friday), Ascension Day 14 May and Whit Monday 25 May are holidays; 17 May is a Sunday.
        // From Monday 18 May: 18–22 and 26–29 May = 9 of 18; G 136 549 from 1 May 2026: 273 098 / 12 × 9/18 = 11 379.08 → 11 379
        BenefitCalculator.Calculation c = month(calculator, adult(), YearMonth.of(2026, 5), LocalDate.of(2026, 5, 18), null, List.of());
        assertThat(c.workingDaysInMonth()).isEqualTo(18);
        assertThat(c.programmeWorkingDays()).isEqualTo(9);
        assertThat(c.grossKroner()).isEqualTo(11379);
        // a full month is still 2 G / 12, holidays or not: 273 098 / 12 = 22 758.17 → 22 758
        assertThat(month(calculator, adult(), YearMonth.of(2026, 5), LocalDate.of(2026, 1, 5), null, List.of()).grossKroner()).isEqualTo(22758);
    }

    @Test
    void section_21_planned_hours_of_a_public_holiday_do_not_count_unless_the_day_is_recorded_as_scheduled() {
        // April 2026, full month: the 19 working days with 7.5 h each = 142.5 h planned, 14.25 h unexcused = 1/10;
        // 21 693 × 1/10 = 2 169.3 → 2 169
        YearMonth april = YearMonth.of(2026, 4);
        List<AttendanceDay> days = days(april, new BigDecimal("7.5"), new BigDecimal("14.25"));
        assertThat(days).hasSize(19);
        BenefitCalculator.Calculation c = month(calculator, adult(), april, LocalDate.of(2026, 1, 5), null, days);
        assertThat(c.plannedHours()).isEqualByComparingTo("142.5");
        assertThat(c.reductionShare()).isEqualTo("1/10");
        assertThat(c.reductionKroner()).isEqualTo(2169);
        // Saturday 11 April scheduled by the plan (the only way attendance on it is accepted): its 7.5 h count in § 21,
        // the day does not add to the paid working days: 150 h planned, 21.75 unexcused = 29/200; 21 693 × 29/200 = 3 145.49 → 3 145
        List<AttendanceDay> withSaturday = new ArrayList<>(days);
        withSaturday.add(new AttendanceDay(LocalDate.of(2026, 4, 11), new BigDecimal("7.5"), BigDecimal.ZERO,
                Map.of(AbsenceReason.UNEXCUSED, new BigDecimal("7.5"))));
        BenefitCalculator.Calculation s = month(calculator, adult(), april, LocalDate.of(2026, 1, 5), null, withSaturday);
        assertThat(s.programmeWorkingDays()).isEqualTo(19);
        assertThat(s.plannedHours()).isEqualByComparingTo("150");
        assertThat(s.reductionShare()).isEqualTo("29/200");
        assertThat(s.reductionKroner()).isEqualTo(3145);
    }
}
