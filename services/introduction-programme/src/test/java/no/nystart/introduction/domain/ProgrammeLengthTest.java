package no.nystart.introduction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.Regime;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.platform.validation.Violation;
import org.junit.jupiter.api.Test;

class ProgrammeLengthTest {
    private static final LocalDate SETTLED = LocalDate.of(2024, 12, 10);
    private static final LocalDate DEADLINE = TargetGroup.startDeadline(SETTLED); // 2025-03-10
    private static final LocalDate START = LocalDate.of(2025, 3, 10);
    private final ProgrammeRuleSet rules = Fixtures.rules().inForce(Regime.INTEGRERINGSLOVEN, START);

    private List<String> rulesBroken(LocalDate start, LocalDate end, EducationLevel edu, FinalGoal goal, String late, String ext) {
        return ProgrammeLength.check(rules, new ProgrammeLength.Decision(start, end, edu, goal, late, ext), SETTLED, DEADLINE)
                .stream().map(Violation::rule).toList();
    }

    private List<String> other(LocalDate end, String ext) {
        return rulesBroken(START, end, EducationLevel.PRIMARY, FinalGoal.EMPLOYMENT, null, ext);
    }

    @Test
    void section_12_start_on_the_deadline_day_is_fine_and_a_day_later_needs_a_late_start_reason() {
        assertThat(rulesBroken(DEADLINE, DEADLINE.plusYears(1), EducationLevel.PRIMARY, FinalGoal.EMPLOYMENT, null, null)).isEmpty();
        assertThat(rulesBroken(DEADLINE.plusDays(1), DEADLINE.plusYears(1), EducationLevel.PRIMARY, FinalGoal.EMPLOYMENT, null, null))
                .containsExactly("integreringsloven-12.start-deadline");
        assertThat(rulesBroken(DEADLINE.plusDays(1), DEADLINE.plusYears(1), EducationLevel.PRIMARY, FinalGoal.EMPLOYMENT,
                "waiting for a place in the class", null)).isEmpty();
    }

    @Test
    void section_12_start_before_settlement_is_rejected() {
        assertThat(rulesBroken(SETTLED.minusDays(1), SETTLED.plusYears(1), EducationLevel.PRIMARY, FinalGoal.EMPLOYMENT, null, null))
                .containsExactly("integreringsloven-12.start-after-settlement");
    }

    @Test
    void section_13_minimum_3_months_and_3_months_minus_a_day_is_too_short() {
        assertThat(other(LocalDate.of(2025, 6, 9), null)).isEmpty();
        assertThat(other(LocalDate.of(2025, 6, 8), null)).containsExactly("integreringsloven-13.min-length");
    }

    @Test
    void section_13_maximum_2_years_for_other_goals_and_a_day_more_needs_the_extension_justification() {
        assertThat(other(LocalDate.of(2027, 3, 9), null)).isEmpty();
        assertThat(other(LocalDate.of(2027, 3, 10), null)).containsExactly("integreringsloven-13.extension-justification");
        assertThat(other(LocalDate.of(2027, 3, 10), "final goal within reach with a year of work practice")).isEmpty();
        assertThat(other(LocalDate.of(2028, 3, 9), "reachable")).isEmpty();
        assertThat(other(LocalDate.of(2028, 3, 10), "reachable")).containsExactly("integreringsloven-13.max-length");
    }

    @Test
    void section_13_maximum_3_years_when_the_final_goal_is_completed_upper_secondary() {
        assertThat(rulesBroken(START, LocalDate.of(2028, 3, 9), EducationLevel.NO_COMPLETED_PRIMARY, FinalGoal.UPPER_SECONDARY_COMPLETED,
                null, null)).isEmpty();
        assertThat(rulesBroken(START, LocalDate.of(2028, 3, 10), EducationLevel.NO_COMPLETED_PRIMARY, FinalGoal.UPPER_SECONDARY_COMPLETED,
                null, null)).containsExactly("integreringsloven-13.extension-justification");
    }

    @Test
    void section_13_maximum_1_year_with_upper_secondary_background_extension_6_months_configured() {
        assertThat(rulesBroken(START, LocalDate.of(2026, 3, 9), EducationLevel.UPPER_SECONDARY, FinalGoal.EMPLOYMENT, null, null)).isEmpty();
        assertThat(rulesBroken(START, LocalDate.of(2026, 3, 10), EducationLevel.HIGHER, FinalGoal.EMPLOYMENT, null, null))
                .containsExactly("integreringsloven-13.extension-justification");
        assertThat(rulesBroken(START, LocalDate.of(2026, 9, 9), EducationLevel.HIGHER, FinalGoal.EMPLOYMENT, null, "reachable")).isEmpty();
        assertThat(rulesBroken(START, LocalDate.of(2026, 9, 10), EducationLevel.HIGHER, FinalGoal.EMPLOYMENT, null, "reachable"))
                .containsExactly("integreringsloven-13.max-length.upper-secondary-background");
    }
}
