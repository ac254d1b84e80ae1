package no.nystart.introduction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.introduction.DiscontinuationReason;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.contracts.introduction.IntroductionProgrammeCompleted;
import no.nystart.contracts.introduction.IntroductionProgrammeDiscontinued;
import no.nystart.contracts.introduction.IntroductionProgrammePaused;
import no.nystart.contracts.introduction.IntroductionProgrammeResumed;
import no.nystart.contracts.introduction.IntroductionProgrammeStarted;
import no.nystart.contracts.introduction.PauseReason;
import no.nystart.contracts.introduction.ProgrammeOutcome;
import no.nystart.contracts.introduction.WeeklyHours;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@link Participant} lifecycle without a database: every state × every transition. A transition the state allows
 * leads to the state of {@link Participant.Transition}'s table (with its event); every other one is refused with the
 * transition's rule code (409) and changes nothing. Then the rules of the transitions' input, one test each, named after
 * the rule, and the state diagram of docs/services/introduction-programme.md against the table.
 */
class ParticipantTransitionsTest {
    private static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-000000000019");
    private static final LocalDate START = LocalDate.of(2025, 7, 1);
    private static final LocalDate PLANNED_END = LocalDate.of(2027, 6, 30);
    private static final LocalDate ENDED = LocalDate.of(2025, 12, 19);
    private static final LocalDate PAUSED_FROM = LocalDate.of(2025, 8, 4);
    private static final ProgrammeRules RULES = Fixtures.rules();
    private static final PauseRules.LeaveLimits LIMITS = PauseRules.LeaveLimits.defaults();

    /** A participant in {@code status}, with the facts that status implies (a decision, an open pause, an end). */
    static Participant in(ParticipantStatus status) {
        boolean decided = status != ParticipantStatus.REGISTERED;
        boolean ended = status == ParticipantStatus.COMPLETED || status == ParticipantStatus.DISCONTINUED;
        Participant.Snapshot s = new Participant.Snapshot(PERSON, "0301", Regime.INTEGRERINGSLOVEN, LocalDate.of(1990, 5, 5),
                PermitType.REFUGEE, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 2), null, LocalDate.of(2025, 9, 2),
                Participant.Admission.DECISION, "admitted", status, false, false, false, EducationLevel.PRIMARY,
                decided ? START : null, decided ? PLANNED_END : null, decided ? FinalGoal.EMPLOYMENT : null,
                decided ? WeeklyHours.HOURS_37_5 : null, null, null, ended ? ENDED : null,
                status == ParticipantStatus.COMPLETED ? ProgrammeOutcome.EMPLOYMENT : null, status == ParticipantStatus.COMPLETED ? true : null,
                status == ParticipantStatus.DISCONTINUED ? DiscontinuationReason.PARTICIPANT_WITHDREW : null, null, null);
        Participant.Pause open = status == ParticipantStatus.PAUSED
                ? new Participant.Pause(PauseReason.TEMPORARY_SUSPENSION, null, PAUSED_FROM, LocalDate.of(2025, 9, 1), "absence", false)
                : null;
        return Participant.restore(s, open);
    }

    static ParticipantCommand.AgreePlan plan() {
        return new ParticipantCommand.AgreePlan(FinalGoal.EMPLOYMENT, Map.of("reading", CefrLevel.B1, "listening", CefrLevel.B1,
                "writing", CefrLevel.A2, "oral", CefrLevel.B1), EnumSet.of(ContentElement.NORWEGIAN_AND_SOCIAL_STUDIES,
                ContentElement.LIFE_SKILLS_IN_A_NEW_COUNTRY, ContentElement.WORK_ORIENTED), "work as an electrician",
                "the municipality provides the programme; the participant attends", START, List.of());
    }

    /** Each transition with a valid input; the event class a state-changing one publishes. */
    static Function<Participant, Object> valid(Participant.Transition t) {
        return switch (t) {
            case DECIDE -> p -> p.decide(new ParticipantCommand.Decide(START, EducationLevel.PRIMARY, FinalGoal.EMPLOYMENT, PLANNED_END,
                    WeeklyHours.HOURS_37_5, null, null), RULES);
            case PAUSE -> p -> p.pause(new ParticipantCommand.Pause(PauseReason.TEMPORARY_SUSPENSION, null, PAUSED_FROM,
                    LocalDate.of(2025, 9, 1), "extensive absence"), LIMITS);
            case RESUME -> p -> p.resume(new ParticipantCommand.Resume(LocalDate.of(2025, 9, 1), null));
            case COMPLETE -> p -> p.complete(new ParticipantCommand.Complete(ENDED, ProgrammeOutcome.EMPLOYMENT, true));
            case DISCONTINUE -> p -> p.discontinue(new ParticipantCommand.Discontinue(LocalDate.of(2025, 8, 20),
                    DiscontinuationReason.PARTICIPANT_WITHDREW, null));
            case AGREE_PLAN -> p -> p.agreePlan(plan());
            case RECORD_ATTENDANCE -> p -> p.recordAttendance(new ParticipantCommand.RecordAttendance(LocalDate.of(2025, 7, 2),
                    new BigDecimal("7.5"), new BigDecimal("7.5"), Map.of()), List.of(), false);
            case CALCULATE_BENEFIT, ISSUE_CERTIFICATE -> p -> {
                p.require(t);
                return "allowed";
            };
            case SET_CIRCUMSTANCES -> p -> p.setCircumstances(new ParticipantCommand.SetCircumstances(true, false, true));
            case RELOCATE -> p -> p.relocate("4601", LocalDate.of(2025, 8, 1));
        };
    }

    static Class<?> eventOf(Participant.Transition t) {
        return switch (t) {
            case DECIDE -> IntroductionProgrammeStarted.class;
            case PAUSE -> IntroductionProgrammePaused.class;
            case RESUME -> IntroductionProgrammeResumed.class;
            case COMPLETE -> IntroductionProgrammeCompleted.class;
            case DISCONTINUE -> IntroductionProgrammeDiscontinued.class;
            default -> null;
        };
    }

    @TestFactory
    List<DynamicTest> every_state_times_every_transition_leads_to_the_table_s_state_or_is_409_with_the_transition_s_rule() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ParticipantStatus state : ParticipantStatus.values()) {
            for (Participant.Transition t : Participant.Transition.values()) {
                String name = state + " × " + t + (t.allowedIn(state) ? " → " + t.target(state) : " refused: " + t.refusalRule());
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Participant p = in(state);
                    if (t.allowedIn(state)) {
                        Object result = valid(t).apply(p);
                        assertThat(p.status()).isEqualTo(t.target(state));
                        if (eventOf(t) != null) {
                            Participant.Change change = (Participant.Change) result;
                            assertThat(change.events()).hasSize(1).first().isInstanceOf(eventOf(t));
                            assertThat(change.history()).isNotNull();
                        }
                    } else {
                        Participant.Snapshot before = p.snapshot();
                        assertThatThrownBy(() -> valid(t).apply(p)).isInstanceOfSatisfying(ConflictProblem.class,
                                c -> assertThat(c.violations()).extracting(Violation::rule).containsExactly(t.refusalRule()));
                        assertThat(p.snapshot()).isEqualTo(before);
                    }
                }));
            }
        }
        assertThat(tests).hasSize(ParticipantStatus.values().length * Participant.Transition.values().length);
        return tests;
    }

    private static List<String> rules(Runnable transition) {
        try {
            transition.run();
        } catch (RuleViolationException e) {
            return e.violations().stream().map(Violation::rule).toList();
        }
        return List.of();
    }

    @Test
    void integreringsloven_18_temporary_max_3_months_when_suspending_and_when_resuming() {
        Participant active = in(ParticipantStatus.ACTIVE);
        assertThat(rules(() -> active.pause(new ParticipantCommand.Pause(PauseReason.TEMPORARY_SUSPENSION, null, PAUSED_FROM,
                LocalDate.of(2025, 11, 5), "absence"), LIMITS))).containsExactly("integreringsloven-18.temporary-max-3-months");
        assertThat(active.status()).isEqualTo(ParticipantStatus.ACTIVE);
        Participant paused = in(ParticipantStatus.PAUSED);
        assertThat(rules(() -> paused.resume(new ParticipantCommand.Resume(LocalDate.of(2025, 11, 5), null))))
                .containsExactly("integreringsloven-18.temporary-max-3-months");
        assertThat(rules(() -> paused.resume(new ParticipantCommand.Resume(LocalDate.of(2025, 11, 4), null)))).isEmpty();
        assertThat(paused.status()).isEqualTo(ParticipantStatus.ACTIVE);
    }

    @Test
    void integreringsloven_18_reason_a_permanent_suspension_needs_a_justification() {
        Participant p = in(ParticipantStatus.PAUSED);
        assertThat(rules(() -> p.discontinue(new ParticipantCommand.Discontinue(LocalDate.of(2025, 8, 20),
                DiscontinuationReason.PERMANENT_SUSPENSION, " ")))).containsExactly("integreringsloven-18.reason");
        Participant.Change change = p.discontinue(new ParticipantCommand.Discontinue(LocalDate.of(2025, 8, 20),
                DiscontinuationReason.PERMANENT_SUSPENSION, "repeated unexcused absence"));
        assertThat(change.closesPauseOn()).isEqualTo(LocalDate.of(2025, 8, 21));
        assertThat(p.openPause()).isEmpty();
    }

    @Test
    void resume_after_pause_and_programme_end_after_start_when_resuming() {
        Participant p = in(ParticipantStatus.PAUSED);
        assertThat(rules(() -> p.resume(new ParticipantCommand.Resume(PAUSED_FROM, PAUSED_FROM))))
                .containsExactly("resume.after-pause", "programme.end-after-start");
    }

    @Test
    void completion_after_start_and_discontinuation_after_start() {
        assertThat(rules(() -> in(ParticipantStatus.ACTIVE).complete(new ParticipantCommand.Complete(START.minusDays(1),
                ProgrammeOutcome.EMPLOYMENT, true)))).containsExactly("completion.after-start");
        assertThat(rules(() -> in(ParticipantStatus.ACTIVE).discontinue(new ParticipantCommand.Discontinue(START.minusDays(1),
                DiscontinuationReason.OTHER, null)))).containsExactly("discontinuation.after-start");
    }

    @Test
    void pause_inside_programme_and_integreringsforskriften_kap4_leave_limit() {
        Participant p = in(ParticipantStatus.ACTIVE);
        assertThat(rules(() -> p.pause(new ParticipantCommand.Pause(PauseReason.LEAVE, LeaveType.PREGNANCY, START.minusDays(7),
                START.minusDays(1), null), LIMITS))).containsExactly("pause.inside-programme");
        Participant.Change leave = p.pause(new ParticipantCommand.Pause(PauseReason.LEAVE, LeaveType.PREGNANCY,
                LocalDate.of(2025, 9, 8), LocalDate.of(2025, 9, 15), " "), LIMITS);
        assertThat(leave.opensPause()).isEqualTo(new Participant.Pause(PauseReason.LEAVE, LeaveType.PREGNANCY, LocalDate.of(2025, 9, 8),
                LocalDate.of(2025, 9, 15), null, true));
    }

    @Test
    void attendance_inside_programme_working_day_and_one_per_day() {
        Participant p = in(ParticipantStatus.COMPLETED);
        BigDecimal h = new BigDecimal("7.5");
        assertThat(rules(() -> p.recordAttendance(new ParticipantCommand.RecordAttendance(ENDED.plusDays(3), h, h, Map.of()), List.of(),
                false))).containsExactly("attendance.inside-programme");
        LocalDate saturday = LocalDate.of(2025, 7, 5);
        assertThat(rules(() -> p.recordAttendance(new ParticipantCommand.RecordAttendance(saturday, h, h, Map.of()), List.of(), false)))
                .containsExactly("attendance.working-day");
        assertThat(p.recordAttendance(new ParticipantCommand.RecordAttendance(saturday, h, h, Map.of()), List.of(saturday), false).date())
                .isEqualTo(saturday);
        assertThatThrownBy(() -> p.recordAttendance(new ParticipantCommand.RecordAttendance(saturday, h, h, Map.of()), List.of(saturday),
                true)).isInstanceOfSatisfying(ConflictProblem.class,
                c -> assertThat(c.violations().get(0).rule()).isEqualTo("attendance.one-per-day"));
    }

    @Test
    void integreringsloven_8_admission_settlement_after_permit_then_participant_unique() {
        ParticipantCommand.Admit early = new ParticipantCommand.Admit(PERSON, "0301", LocalDate.of(1990, 5, 5), PermitType.REFUGEE,
                LocalDate.of(2025, 3, 1), null, LocalDate.of(2025, 2, 28), "decided");
        assertThat(rules(() -> Participant.admit(early, true, "caseworker"))).containsExactly("settlement.after-permit");
        ParticipantCommand.Admit ok = new ParticipantCommand.Admit(PERSON, "0301", LocalDate.of(1990, 5, 5), PermitType.REFUGEE,
                LocalDate.of(2025, 3, 1), null, LocalDate.of(2025, 6, 2), " decided ");
        assertThatThrownBy(() -> Participant.admit(ok, true, "caseworker")).isInstanceOfSatisfying(ConflictProblem.class,
                c -> assertThat(c.violations().get(0).rule()).isEqualTo("participant.unique"));
        Participant.Created created = Participant.admit(ok, false, "caseworker");
        assertThat(created.participant().status()).isEqualTo(ParticipantStatus.REGISTERED);
        assertThat(created.participant().snapshot().startDeadline()).isEqualTo(LocalDate.of(2025, 9, 2));
        assertThat(created.participant().snapshot().regime()).isEqualTo(Regime.INTEGRERINGSLOVEN);
        assertThat(created.history()).isEqualTo(new Participant.HistoryEntry("ADMITTED", "admitted by decision of caseworker (§ 8): decided"));
    }

    @Test
    void relocation_to_the_same_municipality_changes_nothing() {
        Participant p = in(ParticipantStatus.ACTIVE);
        assertThat(p.relocate("0301", LocalDate.of(2025, 8, 1))).isEmpty();
        assertThat(p.relocate("4601", LocalDate.of(2025, 8, 1))).isPresent();
        assertThat(p.municipality()).isEqualTo("4601");
    }

    /** The service page's state diagram is the one rendered from the transition table (regenerate it from {@link Participant#stateDiagram()}). */
    @Test
    void the_state_diagram_on_the_service_page_is_the_transition_table() throws IOException {
        Path page = Path.of("../../docs/services/introduction-programme.md");
        Matcher m = Pattern.compile("```mermaid\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(page));
        assertThat(m.find()).as("a mermaid block on " + page).isTrue();
        assertThat(m.group(1)).isEqualTo(Participant.stateDiagram());
    }
}
