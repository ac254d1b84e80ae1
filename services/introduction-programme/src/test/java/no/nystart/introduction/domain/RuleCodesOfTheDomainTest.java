package no.nystart.introduction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.Regime;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.platform.validation.Violation;
import org.junit.jupiter.api.Test;

/**
 * The domain rules of the programme whose codes no other test names (docs/rules.md lists this test for them): each
 * case just inside the rule passes, the case just outside answers the code on the right field.
 */
class RuleCodesOfTheDomainTest {
    private static final LocalDate SETTLED = LocalDate.of(2024, 12, 10);
    private static final LocalDate START = LocalDate.of(2025, 3, 10);
    private final ProgrammeRuleSet rules = Fixtures.rules().inForce(Regime.INTEGRERINGSLOVEN, START);

    private static List<String> fieldsAndRules(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.rule()).toList();
    }

    private List<String> decision(LocalDate end, EducationLevel education, FinalGoal goal, String extension) {
        return fieldsAndRules(ProgrammeLength.check(rules,
                new ProgrammeLength.Decision(START, end, education, goal, null, extension), SETTLED, TargetGroup.startDeadline(SETTLED)));
    }

    @Test
    void integreringsloven_13_max_length_upper_secondary_goal_is_3_years_plus_the_1_year_extension() {
        // docs/domain/introduction-programme.md#3b: final goal completed upper secondary: 3 years + up to 1 year
        assertThat(decision(LocalDate.of(2029, 3, 9), EducationLevel.NO_COMPLETED_PRIMARY, FinalGoal.UPPER_SECONDARY_COMPLETED,
                "reachable with a fourth year")).isEmpty();
        assertThat(decision(LocalDate.of(2029, 3, 10), EducationLevel.NO_COMPLETED_PRIMARY, FinalGoal.UPPER_SECONDARY_COMPLETED,
                "reachable with a fourth year"))
                .containsExactly("plannedEndDate integreringsloven-13.max-length.upper-secondary-goal");
    }

    @Test
    void programme_end_after_start_a_planned_end_before_the_start_is_refused_and_nothing_else_is_checked() {
        assertThat(decision(START.minusDays(1), EducationLevel.PRIMARY, FinalGoal.EMPLOYMENT, null))
                .containsExactly("plannedEndDate programme.end-after-start");
    }

    @Test
    void integreringsloven_18_temporary_period_needs_a_first_day_back_after_the_first_day() {
        LocalDate from = LocalDate.of(2025, 9, 1);
        assertThat(fieldsAndRules(PauseRules.checkTemporarySuspension(from, from.plusDays(1), "long illness"))).isEmpty();
        assertThat(fieldsAndRules(PauseRules.checkTemporarySuspension(from, from, "long illness")))
                .containsExactly("expectedResumeOn integreringsloven-18.temporary-period");
        assertThat(fieldsAndRules(PauseRules.checkTemporarySuspension(from, null, "long illness")))
                .containsExactly("expectedResumeOn integreringsloven-18.temporary-period");
    }

    @Test
    void integreringsforskriften_kap4_leave_type_and_leave_period_are_required() {
        PauseRules.LeaveLimits limits = PauseRules.LeaveLimits.defaults();
        LocalDate monday = LocalDate.of(2025, 9, 1);
        assertThat(fieldsAndRules(PauseRules.checkLeave(limits, LeaveType.PREGNANCY, monday, monday.plusDays(1)))).isEmpty();
        assertThat(fieldsAndRules(PauseRules.checkLeave(limits, null, monday, monday.plusDays(1))))
                .containsExactly("leaveType integreringsforskriften-kap4.leave-type");
        assertThat(fieldsAndRules(PauseRules.checkLeave(limits, LeaveType.PREGNANCY, monday, monday)))
                .containsExactly("expectedResumeOn integreringsforskriften-kap4.leave-period");
    }

    @Test
    void attendance_hours_precision_at_most_two_decimals() {
        LocalDate day = LocalDate.of(2025, 9, 1);
        assertThat(new AttendanceDay(day, new BigDecimal("7.50"), new BigDecimal("7.25"),
                Map.of(AbsenceReason.UNEXCUSED, new BigDecimal("0.25"))).check()).isEmpty();
        assertThat(fieldsAndRules(new AttendanceDay(day, new BigDecimal("7.5"), new BigDecimal("7.125"),
                Map.of(AbsenceReason.UNEXCUSED, new BigDecimal("0.375"))).check()))
                .containsExactlyInAnyOrder("attendedHours attendance.hours-precision", "absence.UNEXCUSED attendance.hours-precision");
    }
}
