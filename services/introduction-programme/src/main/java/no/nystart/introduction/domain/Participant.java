package no.nystart.introduction.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.NyStartEvent;
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
import no.nystart.contracts.settlement.SettlementType;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;

/**
 * A participant of the introduction programme (integreringsloven kap. 4, docs/domain/introduction-programme.md#3a–3g):
 * the aggregate that owns the lifecycle. Pure Java: it is restored from a {@link Snapshot}, a transition checks every
 * guard of its state and every rule of its input, changes the participant and returns a {@link Change} (the event to
 * publish, the history entry, the pause it opens or closes); a refused transition throws {@link ConflictProblem} (409:
 * the state does not allow it) or {@link RuleViolationException} (422: the input breaks a rule) and changes nothing.
 * The service layer loads, calls one transition, saves the snapshot and appends the events to the outbox.
 *
 * <p>Which transition each state allows is the table {@link Transition}; the state diagram on
 * docs/services/introduction-programme.md is rendered from it ({@link #stateDiagram()}) and a test compares the two.
 */
public final class Participant {

    /** How a person became a participant. */
    public enum Admission {
        /** In the target group: right and duty (§ 8). */
        TARGET_GROUP,
        /** Admitted by the municipality's decision with a reason (§ 8 third paragraph). */
        DECISION
    }

    /**
     * Every transition with the states it is allowed in, the state it leads to ({@code null}: the state stays) and the
     * rule code of the 409 in every other state.
     */
    public enum Transition {
        /** The § 12 decision: once. */
        DECIDE("decide", EnumSet.of(ParticipantStatus.REGISTERED), ParticipantStatus.ACTIVE, "integreringsloven-12.one-decision",
                "the programme was already decided (status %s)"),
        /** Leave (forskrift kap. 4) or temporary suspension (§ 18) of a running programme. */
        PAUSE("pause", EnumSet.of(ParticipantStatus.ACTIVE), ParticipantStatus.PAUSED, "pause.programme-active",
                "only a running programme can be paused (status %s)"),
        RESUME("resume", EnumSet.of(ParticipantStatus.PAUSED), ParticipantStatus.ACTIVE, "resume.programme-paused",
                "only a paused programme can be resumed (status %s)"),
        COMPLETE("complete", EnumSet.of(ParticipantStatus.ACTIVE), ParticipantStatus.COMPLETED, "completion.programme-active",
                "only a running programme can be completed (status %s)"),
        /** Permanent suspension (§ 18) or another end, of a running or paused programme. */
        DISCONTINUE("discontinue", EnumSet.of(ParticipantStatus.ACTIVE, ParticipantStatus.PAUSED), ParticipantStatus.DISCONTINUED,
                "discontinuation.programme-running", "only a running or paused programme can be discontinued (status %s)"),
        /** The integration plan (§§ 15–16) is agreed or changed until the programme ends. */
        AGREE_PLAN("agree plan", EnumSet.of(ParticipantStatus.REGISTERED, ParticipantStatus.ACTIVE, ParticipantStatus.PAUSED), null,
                "programme.ended", "the programme has ended (status %s)"),
        /** Attendance, and the benefit calculated from it, need the § 12 decision. */
        RECORD_ATTENDANCE("record attendance", decided(), null, "integreringsloven-12.decision-required",
                "the participant has no § 12 programme decision yet"),
        CALCULATE_BENEFIT("calculate benefit", decided(), null, "integreringsloven-12.decision-required",
                "the participant has no § 12 programme decision yet"),
        /** The participant certificate (deltakerbevis, § 18 a from the 2025 amendments) once the programme has ended. */
        ISSUE_CERTIFICATE("issue certificate", EnumSet.of(ParticipantStatus.COMPLETED, ParticipantStatus.DISCONTINUED), null,
                "certificate.programme-ended",
                "a participant certificate is issued when the programme is completed or interrupted (status %s)"),
        SET_CIRCUMSTANCES("set circumstances", EnumSet.allOf(ParticipantStatus.class), null, null, null),
        /** A move (PersonRelocated): the new municipality takes over in any state. */
        RELOCATE("relocate", EnumSet.allOf(ParticipantStatus.class), null, null, null);

        private final String label;
        private final Set<ParticipantStatus> allowedIn;
        private final ParticipantStatus to;
        private final String refusalRule;
        private final String refusal;

        Transition(String label, Set<ParticipantStatus> allowedIn, ParticipantStatus to, String refusalRule, String refusal) {
            this.label = label;
            this.allowedIn = allowedIn;
            this.to = to;
            this.refusalRule = refusalRule;
            this.refusal = refusal;
        }

        private static Set<ParticipantStatus> decided() {
            return EnumSet.complementOf(EnumSet.of(ParticipantStatus.REGISTERED));
        }

        /** The name on the state diagram. */
        public String label() {
            return label;
        }

        public boolean allowedIn(ParticipantStatus status) {
            return allowedIn.contains(status);
        }

        /** The state after the transition from {@code from}: {@link #to} or, for one that keeps the state, {@code from}. */
        public ParticipantStatus target(ParticipantStatus from) {
            return to == null ? from : to;
        }

        /** Whether the transition changes the state (an arrow of the diagram). */
        public boolean changesState() {
            return to != null;
        }

        /** The rule code of the 409 when the state does not allow it; {@code null} when every state does. */
        public String refusalRule() {
            return refusalRule;
        }
    }

    /** The participant's facts and state, as they are stored. */
    public record Snapshot(UUID personId, String municipality, Regime regime, LocalDate birthDate, PermitType permitType,
            LocalDate permitDate, LocalDate settledOn, SettlementType settlementType, LocalDate startDeadline, Admission admission,
            String admissionReason, ParticipantStatus status, boolean livingWithParents, boolean childlessCouple,
            boolean hasChildUnder18, EducationLevel educationLevel, LocalDate startDate, LocalDate plannedEndDate, FinalGoal finalGoal,
            WeeklyHours weeklyHours, String lateStartReason, String extensionJustification, LocalDate endedOn, ProgrammeOutcome outcome,
            Boolean finalGoalReached, DiscontinuationReason discontinuationReason, String endNote, String norwegianProgress) {
    }

    /** A pause: leave (with or without benefit) or temporary suspension; {@code resumedOn} null while it lasts. */
    public record Pause(PauseReason kind, LeaveType leaveType, LocalDate from, LocalDate expectedResumeOn, String reason,
            boolean withBenefit) {
    }

    /** One row of the participant's history: a stable kind and a sentence. */
    public record HistoryEntry(String kind, String detail) {
    }

    /**
     * What a transition did: the events to append to the outbox (in order), the history entry (null: none), the pause
     * it opened (null: none) and the day it closes the open pause on (null: none; the first day back).
     */
    public record Change(List<NyStartEvent> events, HistoryEntry history, Pause opensPause, LocalDate closesPauseOn) {
        public Change {
            events = List.copyOf(events);
        }

        static Change of(HistoryEntry history) {
            return new Change(List.of(), history, null, null);
        }

        static Change of(NyStartEvent event, HistoryEntry history) {
            return new Change(List.of(event), history, null, null);
        }
    }

    /** A new participant with the history entry that tells how it came. */
    public record Created(Participant participant, HistoryEntry history) {
    }

    private final UUID personId;
    private String municipality;
    private final Regime regime;
    private final LocalDate birthDate;
    private final PermitType permitType;
    private final LocalDate permitDate;
    private final LocalDate settledOn;
    private final SettlementType settlementType;
    private final LocalDate startDeadline;
    private final Admission admission;
    private final String admissionReason;
    private ParticipantStatus status;
    private boolean livingWithParents;
    private boolean childlessCouple;
    private boolean hasChildUnder18;
    private EducationLevel educationLevel;
    private LocalDate startDate;
    private LocalDate plannedEndDate;
    private FinalGoal finalGoal;
    private WeeklyHours weeklyHours;
    private String lateStartReason;
    private String extensionJustification;
    private LocalDate endedOn;
    private ProgrammeOutcome outcome;
    private Boolean finalGoalReached;
    private DiscontinuationReason discontinuationReason;
    private String endNote;
    private final String norwegianProgress;
    /** The pause without a first day back, if any. */
    private Pause openPause;

    private Participant(Snapshot s, Pause openPause) {
        this.personId = s.personId();
        this.municipality = s.municipality();
        this.regime = s.regime();
        this.birthDate = s.birthDate();
        this.permitType = s.permitType();
        this.permitDate = s.permitDate();
        this.settledOn = s.settledOn();
        this.settlementType = s.settlementType();
        this.startDeadline = s.startDeadline();
        this.admission = s.admission();
        this.admissionReason = s.admissionReason();
        this.status = s.status();
        this.livingWithParents = s.livingWithParents();
        this.childlessCouple = s.childlessCouple();
        this.hasChildUnder18 = s.hasChildUnder18();
        this.educationLevel = s.educationLevel();
        this.startDate = s.startDate();
        this.plannedEndDate = s.plannedEndDate();
        this.finalGoal = s.finalGoal();
        this.weeklyHours = s.weeklyHours();
        this.lateStartReason = s.lateStartReason();
        this.extensionJustification = s.extensionJustification();
        this.endedOn = s.endedOn();
        this.outcome = s.outcome();
        this.finalGoalReached = s.finalGoalReached();
        this.discontinuationReason = s.discontinuationReason();
        this.endNote = s.endNote();
        this.norwegianProgress = s.norwegianProgress();
        this.openPause = openPause;
    }

    /** The participant as stored, with its open pause ({@code null}: none). */
    public static Participant restore(Snapshot snapshot, Pause openPause) {
        return new Participant(snapshot, openPause);
    }

    public Snapshot snapshot() {
        return new Snapshot(personId, municipality, regime, birthDate, permitType, permitDate, settledOn, settlementType, startDeadline,
                admission, admissionReason, status, livingWithParents, childlessCouple, hasChildUnder18, educationLevel, startDate,
                plannedEndDate, finalGoal, weeklyHours, lateStartReason, extensionJustification, endedOn, outcome, finalGoalReached,
                discontinuationReason, endNote, norwegianProgress);
    }

    public UUID personId() {
        return personId;
    }

    public String municipality() {
        return municipality;
    }

    public ParticipantStatus status() {
        return status;
    }

    public Optional<Pause> openPause() {
        return Optional.ofNullable(openPause);
    }

    // ---------------------------------------------------------------- becoming a participant

    /**
     * A person settled in the target group (§ 8, assessed by {@link TargetGroup}) becomes a participant; the start
     * deadline is settlement + 3 months (§ 12).
     */
    public static Created settled(UUID personId, String municipality, Regime regime, LocalDate birthDate, PermitType permitType,
            LocalDate permitDate, LocalDate settledOn, SettlementType settlementType) {
        LocalDate deadline = TargetGroup.startDeadline(settledOn);
        Participant p = new Participant(registered(personId, municipality, regime, birthDate, permitType, permitDate, settledOn,
                settlementType, deadline, Admission.TARGET_GROUP, null), null);
        return new Created(p, new HistoryEntry("SETTLED", "settled in " + municipality + " on " + settledOn + "; start deadline "
                + deadline + " (§ 12)"));
    }

    /**
     * § 8 third paragraph: the municipality admits a person by an explicit decision with a reason. The settlement is not
     * before the permit ({@code settlement.after-permit}, 422); a person is a participant once ({@code participant.unique},
     * 409). The regime follows the permit unless the admission names it.
     */
    public static Created admit(ParticipantCommand.Admit c, boolean alreadyParticipant, String decidedBy) {
        if (c.settledOn().isBefore(c.permitDate())) {
            throw new RuleViolationException("settledOn", "settlement.after-permit", "the settlement date is before the permit date");
        }
        if (alreadyParticipant) {
            throw new ConflictProblem("personId", "participant.unique", "person " + c.personId() + " is already a participant");
        }
        Regime regime = c.regime() != null ? c.regime() : TargetGroup.regimeFor(c.permitType(), c.permitDate());
        String reason = c.reason().strip();
        Participant p = new Participant(registered(c.personId(), c.municipality(), regime, c.birthDate(), c.permitType(), c.permitDate(),
                c.settledOn(), null, TargetGroup.startDeadline(c.settledOn()), Admission.DECISION, reason), null);
        return new Created(p, new HistoryEntry("ADMITTED", "admitted by decision of " + decidedBy + " (§ 8): " + reason));
    }

    private static Snapshot registered(UUID personId, String municipality, Regime regime, LocalDate birthDate, PermitType permitType,
            LocalDate permitDate, LocalDate settledOn, SettlementType settlementType, LocalDate deadline, Admission admission,
            String admissionReason) {
        return new Snapshot(personId, municipality, regime, birthDate, permitType, permitDate, settledOn, settlementType, deadline,
                admission, admissionReason, ParticipantStatus.REGISTERED, false, false, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    // ---------------------------------------------------------------- transitions

    /** 409 with the transition's rule unless the current state allows it. */
    public void require(Transition t) {
        if (!t.allowedIn(status)) {
            throw new ConflictProblem("status", t.refusalRule, t.refusal.formatted(status));
        }
    }

    /**
     * The § 12 decision with the § 13 length rules of the regime's rules in force on the start date
     * ({@link ProgrammeLength#check}) → REGISTERED to ACTIVE, {@code IntroductionProgrammeStarted}.
     */
    public Change decide(ParticipantCommand.Decide c, ProgrammeRules rules) {
        require(Transition.DECIDE);
        ProgrammeLength.Decision d = new ProgrammeLength.Decision(c.startDate(), c.plannedEndDate(), c.educationLevel(), c.finalGoal(),
                c.lateStartReason(), c.extensionJustification());
        refuseIfAny(ProgrammeLength.check(rules.inForce(regime, c.startDate()), d, settledOn, startDeadline));
        startDate = c.startDate();
        plannedEndDate = c.plannedEndDate();
        educationLevel = c.educationLevel();
        finalGoal = c.finalGoal();
        weeklyHours = c.weeklyHours();
        lateStartReason = blankToNull(c.lateStartReason());
        extensionJustification = blankToNull(c.extensionJustification());
        status = Transition.DECIDE.target(status);
        String late = startDate.isAfter(startDeadline) ? "; LATE START after deadline " + startDeadline + ": " + lateStartReason : "";
        return Change.of(new IntroductionProgrammeStarted(personId, municipality, regime, startDate, plannedEndDate, finalGoal,
                        educationLevel, weeklyHours),
                new HistoryEntry("DECIDED", "§ 12 decision: " + startDate + " – " + plannedEndDate + ", " + finalGoal + late));
    }

    /** The circumstances that decide the benefit fraction (§ 20) and parental guidance; in every state. */
    public Change setCircumstances(ParticipantCommand.SetCircumstances c) {
        require(Transition.SET_CIRCUMSTANCES);
        livingWithParents = c.livingWithParents();
        childlessCouple = c.childlessCoupleBothParticipating();
        hasChildUnder18 = c.hasChildUnder18();
        return Change.of(new HistoryEntry("CIRCUMSTANCES", "living with parents " + livingWithParents
                + ", childless couple both participating " + childlessCouple + ", child under 18 " + hasChildUnder18));
    }

    /**
     * The integration plan and contract (§§ 15–16) with the mandatory content ({@link IntegrationPlan#check}), until the
     * programme ends.
     */
    public Change agreePlan(ParticipantCommand.AgreePlan c) {
        require(Transition.AGREE_PLAN);
        refuseIfAny(IntegrationPlan.check(new IntegrationPlan.Plan(c.finalGoal(), c.norwegianGoal(), elementsOf(c), hasChildUnder18,
                c.longTermGoal(), c.mutualObligations()), regime));
        String elements = elementsOf(c).stream().map(Enum::name).collect(Collectors.joining(","));
        return Change.of(new HistoryEntry("PLAN", "integration plan and contract agreed " + c.agreedOn() + ": " + elements));
    }

    /** The plan's content elements in their order (the enum's). */
    public static EnumSet<ContentElement> elementsOf(ParticipantCommand.AgreePlan c) {
        return c.elements().isEmpty() ? EnumSet.noneOf(ContentElement.class) : EnumSet.copyOf(c.elements());
    }

    /**
     * One day of attendance after the § 12 decision: hours add up ({@link AttendanceDay#check}); only days inside the
     * programme ({@code attendance.inside-programme}); only working days (Monday–Friday without the public holidays of
     * helligdagsloven § 2 and lov om 1. og 17. mai § 1, docs/domain/introduction-programme.md#3e-working-days) unless the
     * plan lists the day as scheduled activity ({@code attendance.working-day}); one record a day
     * ({@code attendance.one-per-day}, 409). Returns the checked day.
     */
    public AttendanceDay recordAttendance(ParticipantCommand.RecordAttendance c, List<LocalDate> scheduledNonWorkingDays,
            boolean alreadyRecorded) {
        require(Transition.RECORD_ATTENDANCE);
        AttendanceDay day = new AttendanceDay(c.date(), c.plannedHours(), c.attendedHours(), c.absence());
        List<Violation> v = new ArrayList<>(day.check());
        LocalDate end = endedOn != null ? endedOn : plannedEndDate;
        if (c.date().isBefore(startDate) || c.date().isAfter(end)) {
            v.add(new Violation("date", "attendance.inside-programme", "the day is outside the programme " + startDate + " – " + end));
        }
        if (!WorkingDays.isWorkingDay(c.date()) && !scheduledNonWorkingDays.contains(c.date())) {
            v.add(new Violation("date", "attendance.working-day", c.date() + " is " + WorkingDays.whyNotWorkingDay(c.date())
                    + ", not a working day, and the plan lists no scheduled activity that day (scheduledNonWorkingDays)"));
        }
        refuseIfAny(v);
        if (alreadyRecorded) {
            throw new ConflictProblem("date", "attendance.one-per-day", "attendance for " + c.date() + " is already recorded");
        }
        return day;
    }

    /**
     * Leave (forskrift kap. 4, {@link PauseRules#checkLeave}) or temporary suspension (§ 18,
     * {@link PauseRules#checkTemporarySuspension}) of a running programme, starting inside it → ACTIVE to PAUSED,
     * {@code IntroductionProgrammePaused}.
     */
    public Change pause(ParticipantCommand.Pause c, PauseRules.LeaveLimits limits) {
        require(Transition.PAUSE);
        boolean leave = c.kind() == PauseReason.LEAVE;
        List<Violation> v = new ArrayList<>(leave ? PauseRules.checkLeave(limits, c.leaveType(), c.from(), c.expectedResumeOn())
                : PauseRules.checkTemporarySuspension(c.from(), c.expectedResumeOn(), c.reason()));
        if (c.from().isBefore(startDate) || c.from().isAfter(plannedEndDate)) {
            v.add(new Violation("from", "pause.inside-programme", "the pause starts outside the programme " + startDate + " – " + plannedEndDate));
        }
        refuseIfAny(v);
        Pause pause = new Pause(c.kind(), leave ? c.leaveType() : null, c.from(), c.expectedResumeOn(), blankToNull(c.reason()),
                leave && limits.of(c.leaveType()).withBenefit());
        openPause = pause;
        status = Transition.PAUSE.target(status);
        return new Change(List.of(new IntroductionProgrammePaused(personId, municipality, c.from(), c.kind(), c.expectedResumeOn())),
                new HistoryEntry("PAUSED", c.kind() + (pause.leaveType() != null ? " " + pause.leaveType() : "") + " from " + c.from()
                        + (pause.reason() != null ? ": " + pause.reason() : "")),
                pause, null);
    }

    /**
     * The first day back after the pause's first day ({@code resume.after-pause}); a temporary suspension lasts at most 3
     * months (§ 18, {@link PauseRules#temporaryMaximum}); a new planned end is after the resumption → PAUSED to ACTIVE,
     * {@code IntroductionProgrammeResumed}.
     */
    public Change resume(ParticipantCommand.Resume c) {
        require(Transition.RESUME);
        if (openPause == null) {
            throw new IllegalStateException("participant " + personId + " is paused without an open pause");
        }
        List<Violation> v = new ArrayList<>();
        if (!c.resumedOn().isAfter(openPause.from())) {
            v.add(new Violation("resumedOn", "resume.after-pause", "the first day back is after the pause's first day " + openPause.from()));
        }
        if (openPause.kind() == PauseReason.TEMPORARY_SUSPENSION) {
            PauseRules.temporaryMaximum("resumedOn", openPause.from(), c.resumedOn()).ifPresent(v::add);
        }
        if (c.plannedEndDate() != null && !c.plannedEndDate().isAfter(c.resumedOn())) {
            v.add(new Violation("plannedEndDate", "programme.end-after-start", "the new planned end is not after the resumption"));
        }
        refuseIfAny(v);
        openPause = null;
        status = Transition.RESUME.target(status);
        if (c.plannedEndDate() != null) {
            plannedEndDate = c.plannedEndDate();
        }
        return new Change(List.of(new IntroductionProgrammeResumed(personId, municipality, c.resumedOn(), c.plannedEndDate())),
                new HistoryEntry("RESUMED", "resumed " + c.resumedOn() + (c.plannedEndDate() != null ? ", planned end " + c.plannedEndDate() : "")),
                null, c.resumedOn());
    }

    /** A running programme completed, not before its start → ACTIVE to COMPLETED, {@code IntroductionProgrammeCompleted}. */
    public Change complete(ParticipantCommand.Complete c) {
        require(Transition.COMPLETE);
        if (c.completedOn().isBefore(startDate)) {
            throw new RuleViolationException("completedOn", "completion.after-start", "the programme cannot end before it started " + startDate);
        }
        status = Transition.COMPLETE.target(status);
        endedOn = c.completedOn();
        outcome = c.outcome();
        finalGoalReached = c.finalGoalReached();
        return Change.of(new IntroductionProgrammeCompleted(personId, municipality, regime, startDate, endedOn, outcome, finalGoal,
                        finalGoalReached),
                new HistoryEntry("COMPLETED", "completed " + c.completedOn() + ", outcome " + c.outcome() + ", final goal reached "
                        + c.finalGoalReached()));
    }

    /**
     * A running or paused programme ends: a permanent suspension needs an objective reason (§ 18,
     * {@code integreringsloven-18.reason}); not before the start. An open pause ends with it (its first day back is the
     * day after) → DISCONTINUED, {@code IntroductionProgrammeDiscontinued}.
     */
    public Change discontinue(ParticipantCommand.Discontinue c) {
        require(Transition.DISCONTINUE);
        List<Violation> v = new ArrayList<>();
        if (c.reason() == DiscontinuationReason.PERMANENT_SUSPENSION && blankToNull(c.justification()) == null) {
            v.add(new Violation("justification", "integreringsloven-18.reason", "a permanent suspension needs a reason (saklig begrunnet)"));
        }
        if (c.discontinuedOn().isBefore(startDate)) {
            v.add(new Violation("discontinuedOn", "discontinuation.after-start", "the programme cannot end before it started " + startDate));
        }
        refuseIfAny(v);
        status = Transition.DISCONTINUE.target(status);
        endedOn = c.discontinuedOn();
        discontinuationReason = c.reason();
        endNote = blankToNull(c.justification());
        openPause = null;
        return new Change(List.of(new IntroductionProgrammeDiscontinued(personId, municipality, c.discontinuedOn(), c.reason())),
                new HistoryEntry("DISCONTINUED", "discontinued " + c.discontinuedOn() + ": " + c.reason() + (endNote != null ? " – " + endNote : "")),
                null, c.discontinuedOn().plusDays(1));
    }

    /** A move (PersonRelocated): the new municipality takes over; nothing when the participant already lives there. */
    public Optional<Change> relocate(String toMunicipality, LocalDate movedOn) {
        require(Transition.RELOCATE);
        if (municipality.equals(toMunicipality)) {
            return Optional.empty();
        }
        String from = municipality;
        municipality = toMunicipality;
        return Optional.of(Change.of(new HistoryEntry("RELOCATED", "moved from " + from + " to " + toMunicipality + " on " + movedOn
                + "; " + toMunicipality + " takes over")));
    }

    // ---------------------------------------------------------------- the state diagram

    /**
     * The lifecycle as a mermaid state diagram, rendered from {@link Transition}: one arrow per state a state-changing
     * transition is allowed in; the transitions that keep the state are listed in a note per state.
     */
    public static String stateDiagram() {
        StringBuilder b = new StringBuilder("stateDiagram-v2\n");
        b.append("    [*] --> REGISTERED : settled in the target group / admitted (§ 8)\n");
        for (Transition t : Transition.values()) {
            if (!t.changesState()) {
                continue;
            }
            for (ParticipantStatus s : ParticipantStatus.values()) {
                if (t.allowedIn(s)) {
                    b.append("    ").append(s).append(" --> ").append(t.target(s)).append(" : ").append(t.label()).append('\n');
                }
            }
        }
        for (ParticipantStatus s : ParticipantStatus.values()) {
            List<String> kept = new ArrayList<>();
            for (Transition t : Transition.values()) {
                if (!t.changesState() && t.allowedIn(s)) {
                    kept.add(t.label());
                }
            }
            b.append("    note right of ").append(s).append(" : ").append(String.join(", ", kept)).append('\n');
        }
        for (ParticipantStatus s : ParticipantStatus.values()) {
            boolean leaves = false;
            for (Transition t : Transition.values()) {
                leaves |= t.changesState() && t.allowedIn(s);
            }
            if (!leaves) {
                b.append("    ").append(s).append(" --> [*]\n");
            }
        }
        return b.toString();
    }

    private static void refuseIfAny(List<Violation> v) {
        if (!v.isEmpty()) {
            throw new RuleViolationException(v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
