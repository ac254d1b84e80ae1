package no.nystart.introduction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.Regime;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.platform.validation.Violation;
import org.junit.jupiter.api.Test;

class PlanAttendancePauseTest {
    private static final Map<String, CefrLevel> GOAL = Map.of("reading", CefrLevel.B1, "listening", CefrLevel.B1, "writing",
            CefrLevel.A2, "oral", CefrLevel.B1);

    private static List<String> plan(EnumSet<ContentElement> elements, boolean child, Regime regime) {
        return IntegrationPlan.check(new IntegrationPlan.Plan(FinalGoal.EMPLOYMENT, GOAL, elements, child, "work as a nurse",
                "municipality provides courses; participant attends"), regime).stream().map(Violation::rule).toList();
    }

    @Test
    void sections_15_16_a_complete_plan_passes() {
        assertThat(plan(EnumSet.of(ContentElement.NORWEGIAN_AND_SOCIAL_STUDIES, ContentElement.LIFE_SKILLS_IN_A_NEW_COUNTRY,
                ContentElement.WORK_ORIENTED), false, Regime.INTEGRERINGSLOVEN)).isEmpty();
    }

    @Test
    void domain_3c_each_missing_mandatory_element_is_named() {
        assertThat(plan(EnumSet.of(ContentElement.OTHER), true, Regime.INTEGRERINGSLOVEN)).containsExactlyInAnyOrder(
                "mandatory-content.norwegian-and-social-studies", "mandatory-content.work-or-education",
                "integreringsforskriften-2.mandatory.life-skills", "integreringsforskriften-3.mandatory.parental-guidance");
    }

    @Test
    void forskrift_3_parental_guidance_only_with_a_child_under_18() {
        EnumSet<ContentElement> base = EnumSet.of(ContentElement.NORWEGIAN_AND_SOCIAL_STUDIES, ContentElement.LIFE_SKILLS_IN_A_NEW_COUNTRY,
                ContentElement.EDUCATION_ORIENTED);
        assertThat(plan(base, true, Regime.INTEGRERINGSLOVEN)).containsExactly("integreringsforskriften-3.mandatory.parental-guidance");
        assertThat(plan(base, false, Regime.INTEGRERINGSLOVEN)).isEmpty();
    }

    @Test
    void section_15_norwegian_goal_per_skill_and_section_16_contract_content() {
        List<String> rules = IntegrationPlan.check(new IntegrationPlan.Plan(FinalGoal.EMPLOYMENT, Map.of("reading", CefrLevel.B1),
                EnumSet.of(ContentElement.NORWEGIAN_AND_SOCIAL_STUDIES, ContentElement.LIFE_SKILLS_IN_A_NEW_COUNTRY,
                        ContentElement.WORK_ORIENTED), false, " ", null), Regime.INTEGRERINGSLOVEN).stream().map(Violation::rule).toList();
        assertThat(rules).containsExactlyInAnyOrder("integreringsloven-15.norwegian-goal", "integreringsloven-15.norwegian-goal",
                "integreringsloven-15.norwegian-goal", "integreringsloven-16.long-term-goal", "integreringsloven-16.mutual-obligations");
    }

    @Test
    void attendance_hours_must_add_up() {
        LocalDate d = LocalDate.of(2025, 7, 1);
        assertThat(new AttendanceDay(d, new BigDecimal("7.5"), new BigDecimal("5"), Map.of(AbsenceReason.ILLNESS, new BigDecimal("2.5")))
                .check()).isEmpty();
        assertThat(new AttendanceDay(d, new BigDecimal("7.5"), new BigDecimal("5"), Map.of(AbsenceReason.UNEXCUSED, new BigDecimal("2")))
                .check()).extracting(Violation::rule).containsExactly("attendance.hours-add-up");
        assertThat(new AttendanceDay(d, new BigDecimal("7.5"), new BigDecimal("-1"), Map.of()).check())
                .extracting(Violation::rule).containsExactly("attendance.hours-range");
        java.util.Map<AbsenceReason, BigDecimal> withNull = new java.util.HashMap<>();
        withNull.put(AbsenceReason.ILLNESS, null);
        assertThat(new AttendanceDay(d, new BigDecimal("7.5"), new BigDecimal("7.5"), withNull).check())
                .extracting(Violation::rule).containsExactly("attendance.hours-required");
    }

    @Test
    void forskrift_kap4_leave_with_benefit_for_pregnancy_birth_and_welfare_but_not_for_care_or_long_illness() {
        // docs/domain/introduction-programme.md#3e: pregnancy and birth leave (forskrift §§ 11-12) keep the benefit; care leave and
        // leave for long illness are leave without benefit, so their days are gaps in the benefit month
        PauseRules.LeaveLimits limits = PauseRules.LeaveLimits.defaults();
        assertThat(limits.of(LeaveType.PREGNANCY).withBenefit()).isTrue();
        assertThat(limits.of(LeaveType.BIRTH_MOTHER).withBenefit()).isTrue();
        assertThat(limits.of(LeaveType.BIRTH_FATHER).withBenefit()).isTrue();
        assertThat(limits.of(LeaveType.WELFARE).withBenefit()).isTrue();
        assertThat(limits.of(LeaveType.CARE).withBenefit()).isFalse();
        assertThat(limits.of(LeaveType.LONG_ILLNESS).withBenefit()).isFalse();
        for (LeaveType type : LeaveType.values()) {
            assertThat(limits.of(type)).as("every leave type has a limit: " + type).isNotNull();
        }
    }

    @Test
    void forskrift_11_pregnancy_leave_10_working_days_and_12_birth_leave_mother_20_father_7() {
        PauseRules.LeaveLimits limits = PauseRules.LeaveLimits.defaults();
        LocalDate monday = LocalDate.of(2025, 9, 1);
        // 10 working days: Monday 1 Sep – Friday 12 Sep, back Monday 15 Sep
        assertThat(PauseRules.checkLeave(limits, LeaveType.PREGNANCY, monday, LocalDate.of(2025, 9, 15))).isEmpty();
        assertThat(PauseRules.checkLeave(limits, LeaveType.PREGNANCY, monday, LocalDate.of(2025, 9, 16)))
                .extracting(Violation::rule).containsExactly("integreringsforskriften-kap4.leave-limit.PREGNANCY");
        assertThat(PauseRules.checkLeave(limits, LeaveType.BIRTH_MOTHER, monday, LocalDate.of(2025, 9, 29))).isEmpty();
        assertThat(PauseRules.checkLeave(limits, LeaveType.BIRTH_FATHER, monday, LocalDate.of(2025, 9, 10))).isEmpty();
        assertThat(PauseRules.checkLeave(limits, LeaveType.BIRTH_FATHER, monday, LocalDate.of(2025, 9, 11))).hasSize(1);
        assertThat(PauseRules.checkLeave(limits, LeaveType.LONG_ILLNESS, monday, LocalDate.of(2026, 9, 1))).isEmpty();
        assertThat(PauseRules.checkLeave(limits, LeaveType.LONG_ILLNESS, monday, LocalDate.of(2026, 9, 2))).hasSize(1);
    }

    @Test
    void forskrift_11_leave_limit_counts_working_days_without_the_easter_holidays_2026() {
        PauseRules.LeaveLimits limits = PauseRules.LeaveLimits.defaults();
        LocalDate monday = LocalDate.of(2026, 3, 30);
        // 10 working days from Monday 30 March 2026: 30, 31 March, 1 April, (2, 3, 6 April are holidays), 7–10, 13–15 April;
        // back Thursday 16 April is within the limit, back Friday 17 April is 11 working days
        assertThat(WorkingDays.between(monday, LocalDate.of(2026, 4, 15))).isEqualTo(10);
        assertThat(PauseRules.checkLeave(limits, LeaveType.PREGNANCY, monday, LocalDate.of(2026, 4, 16))).isEmpty();
        assertThat(PauseRules.checkLeave(limits, LeaveType.PREGNANCY, monday, LocalDate.of(2026, 4, 17)))
                .extracting(Violation::rule).containsExactly("integreringsforskriften-kap4.leave-limit.PREGNANCY");
        assertThat(WorkingDays.whyNotWorkingDay(LocalDate.of(2026, 4, 3))).startsWith("langfredag (helligdagsloven § 2 d)");
        assertThat(WorkingDays.whyNotWorkingDay(LocalDate.of(2026, 4, 11))).isEqualTo("a Saturday");
        assertThat(WorkingDays.whyNotWorkingDay(LocalDate.of(2026, 4, 7))).isNull();
    }

    @Test
    void section_18_temporary_suspension_at_most_3_months_and_needs_a_reason() {
        LocalDate from = LocalDate.of(2025, 9, 1);
        assertThat(PauseRules.checkTemporarySuspension(from, LocalDate.of(2025, 12, 1), "extensive absence")).isEmpty();
        assertThat(PauseRules.checkTemporarySuspension(from, LocalDate.of(2025, 12, 2), "extensive absence"))
                .extracting(Violation::rule).containsExactly("integreringsloven-18.temporary-max-3-months");
        assertThat(PauseRules.checkTemporarySuspension(from, LocalDate.of(2025, 10, 1), " "))
                .extracting(Violation::rule).containsExactly("integreringsloven-18.reason");
    }
}
