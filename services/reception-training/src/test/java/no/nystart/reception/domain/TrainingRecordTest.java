package no.nystart.reception.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.ExemptionReason;
import no.nystart.contracts.reception.TrainingModule;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;
import org.junit.jupiter.api.Test;

/** Sessions, completion and exemptions of the mandatory training (integreringsloven § 5, introduksjonsloven § 20 a). */
class TrainingRecordTest {
    private static final LocalDate REGISTERED = LocalDate.of(2025, 1, 6);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final LocalDate ADULT = LocalDate.of(1990, 1, 1);

    private static TrainingRecord record(List<TrainingSession> sessions, Map<TrainingModule, ExemptionReason> exemptions,
            Map<TrainingModule, LocalDate> completions, Optional<LocalDate> permit) {
        return new TrainingRecord(ADULT, REGISTERED, AsylumProcedure.NORMAL, permit, Optional.empty(), sessions, exemptions,
                completions, TrainingPolicy.DEFAULT);
    }

    private static TrainingRecord record(List<TrainingSession> sessions) {
        return record(sessions, Map.of(), Map.of(), Optional.empty());
    }

    private static List<String> rules(Runnable check) {
        try {
            check.run();
        } catch (RuleViolationException e) {
            return e.violations().stream().map(Violation::rule).toList();
        }
        return List.of();
    }

    private static TrainingSession norwegian(LocalDate date, String hours) {
        return new TrainingSession(TrainingModule.NORWEGIAN, date, new BigDecimal(hours));
    }

    @Test
    void integreringsloven_5_exactly_175_Norwegian_hours_completes_the_module_and_174_does_not() {
        List<TrainingSession> sessions = new ArrayList<>();
        LocalDate day = REGISTERED;
        for (int i = 0; i < 20; i++) { // 160 hours
            sessions.add(norwegian(day, "8"));
            day = day.plusDays(1);
        }
        sessions.add(norwegian(day, "7"));
        day = day.plusDays(1); // 167
        TrainingRecord at167 = record(sessions);
        assertThat(at167.completesModule(norwegian(day, "7"))).as("174 h").isFalse();
        assertThat(at167.completesModule(norwegian(day, "8"))).as("exactly 175 h").isTrue();
        assertThat(at167.completesModule(norwegian(day, "8.00"))).isTrue();
        assertThat(at167.completesModule(norwegian(day, "7.99"))).isFalse();
    }

    @Test
    void integreringsloven_5_social_studies_completes_at_25_hours() {
        TrainingRecord rec = record(List.of(
                new TrainingSession(TrainingModule.SOCIAL_STUDIES, REGISTERED, new BigDecimal("8")),
                new TrainingSession(TrainingModule.SOCIAL_STUDIES, REGISTERED.plusDays(1), new BigDecimal("8")),
                new TrainingSession(TrainingModule.SOCIAL_STUDIES, REGISTERED.plusDays(2), new BigDecimal("8"))));
        assertThat(rec.completesModule(new TrainingSession(TrainingModule.SOCIAL_STUDIES, REGISTERED.plusDays(3), BigDecimal.ONE)))
                .isTrue();
        assertThat(rec.modules(TODAY)).anySatisfy(m -> {
            assertThat(m.module()).isEqualTo(TrainingModule.SOCIAL_STUDIES);
            assertThat(m.requiredHours()).isEqualTo(25);
            assertThat(m.attendedHours()).isEqualByComparingTo("24");
            assertThat(m.remainingHours()).isEqualByComparingTo("1");
        });
    }

    @Test
    void a_completed_module_takes_no_more_sessions_so_completion_is_reported_once() {
        TrainingRecord rec = record(List.of(), Map.of(), Map.of(TrainingModule.NORWEGIAN, REGISTERED.plusDays(30)), Optional.empty());
        assertThat(rec.completesModule(norwegian(TODAY, "8"))).isFalse();
        assertThat(rules(() -> rec.checkSession(norwegian(TODAY, "2"), TODAY))).contains("mandatory-training.already-completed");
    }

    @Test
    void session_before_registration_or_in_the_future_is_refused() {
        TrainingRecord rec = record(List.of());
        assertThat(rules(() -> rec.checkSession(norwegian(REGISTERED.minusDays(1), "2"), TODAY)))
                .contains("training-session.before-registration");
        assertThat(rules(() -> rec.checkSession(norwegian(TODAY.plusDays(1), "2"), TODAY))).contains("date.not-in-future");
        assertThat(rules(() -> rec.checkSession(norwegian(REGISTERED, "2"), TODAY))).isEmpty();
        assertThat(rules(() -> rec.checkSession(norwegian(TODAY, "2"), TODAY))).isEmpty();
    }

    @Test
    void at_most_8_hours_per_person_and_day_across_modules() {
        TrainingRecord rec = record(List.of(norwegian(TODAY, "6")));
        assertThat(rules(() -> rec.checkSession(new TrainingSession(TrainingModule.SOCIAL_STUDIES, TODAY, new BigDecimal("2")), TODAY)))
                .isEmpty();
        assertThat(rules(() -> rec.checkSession(new TrainingSession(TrainingModule.SOCIAL_STUDIES, TODAY, new BigDecimal("2.5")), TODAY)))
                .containsExactly("training-session.max-hours-per-day");
        assertThat(rules(() -> record(List.of()).checkSession(norwegian(TODAY, "0"), TODAY))).contains("training-session.hours-range");
        assertThat(rules(() -> record(List.of()).checkSession(norwegian(TODAY, "8.5"), TODAY))).contains("training-session.hours-range");
    }

    @Test
    void integreringsloven_5_has_no_culture_and_values_module() {
        assertThat(rules(() -> record(List.of()).checkSession(
                new TrainingSession(TrainingModule.CULTURE_AND_VALUES, TODAY, BigDecimal.ONE), TODAY)))
                .containsExactly("mandatory-training.module-not-in-regime");
    }

    @Test
    void fritak_domain_1b_an_exempt_module_takes_no_sessions_and_shows_nothing_remaining() {
        TrainingRecord rec = record(List.of(), Map.of(TrainingModule.SOCIAL_STUDIES, ExemptionReason.HEALTH), Map.of(),
                Optional.empty());
        assertThat(rules(() -> rec.checkSession(new TrainingSession(TrainingModule.SOCIAL_STUDIES, TODAY, BigDecimal.ONE), TODAY)))
                .containsExactly("mandatory-training.exempt");
        assertThat(rec.modules(TODAY)).anySatisfy(m -> {
            assertThat(m.module()).isEqualTo(TrainingModule.SOCIAL_STUDIES);
            assertThat(m.exempt()).isTrue();
            assertThat(m.remainingHours()).isEqualByComparingTo("0");
        });
    }

    @Test
    void exemption_only_from_a_module_of_the_duty_and_not_after_completion() {
        assertThat(rules(() -> record(List.of()).checkExemption(TrainingModule.CULTURE_AND_VALUES, TODAY, TODAY)))
                .containsExactly("mandatory-training.module-not-in-regime");
        TrainingRecord completed = record(List.of(), Map.of(), Map.of(TrainingModule.NORWEGIAN, TODAY), Optional.empty());
        assertThat(rules(() -> completed.checkExemption(TrainingModule.NORWEGIAN, TODAY, TODAY)))
                .containsExactly("mandatory-training.already-completed");
        assertThat(rules(() -> record(List.of()).checkExemption(TrainingModule.NORWEGIAN, REGISTERED.minusDays(1), TODAY)))
                .contains("exemption.before-registration");
        assertThat(rules(() -> record(List.of()).checkExemption(TrainingModule.NORWEGIAN, TODAY, TODAY))).isEmpty();
    }

    @Test
    void after_a_permit_decision_no_session_is_accepted_from_the_decision_date_domain_1b() {
        LocalDate decided = LocalDate.of(2025, 4, 1);
        TrainingRecord rec = record(List.of(), Map.of(), Map.of(), Optional.of(decided));
        assertThat(rules(() -> rec.checkSession(norwegian(decided.minusDays(1), "3"), TODAY))).isEmpty();
        assertThat(rules(() -> rec.checkSession(norwegian(decided, "3"), TODAY))).containsExactly("mandatory-training.no-duty");
        // the hours attended before the decision stay visible
        assertThat(rec.modules(TODAY)).extracting(ModuleStatus::module)
                .containsExactly(TrainingModule.NORWEGIAN, TrainingModule.SOCIAL_STUDIES);
    }

    @Test
    void behind_after_8_weeks_with_less_than_half_the_Norwegian_hours() {
        LocalDate eightWeeks = REGISTERED.plusWeeks(8);
        assertThat(record(List.of()).isBehind(eightWeeks)).as("exactly 8 weeks").isFalse();
        assertThat(record(List.of()).isBehind(eightWeeks.plusDays(1))).isTrue();
        List<TrainingSession> half = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            half.add(norwegian(REGISTERED.plusDays(i), "8"));
        }
        assertThat(record(half).isBehind(eightWeeks.plusDays(1))).as("88 h of 175 is more than half").isFalse();
    }
}
