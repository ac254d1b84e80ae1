package no.nystart.introduction.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.nystart.contracts.introduction.DiscontinuationReason;
import no.nystart.contracts.introduction.IntroductionProgrammeCompleted;
import no.nystart.contracts.introduction.IntroductionProgrammeDiscontinued;
import no.nystart.contracts.introduction.IntroductionProgrammePaused;
import no.nystart.contracts.introduction.IntroductionProgrammeResumed;
import no.nystart.contracts.introduction.IntroductionProgrammeStarted;
import no.nystart.contracts.introduction.PauseReason;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.introduction.api.Requests;
import no.nystart.introduction.domain.AbsenceReason;
import no.nystart.introduction.domain.AttendanceDay;
import no.nystart.introduction.domain.BenefitCalculator;
import no.nystart.introduction.domain.ContentElement;
import no.nystart.introduction.domain.IntegrationPlan;
import no.nystart.introduction.domain.ParticipantStatus;
import no.nystart.introduction.domain.PauseRules;
import no.nystart.introduction.domain.ProgrammeLength;
import no.nystart.introduction.domain.ProgrammeRules;
import no.nystart.introduction.domain.TargetGroup;
import no.nystart.introduction.domain.WorkingDays;
import no.nystart.introduction.persistence.AttendanceEntity;
import no.nystart.introduction.persistence.HistoryEntity;
import no.nystart.introduction.persistence.ParticipantEntity;
import no.nystart.introduction.persistence.PauseEntity;
import no.nystart.introduction.persistence.PlanEntity;
import no.nystart.platform.events.EventEnvelope;
import no.nystart.platform.audit.ReadAudit;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.paging.Page;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.security.Caller;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;
import org.jboss.logging.Logger;

/** Participants of the introduction programme. Every state change and its event commit together. */
@ApplicationScoped
public class ParticipantService {
    private static final Logger LOG = Logger.getLogger(ParticipantService.class);
    public static final String TARGET_GROUP = "TARGET_GROUP";
    public static final String DECISION = "DECISION";

    private final Outbox outbox;
    private final Clock clock;
    private final TargetGroup targetGroup;
    private final ProgrammeRules rules;
    private final PauseRules.LeaveLimits leaveLimits;
    private final BenefitCalculator benefit;
    private final FollowUpService followUp;
    private final ReadAudit readAudit;

    public ParticipantService(ReadAudit readAudit, Outbox outbox, Clock clock, TargetGroup targetGroup, ProgrammeRules rules,
            PauseRules.LeaveLimits leaveLimits, BenefitCalculator benefit, FollowUpService followUp) {
        this.readAudit = readAudit;
        this.followUp = followUp;
        this.outbox = outbox;
        this.clock = clock;
        this.targetGroup = targetGroup;
        this.rules = rules;
        this.leaveLimits = leaveLimits;
        this.benefit = benefit;
    }

    // ---------------------------------------------------------------- events consumed

    /**
     * PersonSettled: a participant for a person in the target group (§ 8, docs/domain/introduction-programme.md#3a), start deadline
     * settlement + 3 months (§ 12). Others are logged with the reason, not an error. Runs in the inbox
     * transaction; a second event for the same person changes nothing.
     */
    public Uni<Void> onSettled(PersonSettled e, EventEnvelope envelope) {
        TargetGroup.Assessment a = targetGroup.assess(new TargetGroup.Person(e.birthDate(), e.permitType(), e.permitDate(), e.regime(),
                e.settlementType(), e.settledOn()));
        if (!a.inTargetGroup()) {
            LOG.infof("person %s settled in %s is not in the introduction-programme target group: %s [%s] (event %s)", e.personId(),
                    e.municipality(), a.reason(), a.rule(), envelope.id());
            return Uni.createFrom().voidItem();
        }
        return ParticipantEntity.<ParticipantEntity>findById(e.personId()).chain(existing -> {
            if (existing != null) {
                LOG.infof("person %s is already a participant; %s ignored", e.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            ParticipantEntity p = new ParticipantEntity();
            p.personId = e.personId();
            p.municipality = e.municipality();
            p.regime = e.regime();
            p.birthDate = e.birthDate();
            p.permitType = e.permitType();
            p.permitDate = e.permitDate();
            p.settledOn = e.settledOn();
            p.settlementType = e.settlementType();
            p.startDeadline = TargetGroup.startDeadline(e.settledOn());
            p.admission = TARGET_GROUP;
            p.status = ParticipantStatus.REGISTERED;
            p.createdByEvent = envelope.id();
            p.createdAt = now();
            return p.persistAndFlush()
                    .chain(() -> followUp.applyPrior(p))
                    .chain(() -> history(p.personId, "SETTLED", "settled in " + e.municipality() + " on " + e.settledOn()
                            + "; start deadline " + p.startDeadline + " (§ 12)"));
        });
    }

    /** PersonRelocated: the new municipality takes over; the history keeps the move. */
    public Uni<Void> onRelocated(PersonRelocated e, EventEnvelope envelope) {
        return ParticipantEntity.<ParticipantEntity>findById(e.personId(), LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                LOG.infof("relocated person %s is not a participant; %s ignored", e.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            if (p.municipality.equals(e.toMunicipality())) {
                return Uni.createFrom().voidItem();
            }
            String from = p.municipality;
            p.municipality = e.toMunicipality();
            return history(p.personId, "RELOCATED", "moved from " + from + " to " + e.toMunicipality() + " on " + e.movedOn()
                    + "; " + e.toMunicipality() + " takes over");
        });
    }

    // ---------------------------------------------------------------- commands

    /** § 8 third paragraph: the municipality admits a person by an explicit decision with a reason. */
    @WithTransaction
    public Uni<ParticipantEntity> admit(Requests.Admission r, Caller caller) {
        return ParticipantEntity.<ParticipantEntity>findById(r.personId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ConflictProblem("personId", "participant.unique",
                        "person " + r.personId() + " is already a participant"));
            }
            ParticipantEntity p = new ParticipantEntity();
            p.personId = r.personId();
            p.municipality = r.municipality();
            p.regime = r.regime() != null ? r.regime() : TargetGroup.regimeFor(r.permitType(), r.permitDate());
            p.birthDate = r.birthDate();
            p.permitType = r.permitType();
            p.permitDate = r.permitDate();
            p.settledOn = r.settledOn();
            p.startDeadline = TargetGroup.startDeadline(r.settledOn());
            p.admission = DECISION;
            p.admissionReason = r.reason().strip();
            p.status = ParticipantStatus.REGISTERED;
            p.createdAt = now();
            return p.<ParticipantEntity>persistAndFlush()
                    .call(saved -> followUp.applyPrior(saved))
                    .call(saved -> history(saved.personId, "ADMITTED", "admitted by decision of " + caller.name() + " (§ 8): " + saved.admissionReason));
        });
    }

    /** The § 12 decision with the § 13 length rules → IntroductionProgrammeStarted. */
    @WithTransaction
    public Uni<ParticipantEntity> decide(UUID id, Requests.ProgrammeDecision r, Caller caller) {
        return loadForUpdate(id, caller).chain(p -> {
            if (p.status != ParticipantStatus.REGISTERED) {
                return Uni.createFrom().failure(new ConflictProblem("status", "integreringsloven-12.one-decision",
                        "the programme was already decided (status " + p.status + ")"));
            }
            ProgrammeLength.Decision d = new ProgrammeLength.Decision(r.startDate(), r.plannedEndDate(), r.educationLevel(), r.finalGoal(),
                    r.lateStartReason(), r.extensionJustification());
            List<Violation> v = ProgrammeLength.check(rules.inForce(p.regime, r.startDate()), d, p.settledOn, p.startDeadline);
            if (!v.isEmpty()) {
                return Uni.createFrom().failure(new RuleViolationException(v));
            }
            p.startDate = r.startDate();
            p.plannedEndDate = r.plannedEndDate();
            p.educationLevel = r.educationLevel();
            p.finalGoal = r.finalGoal();
            p.weeklyHours = r.weeklyHours();
            p.lateStartReason = blankToNull(r.lateStartReason());
            p.extensionJustification = blankToNull(r.extensionJustification());
            p.status = ParticipantStatus.ACTIVE;
            String late = r.startDate().isAfter(p.startDeadline) ? "; LATE START after deadline " + p.startDeadline + ": " + p.lateStartReason : "";
            return history(p.personId, "DECIDED", "§ 12 decision: " + r.startDate() + " – " + r.plannedEndDate() + ", " + r.finalGoal() + late)
                    .chain(() -> outbox.append(new IntroductionProgrammeStarted(p.personId, p.municipality, p.regime, p.startDate,
                            p.plannedEndDate, p.finalGoal, p.educationLevel, p.weeklyHours)))
                    .replaceWith(p);
        });
    }

    @WithTransaction
    public Uni<ParticipantEntity> circumstances(UUID id, Requests.Circumstances r, Caller caller) {
        return loadForUpdate(id, caller).chain(p -> {
            p.livingWithParents = r.livingWithParents();
            p.childlessCouple = r.childlessCoupleBothParticipating();
            p.hasChildUnder18 = r.hasChildUnder18();
            return history(p.personId, "CIRCUMSTANCES", "living with parents " + p.livingWithParents + ", childless couple both participating "
                    + p.childlessCouple + ", child under 18 " + p.hasChildUnder18).replaceWith(p);
        });
    }

    /** Integration plan and contract (§§ 15–16) with the mandatory content (docs/domain/introduction-programme.md#3c). */
    @WithTransaction
    public Uni<PlanEntity> plan(UUID id, Requests.Plan r, Caller caller) {
        return loadForUpdate(id, caller).chain(p -> {
            requireOpen(p);
            EnumSet<ContentElement> elements = r.elements().isEmpty() ? EnumSet.noneOf(ContentElement.class) : EnumSet.copyOf(r.elements());
            List<Violation> v = IntegrationPlan.check(new IntegrationPlan.Plan(r.finalGoal(), r.norwegianGoal(), elements, p.hasChildUnder18,
                    r.longTermGoal(), r.mutualObligations()), p.regime);
            if (!v.isEmpty()) {
                return Uni.createFrom().failure(new RuleViolationException(v));
            }
            return PlanEntity.<PlanEntity>findById(id).chain(existing -> {
                PlanEntity plan = existing != null ? existing : new PlanEntity();
                plan.personId = id;
                plan.finalGoal = r.finalGoal();
                plan.goalReading = r.norwegianGoal().get("reading");
                plan.goalListening = r.norwegianGoal().get("listening");
                plan.goalWriting = r.norwegianGoal().get("writing");
                plan.goalOral = r.norwegianGoal().get("oral");
                plan.elements = elements.stream().map(Enum::name).collect(Collectors.joining(","));
                plan.longTermGoal = r.longTermGoal().strip();
                plan.mutualObligations = r.mutualObligations().strip();
                plan.agreedOn = r.agreedOn();
                plan.scheduledNonWorkingDays = r.scheduledNonWorkingDays() == null ? ""
                        : r.scheduledNonWorkingDays().stream().distinct().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
                plan.updatedAt = now();
                Uni<PlanEntity> saved = existing != null ? Uni.createFrom().item(plan) : plan.persist();
                return saved.call(x -> history(id, "PLAN", "integration plan and contract agreed " + r.agreedOn() + ": " + plan.elements));
            });
        });
    }

    /**
     * One day of attendance; hours must add up (docs/domain/introduction-programme.md#3e); only days inside the programme;
     * only working days (Monday–Friday without the public holidays of helligdagsloven § 2 and lov om 1. og 17. mai § 1,
     * docs/domain/introduction-programme.md#3e-working-days) unless the plan lists the day as scheduled activity.
     */
    @WithTransaction
    public Uni<AttendanceEntity> attendance(UUID id, Requests.Attendance r, Caller caller) {
        return loadForUpdate(id, caller).chain(p -> {
            requireDecided(p);
            AttendanceDay day = new AttendanceDay(r.date(), r.plannedHours(), r.attendedHours(), r.absence());
            List<Violation> v = new ArrayList<>(day.check());
            LocalDate end = p.endedOn != null ? p.endedOn : p.plannedEndDate;
            if (r.date().isBefore(p.startDate) || r.date().isAfter(end)) {
                v.add(new Violation("date", "attendance.inside-programme", "the day is outside the programme " + p.startDate + " – " + end));
            }
            Uni<Boolean> scheduled = WorkingDays.isWorkingDay(r.date()) ? Uni.createFrom().item(true)
                    : PlanEntity.<PlanEntity>findById(id).map(plan -> plan != null && plan.scheduledNonWorkingDayList().contains(r.date()));
            return scheduled.chain(ok -> {
                if (!ok) {
                    v.add(new Violation("date", "attendance.working-day", r.date() + " is " + WorkingDays.whyNotWorkingDay(r.date())
                            + ", not a working day, and the plan lists no scheduled activity that day (scheduledNonWorkingDays)"));
                }
                if (!v.isEmpty()) {
                    return Uni.createFrom().failure(new RuleViolationException(v));
                }
                return AttendanceEntity.count("personId = ?1 and day = ?2", id, r.date()).chain(n -> {
                    if (n > 0) {
                        return Uni.createFrom().failure(new ConflictProblem("date", "attendance.one-per-day",
                                "attendance for " + r.date() + " is already recorded"));
                    }
                    AttendanceEntity a = new AttendanceEntity();
                    a.id = UUID.randomUUID();
                    a.personId = id;
                    a.day = r.date();
                    a.plannedHours = r.plannedHours();
                    a.attendedHours = r.attendedHours();
                    a.illness = day.absenceHours(AbsenceReason.ILLNESS);
                    a.sickChild = day.absenceHours(AbsenceReason.SICK_CHILD);
                    a.welfare = day.absenceHours(AbsenceReason.WELFARE);
                    a.permittedLeave = day.absenceHours(AbsenceReason.PERMITTED_LEAVE);
                    a.unexcused = day.absenceHours(AbsenceReason.UNEXCUSED);
                    return a.persist();
                });
            });
        });
    }

    /** Leave (forskrift kap. 4) or temporary suspension (§ 18) → IntroductionProgrammePaused. */
    @WithTransaction
    public Uni<PauseEntity> pause(UUID id, Requests.Pause r, Caller caller) {
        return loadForUpdate(id, caller).chain(p -> {
            if (p.status != ParticipantStatus.ACTIVE) {
                return Uni.createFrom().failure(new ConflictProblem("status", "pause.programme-active",
                        "only a running programme can be paused (status " + p.status + ")"));
            }
            List<Violation> v = new ArrayList<>(r.kind() == PauseReason.LEAVE
                    ? PauseRules.checkLeave(leaveLimits, r.leaveType(), r.from(), r.expectedResumeOn())
                    : PauseRules.checkTemporarySuspension(r.from(), r.expectedResumeOn(), r.reason()));
            if (r.from().isBefore(p.startDate) || r.from().isAfter(p.plannedEndDate)) {
                v.add(new Violation("from", "pause.inside-programme", "the pause starts outside the programme " + p.startDate + " – " + p.plannedEndDate));
            }
            if (!v.isEmpty()) {
                return Uni.createFrom().failure(new RuleViolationException(v));
            }
            PauseEntity pause = new PauseEntity();
            pause.id = UUID.randomUUID();
            pause.personId = id;
            pause.kind = r.kind();
            pause.leaveType = r.kind() == PauseReason.LEAVE ? r.leaveType() : null;
            pause.fromDate = r.from();
            pause.expectedResumeOn = r.expectedResumeOn();
            pause.reason = blankToNull(r.reason());
            pause.withBenefit = r.kind() == PauseReason.LEAVE && leaveLimits.of(r.leaveType()).withBenefit();
            pause.createdAt = now();
            p.status = ParticipantStatus.PAUSED;
            return pause.<PauseEntity>persist()
                    .call(x -> history(id, "PAUSED", r.kind() + (pause.leaveType != null ? " " + pause.leaveType : "") + " from " + r.from()
                            + (pause.reason != null ? ": " + pause.reason : "")))
                    .call(x -> outbox.append(new IntroductionProgrammePaused(id, p.municipality, r.from(), r.kind(), r.expectedResumeOn())));
        });
    }

    /** → IntroductionProgrammeResumed. */
    @WithTransaction
    public Uni<ParticipantEntity> resume(UUID id, Requests.Resumption r, Caller caller) {
        return loadForUpdate(id, caller).chain(p -> {
            if (p.status != ParticipantStatus.PAUSED) {
                return Uni.createFrom().failure(new ConflictProblem("status", "resume.programme-paused",
                        "only a paused programme can be resumed (status " + p.status + ")"));
            }
            return PauseEntity.<PauseEntity>find("personId = ?1 and resumedOn is null", id).firstResult().chain(pause -> {
                List<Violation> v = new ArrayList<>();
                if (!r.resumedOn().isAfter(pause.fromDate)) {
                    v.add(new Violation("resumedOn", "resume.after-pause", "the first day back is after the pause's first day " + pause.fromDate));
                }
                if (pause.kind == PauseReason.TEMPORARY_SUSPENSION && r.resumedOn().isAfter(pause.fromDate.plusMonths(PauseRules.MAX_TEMPORARY_SUSPENSION_MONTHS))) {
                    v.add(new Violation("resumedOn", "integreringsloven-18.temporary-max-3-months",
                            "a temporary suspension lasts at most 3 months"));
                }
                if (r.plannedEndDate() != null && !r.plannedEndDate().isAfter(r.resumedOn())) {
                    v.add(new Violation("plannedEndDate", "programme.end-after-start", "the new planned end is not after the resumption"));
                }
                if (!v.isEmpty()) {
                    return Uni.createFrom().failure(new RuleViolationException(v));
                }
                pause.resumedOn = r.resumedOn();
                p.status = ParticipantStatus.ACTIVE;
                if (r.plannedEndDate() != null) {
                    p.plannedEndDate = r.plannedEndDate();
                }
                return history(id, "RESUMED", "resumed " + r.resumedOn() + (r.plannedEndDate() != null ? ", planned end " + r.plannedEndDate() : ""))
                        .chain(() -> outbox.append(new IntroductionProgrammeResumed(id, p.municipality, r.resumedOn(), r.plannedEndDate())))
                        .replaceWith(p);
            });
        });
    }

    /** → IntroductionProgrammeCompleted. */
    @WithTransaction
    public Uni<ParticipantEntity> complete(UUID id, Requests.Completion r, Caller caller) {
        return loadForUpdate(id, caller).chain(p -> {
            if (p.status != ParticipantStatus.ACTIVE) {
                return Uni.createFrom().failure(new ConflictProblem("status", "completion.programme-active",
                        "only a running programme can be completed (status " + p.status + ")"));
            }
            if (r.completedOn().isBefore(p.startDate)) {
                return Uni.createFrom().failure(new RuleViolationException("completedOn", "completion.after-start",
                        "the programme cannot end before it started " + p.startDate));
            }
            p.status = ParticipantStatus.COMPLETED;
            p.endedOn = r.completedOn();
            p.outcome = r.outcome();
            p.finalGoalReached = r.finalGoalReached();
            return history(id, "COMPLETED", "completed " + r.completedOn() + ", outcome " + r.outcome() + ", final goal reached " + r.finalGoalReached())
                    .chain(() -> outbox.append(new IntroductionProgrammeCompleted(id, p.municipality, p.regime, p.startDate, p.endedOn,
                            p.outcome, p.finalGoal, p.finalGoalReached)))
                    .replaceWith(p);
        });
    }

    /** Permanent suspension (§ 18, needs a reason) or another end → IntroductionProgrammeDiscontinued. */
    @WithTransaction
    public Uni<ParticipantEntity> discontinue(UUID id, Requests.Discontinuation r, Caller caller) {
        return loadForUpdate(id, caller).chain(p -> {
            if (p.status != ParticipantStatus.ACTIVE && p.status != ParticipantStatus.PAUSED) {
                return Uni.createFrom().failure(new ConflictProblem("status", "discontinuation.programme-running",
                        "only a running or paused programme can be discontinued (status " + p.status + ")"));
            }
            List<Violation> v = new ArrayList<>();
            if (r.reason() == DiscontinuationReason.PERMANENT_SUSPENSION && blankToNull(r.justification()) == null) {
                v.add(new Violation("justification", "integreringsloven-18.reason", "a permanent suspension needs a reason (saklig begrunnet)"));
            }
            if (r.discontinuedOn().isBefore(p.startDate)) {
                v.add(new Violation("discontinuedOn", "discontinuation.after-start", "the programme cannot end before it started " + p.startDate));
            }
            if (!v.isEmpty()) {
                return Uni.createFrom().failure(new RuleViolationException(v));
            }
            p.status = ParticipantStatus.DISCONTINUED;
            p.endedOn = r.discontinuedOn();
            p.discontinuationReason = r.reason();
            p.endNote = blankToNull(r.justification());
            return PauseEntity.<PauseEntity>list("personId = ?1 and resumedOn is null", id)
                    .invoke(open -> open.forEach(x -> x.resumedOn = r.discontinuedOn().plusDays(1)))
                    .chain(() -> history(id, "DISCONTINUED", "discontinued " + r.discontinuedOn() + ": " + r.reason()
                            + (p.endNote != null ? " – " + p.endNote : "")))
                    .chain(() -> outbox.append(new IntroductionProgrammeDiscontinued(id, p.municipality, r.discontinuedOn(), r.reason())))
                    .replaceWith(p);
        });
    }

    // ---------------------------------------------------------------- reads (audited)

    @WithTransaction
    public Uni<ParticipantEntity> get(UUID id, Caller caller) {
        return load(id, caller).call(p -> audit(caller, "participant", id));
    }

    /** The sort of the participants list: start deadline, then person id. */
    public static final String LIST_SORT = "participants.start-deadline.person-id";
    /** The sort of the municipality-wide benefit and behind-plan lists: person id. */
    public static final String PERSON_SORT = "participants.person-id";
    /** The sort of one participant's history: time, then id. */
    public static final String HISTORY_SORT = "participant-history.at.id";

    /**
     * One page of the caller's municipality's participants by start deadline; {@code deadlineWithinDays}: only those
     * not started whose deadline is that close. ONE bounded keyset query ({@code limit + 1} rows after the cursor).
     */
    @WithTransaction
    public Uni<Page<ParticipantEntity>> list(String municipality, Integer deadlineWithinDays, PageRequest page, Caller caller) {
        List<Object> params = new ArrayList<>(List.of(municipality));
        StringBuilder where = new StringBuilder("municipality = ?1");
        if (deadlineWithinDays != null) {
            params.add(ParticipantStatus.REGISTERED);
            params.add(today().plusDays(deadlineWithinDays));
            where.append(" and status = ?2 and startDeadline <= ?3");
        }
        page.cursor().ifPresent(after -> {
            params.add(after.date(0));
            params.add(after.uuid(1));
            where.append(" and (startDeadline, personId) > (?").append(params.size() - 1).append(", ?").append(params.size()).append(')');
        });
        return ParticipantEntity.<ParticipantEntity>find(where + " order by startDeadline, personId", params.toArray())
                .range(0, page.fetchSize() - 1).list()
                .map(rows -> page.page(rows, p -> new Object[] {p.startDeadline, p.personId}))
                .call(x -> audit(caller, "participants of " + municipality, null));
    }

    /**
     * One page of a participant's history in time order. One person's history is short, but it is paged like every
     * list so that clients need one way to read lists (and an unusually long history stays bounded).
     */
    @WithTransaction
    public Uni<Page<HistoryEntity>> history(UUID id, PageRequest page, Caller caller) {
        return load(id, caller).chain(p -> page.cursor()
                        .map(after -> HistoryEntity.<HistoryEntity>find("personId = ?1 and (at, id) > (?2, ?3) order by at, id", id,
                                after.timestamp(0), after.uuid(1)))
                        .orElseGet(() -> HistoryEntity.<HistoryEntity>find("personId = ?1 order by at, id", id))
                        .range(0, page.fetchSize() - 1).list())
                .map(rows -> page.page(rows, h -> new Object[] {h.at, h.id}))
                .call(x -> audit(caller, "history", id));
    }

    /**
     * All of one participant's history rows, for the person timeline ({@link PersonHistoryService}): one person's
     * lifecycle is small and bounded (a row per decision, pause, resumption and ending), so it is read whole; the
     * paged {@code GET /participants/{id}/history} above serves lists.
     */
    public Uni<List<HistoryEntity>> history(UUID id, Caller caller) {
        return load(id, caller).chain(p -> HistoryEntity.<HistoryEntity>list("personId = ?1 order by at, id", id))
                .call(x -> audit(caller, "history", id));
    }

    /** Participants of a municipality by person id, after the page's cursor: one bounded keyset query. */
    private static Uni<Page<ParticipantEntity>> byPerson(String where, PageRequest page, Object... params) {
        List<Object> all = new ArrayList<>(List.of(params));
        String query = where;
        if (page.cursor().isPresent()) {
            all.add(page.cursor().get().uuid(0));
            query += " and personId > ?" + all.size();
        }
        return ParticipantEntity.<ParticipantEntity>find(query + " order by personId", all.toArray())
                .range(0, page.fetchSize() - 1).list()
                .map(rows -> page.page(rows, p -> new Object[] {p.personId}));
    }

    @WithTransaction
    public Uni<PlanEntity> getPlan(UUID id, Caller caller) {
        return load(id, caller).chain(p -> PlanEntity.<PlanEntity>findById(id))
                .onItem().ifNull().failWith(() -> new NotFoundProblem("integration plan of participant", id))
                .call(x -> audit(caller, "plan", id));
    }

    /** The benefit for one month (§§ 20–21) with every step. */
    @WithTransaction
    public Uni<BenefitCalculator.Calculation> benefit(UUID id, YearMonth month, Caller caller) {
        return load(id, caller).chain(p -> {
            requireDecided(p);
            return PauseEntity.<PauseEntity>list("personId = ?1", id).chain(pauses -> AttendanceEntity
                    .<AttendanceEntity>list("personId = ?1 and day >= ?2 and day <= ?3", id, month.atDay(1), month.atEndOfMonth())
                    .map(days -> benefit.calculate(benefitInput(p, month, pauses, days))));
        }).call(x -> audit(caller, "benefit " + month, id));
    }

    /** Share of unexcused absence over programme time so far (docs/domain/introduction-programme.md#3f: the 10 % guidance). */
    @WithTransaction
    public Uni<Map<String, Object>> absenceReport(UUID id, Caller caller) {
        return load(id, caller).chain(p -> AttendanceEntity.<AttendanceEntity>list("personId = ?1", id).map(days -> {
            BigDecimal planned = BigDecimal.ZERO;
            Map<AbsenceReason, BigDecimal> byReason = new java.util.EnumMap<>(AbsenceReason.class);
            for (AttendanceEntity a : days) {
                planned = planned.add(a.plannedHours);
                AttendanceDay d = a.toDay();
                for (AbsenceReason reason : AbsenceReason.values()) {
                    byReason.merge(reason, d.absenceHours(reason), BigDecimal::add);
                }
            }
            BigDecimal unexcused = byReason.getOrDefault(AbsenceReason.UNEXCUSED, BigDecimal.ZERO);
            BigDecimal share = planned.signum() == 0 ? BigDecimal.ZERO
                    : unexcused.divide(planned, 4, java.math.RoundingMode.HALF_UP);
            Map<String, Object> report = new java.util.LinkedHashMap<>();
            report.put("personId", id);
            report.put("daysRecorded", days.size());
            report.put("plannedHours", planned);
            report.put("absenceHours", byReason);
            report.put("unexcusedShare", share);
            report.put("guidanceThreshold", new BigDecimal("0.10"));
            report.put("overGuidanceThreshold", share.compareTo(new BigDecimal("0.10")) > 0);
            report.put("rule", "docs/domain/introduction-programme.md#3f: absence that substantially exceeds 10 % of programme time may justify stans (§ 18)");
            return report;
        })).call(x -> audit(caller, "absence report", id));
    }

    /** Data for the participant certificate (deltakerbevis, § 18 a post-2025, docs/domain/introduction-programme.md#3c): only after the programme ended. */
    @WithTransaction
    public Uni<Certificate> certificate(UUID id, Caller caller) {
        return load(id, caller).chain(p -> {
            if (p.status != ParticipantStatus.COMPLETED && p.status != ParticipantStatus.DISCONTINUED) {
                return Uni.createFrom().failure(new ConflictProblem("status", "certificate.programme-ended",
                        "a participant certificate is issued when the programme is completed or interrupted (status " + p.status + ")"));
            }
            return PlanEntity.<PlanEntity>findById(id).map(plan -> new Certificate(p, plan));
        }).call(x -> audit(caller, "certificate", id));
    }

    public record Certificate(ParticipantEntity participant, PlanEntity plan) {
    }

    /**
     * One month's benefit for one page (by person id) of the municipality's participants with a programme: three
     * bounded queries per page (participants, their pauses, their attendance), not N+1.
     */
    @WithTransaction
    public Uni<Page<MonthlyBenefit>> benefits(String municipality, YearMonth month, PageRequest page, Caller caller) {
        return byPerson("municipality = ?1 and startDate is not null and startDate <= ?2 and (endedOn is null or endedOn >= ?3)",
                page, municipality, month.atEndOfMonth(), month.atDay(1)).chain(found -> {
                    List<ParticipantEntity> list = found.items();
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(new Page<MonthlyBenefit>(List.of(), found.next()));
                    }
                    List<UUID> ids = list.stream().map(p -> p.personId).toList();
                    return PauseEntity.<PauseEntity>list("personId in ?1", ids).chain(pauses -> AttendanceEntity
                            .<AttendanceEntity>list("personId in ?1 and day >= ?2 and day <= ?3", ids, month.atDay(1), month.atEndOfMonth())
                            .map(days -> {
                                Map<UUID, List<PauseEntity>> pausesOf = pauses.stream().collect(Collectors.groupingBy(x -> x.personId));
                                Map<UUID, List<AttendanceEntity>> daysOf = days.stream().collect(Collectors.groupingBy(x -> x.personId));
                                return found.map(p -> {
                                    BenefitCalculator.Calculation c = benefit.calculate(benefitInput(p, month,
                                            pausesOf.getOrDefault(p.personId, List.of()), daysOf.getOrDefault(p.personId, List.of())));
                                    return new MonthlyBenefit(p.personId, c.grossKroner(), c.reductionKroner(), c.netKroner(),
                                            c.decisionRequired());
                                });
                            }));
                }).call(x -> audit(caller, "benefits " + municipality + " " + month, null));
    }

    public record MonthlyBenefit(UUID personId, long grossKroner, long reductionKroner, long netKroner, boolean decisionRequired) {
    }

    /**
     * Who is behind plan: a running programme past its planned end, or unexcused absence over 10 % of the
     * recorded programme time (docs/domain/introduction-programme.md#3f guidance). Judged for one page (by person id) of the running programmes:
     * two bounded queries per page; the page holds those of its participants who are behind, so it may be shorter than
     * {@code limit} while a next page exists.
     */
    @WithTransaction
    public Uni<Page<BehindPlan>> behindPlan(String municipality, PageRequest page, Caller caller) {
        LocalDate today = today();
        return byPerson("municipality = ?1 and status in ?2", page, municipality,
                List.of(ParticipantStatus.ACTIVE, ParticipantStatus.PAUSED)).chain(found -> {
                    List<ParticipantEntity> list = found.items();
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(new Page<BehindPlan>(List.of(), found.next()));
                    }
                    List<UUID> ids = list.stream().map(p -> p.personId).toList();
                    return AttendanceEntity.<AttendanceEntity>list("personId in ?1", ids).map(all -> {
                        Map<UUID, List<AttendanceEntity>> daysOf = all.stream().collect(Collectors.groupingBy(x -> x.personId));
                        List<BehindPlan> result = new ArrayList<>();
                        for (ParticipantEntity p : list) {
                            List<AttendanceEntity> days = daysOf.getOrDefault(p.personId, List.of());
                            List<String> reasons = new ArrayList<>();
                            if (p.plannedEndDate != null && p.plannedEndDate.isBefore(today)) {
                                reasons.add("planned end " + p.plannedEndDate + " has passed");
                            }
                            BigDecimal planned = BigDecimal.ZERO;
                            BigDecimal unexcused = BigDecimal.ZERO;
                            for (AttendanceEntity a : days) {
                                planned = planned.add(a.plannedHours);
                                unexcused = unexcused.add(a.unexcused);
                            }
                            if (planned.signum() > 0 && unexcused.multiply(BigDecimal.TEN).compareTo(planned) > 0) {
                                reasons.add("unexcused absence " + unexcused.toPlainString() + " of " + planned.toPlainString() + " h is over 10 %");
                            }
                            if (!reasons.isEmpty()) {
                                result.add(new BehindPlan(p.personId, p.plannedEndDate, reasons));
                            }
                        }
                        return new Page<>(result, found.next());
                    });
                }).call(x -> audit(caller, "behind plan " + municipality, null));
    }

    public record BehindPlan(UUID personId, LocalDate plannedEndDate, List<String> reasons) {
    }

    // ---------------------------------------------------------------- helpers

    static BenefitCalculator.Input benefitInput(ParticipantEntity p, YearMonth month, List<PauseEntity> pauses, List<AttendanceEntity> days) {
        List<BenefitCalculator.Gap> gaps = new ArrayList<>();
        for (PauseEntity pause : pauses) {
            if (!pause.withBenefit) {
                gaps.add(new BenefitCalculator.Gap(pause.fromDate, pause.resumedOn == null ? null : pause.resumedOn.minusDays(1),
                        pause.kind == PauseReason.TEMPORARY_SUSPENSION ? "temporary suspension (§ 18)" : "leave without benefit: " + pause.leaveType));
            }
        }
        return new BenefitCalculator.Input(month, new BenefitCalculator.Person(p.birthDate, p.regime, p.livingWithParents, p.childlessCouple),
                p.startDate, p.endedOn != null ? p.endedOn : p.plannedEndDate, gaps, days.stream().map(AttendanceEntity::toDay).toList());
    }

    /**
     * {@link #load} for a command: the participant's row is locked ({@code select … for update}) before it is read, so
     * commands about one participant run one after the other and each sees what the one before it committed. Two
     * identical commands at once (two § 12 decisions, two completions, two pauses) therefore change the participant
     * and publish once; the second answers 409 with the rule its state now breaks (issue 15).
     */
    private Uni<ParticipantEntity> loadForUpdate(UUID id, Caller caller) {
        return ParticipantEntity.<ParticipantEntity>findById(id, LockModeType.PESSIMISTIC_WRITE).map(p -> {
            if (p == null) {
                throw new NotFoundProblem("participant", id);
            }
            caller.requirePersonInScope(p.municipality, "participant", id);
            return p;
        });
    }

    /** The participant if it exists and the caller may see its municipality; otherwise 404 (nothing leaked). */
    private Uni<ParticipantEntity> load(UUID id, Caller caller) {
        return ParticipantEntity.<ParticipantEntity>findById(id).map(p -> {
            if (p == null) {
                throw new NotFoundProblem("participant", id);
            }
            caller.requirePersonInScope(p.municipality, "participant", id);
            return p;
        });
    }

    private static void requireDecided(ParticipantEntity p) {
        if (p.startDate == null) {
            throw new ConflictProblem("status", "integreringsloven-12.decision-required", "the participant has no § 12 programme decision yet");
        }
    }

    private static void requireOpen(ParticipantEntity p) {
        if (p.status == ParticipantStatus.COMPLETED || p.status == ParticipantStatus.DISCONTINUED) {
            throw new ConflictProblem("status", "programme.ended", "the programme has ended (status " + p.status + ")");
        }
    }

    private Uni<Void> history(UUID personId, String kind, String detail) {
        return HistoryEntity.of(personId, now(), kind, detail).persist().replaceWithVoid();
    }

    private Uni<Void> audit(Caller caller, String action, UUID personId) {
        return readAudit.record(caller, action, null, personId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
