package no.nystart.introduction.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.nystart.contracts.NyStartEvent;
import no.nystart.introduction.domain.AbsenceReason;
import no.nystart.introduction.domain.AttendanceDay;
import no.nystart.introduction.domain.Participant;
import no.nystart.introduction.domain.ParticipantCommand;
import no.nystart.introduction.domain.PauseRules;
import no.nystart.introduction.domain.ProgrammeRules;
import no.nystart.introduction.persistence.AttendanceEntity;
import no.nystart.introduction.persistence.ParticipantEntity;
import no.nystart.introduction.persistence.PauseEntity;
import no.nystart.introduction.persistence.PlanEntity;
import no.nystart.introduction.service.ParticipantReads.AttendanceRecorded;
import no.nystart.introduction.service.ParticipantReads.PauseRecorded;
import no.nystart.introduction.service.ParticipantReads.PlanDetails;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.security.Caller;

/**
 * The caseworkers' commands about a participant. Each is one transaction of the same shape: load the participant
 * (row locked), call one transition of the {@link Participant} aggregate (which checks every guard and rule, or
 * throws), save what it changed (the participant, its history entry, the pause it opened or closed) and append its
 * events to the outbox, so that the change and its event commit together.
 */
@ApplicationScoped
public class ParticipantCommands {
    private final Outbox outbox;
    private final Clock clock;
    private final ProgrammeRules rules;
    private final PauseRules.LeaveLimits leaveLimits;
    private final FollowUpService followUp;

    public ParticipantCommands(Outbox outbox, Clock clock, ProgrammeRules rules, PauseRules.LeaveLimits leaveLimits,
            FollowUpService followUp) {
        this.outbox = outbox;
        this.clock = clock;
        this.rules = rules;
        this.leaveLimits = leaveLimits;
        this.followUp = followUp;
    }

    /** § 8 third paragraph: the municipality admits a person by an explicit decision with a reason. */
    @WithTransaction
    public Uni<Participant> admit(ParticipantCommand.Admit command, Caller caller) {
        return ParticipantEntity.<ParticipantEntity>findById(command.personId()).chain(existing -> {
            Participant.Created created = Participant.admit(command, existing != null, caller.name());
            ParticipantEntity row = ParticipantEntity.of(created.participant(), null, now());
            return row.<ParticipantEntity>persistAndFlush()
                    .call(saved -> followUp.applyPrior(saved))
                    .call(saved -> ParticipantRows.history(saved.personId, now(), created.history()))
                    .map(saved -> saved.toParticipant(null));
        });
    }

    /** The § 12 decision with the § 13 length rules → IntroductionProgrammeStarted. */
    @WithTransaction
    public Uni<Participant> decide(UUID id, ParticipantCommand.Decide command, Caller caller) {
        return transition(id, caller, p -> p.decide(command, rules));
    }

    @WithTransaction
    public Uni<Participant> circumstances(UUID id, ParticipantCommand.SetCircumstances command, Caller caller) {
        return transition(id, caller, p -> p.setCircumstances(command));
    }

    /** → IntroductionProgrammeResumed. */
    @WithTransaction
    public Uni<Participant> resume(UUID id, ParticipantCommand.Resume command, Caller caller) {
        return transition(id, caller, p -> p.resume(command));
    }

    /** → IntroductionProgrammeCompleted. */
    @WithTransaction
    public Uni<Participant> complete(UUID id, ParticipantCommand.Complete command, Caller caller) {
        return transition(id, caller, p -> p.complete(command));
    }

    /** Permanent suspension (§ 18, needs a reason) or another end → IntroductionProgrammeDiscontinued. */
    @WithTransaction
    public Uni<Participant> discontinue(UUID id, ParticipantCommand.Discontinue command, Caller caller) {
        return transition(id, caller, p -> p.discontinue(command));
    }

    /** Leave (forskrift kap. 4) or temporary suspension (§ 18) → IntroductionProgrammePaused. */
    @WithTransaction
    public Uni<PauseRecorded> pause(UUID id, ParticipantCommand.Pause command, Caller caller) {
        return load(id, caller).chain(loaded -> {
            Participant.Change change = loaded.participant().pause(command, leaveLimits);
            PauseEntity pause = PauseEntity.of(id, change.opensPause(), now());
            return pause.<PauseEntity>persist()
                    .call(x -> save(loaded, change))
                    .map(PauseRecorded::of);
        });
    }

    /** Integration plan and contract (§§ 15–16) with the mandatory content (docs/domain/introduction-programme.md#3c). */
    @WithTransaction
    public Uni<PlanDetails> plan(UUID id, ParticipantCommand.AgreePlan command, Caller caller) {
        return load(id, caller).chain(loaded -> {
            Participant.Change change = loaded.participant().agreePlan(command);
            return PlanEntity.<PlanEntity>findById(id).chain(existing -> {
                PlanEntity plan = existing != null ? existing : new PlanEntity();
                plan.personId = id;
                plan.finalGoal = command.finalGoal();
                plan.goalReading = command.norwegianGoal().get("reading");
                plan.goalListening = command.norwegianGoal().get("listening");
                plan.goalWriting = command.norwegianGoal().get("writing");
                plan.goalOral = command.norwegianGoal().get("oral");
                plan.elements = Participant.elementsOf(command).stream().map(Enum::name).collect(Collectors.joining(","));
                plan.longTermGoal = command.longTermGoal().strip();
                plan.mutualObligations = command.mutualObligations().strip();
                plan.agreedOn = command.agreedOn();
                plan.scheduledNonWorkingDays = command.scheduledNonWorkingDays() == null ? ""
                        : command.scheduledNonWorkingDays().stream().distinct().sorted().map(LocalDate::toString)
                                .collect(Collectors.joining(","));
                plan.updatedAt = now();
                Uni<PlanEntity> saved = existing != null ? Uni.createFrom().item(plan) : plan.persist();
                return saved.call(x -> save(loaded, change)).map(PlanDetails::of);
            });
        });
    }

    /** One day of attendance (the rules: {@link Participant#recordAttendance}). */
    @WithTransaction
    public Uni<AttendanceRecorded> attendance(UUID id, ParticipantCommand.RecordAttendance command, Caller caller) {
        return load(id, caller).chain(loaded -> {
            loaded.participant().require(Participant.Transition.RECORD_ATTENDANCE);
            return PlanEntity.<PlanEntity>findById(id)
                    .map(plan -> plan == null ? List.<LocalDate>of() : plan.scheduledNonWorkingDayList())
                    .chain(scheduled -> AttendanceEntity.count("personId = ?1 and day = ?2", id, command.date())
                            .chain(recorded -> {
                                AttendanceDay day = loaded.participant().recordAttendance(command, scheduled, recorded > 0);
                                AttendanceEntity a = new AttendanceEntity();
                                a.id = UUID.randomUUID();
                                a.personId = id;
                                a.day = day.date();
                                a.plannedHours = day.plannedHours();
                                a.attendedHours = day.attendedHours();
                                a.illness = day.absenceHours(AbsenceReason.ILLNESS);
                                a.sickChild = day.absenceHours(AbsenceReason.SICK_CHILD);
                                a.welfare = day.absenceHours(AbsenceReason.WELFARE);
                                a.permittedLeave = day.absenceHours(AbsenceReason.PERMITTED_LEAVE);
                                a.unexcused = day.absenceHours(AbsenceReason.UNEXCUSED);
                                return a.<AttendanceEntity>persist().map(AttendanceRecorded::of);
                            }));
        });
    }

    // ---------------------------------------------------------------- load → transition → save → outbox

    /** A participant's row, its open pause and the aggregate restored from both. */
    private record Loaded(ParticipantEntity row, PauseEntity openPause, Participant participant) {
    }

    private Uni<Loaded> load(UUID id, Caller caller) {
        return ParticipantRows.loadForUpdate(id, caller)
                .chain(row -> ParticipantRows.openPause(id).map(pause -> new Loaded(row, pause, row.toParticipant(pause))));
    }

    private Uni<Participant> transition(UUID id, Caller caller, Function<Participant, Participant.Change> transition) {
        return load(id, caller).chain(loaded -> save(loaded, transition.apply(loaded.participant())).replaceWith(loaded.participant()));
    }

    /** The participant's new state, the pause it closed, its history entry, then its events to the outbox. */
    private Uni<Void> save(Loaded loaded, Participant.Change change) {
        loaded.row().apply(loaded.participant());
        UUID id = loaded.row().personId;
        Uni<Void> closed = Uni.createFrom().voidItem();
        if (change.closesPauseOn() != null) {
            closed = PauseEntity.<PauseEntity>list("personId = ?1 and resumedOn is null", id)
                    .invoke(open -> open.forEach(p -> p.resumedOn = change.closesPauseOn())).replaceWithVoid();
        }
        Uni<Void> saved = closed.chain(() -> ParticipantRows.history(id, now(), change.history()));
        for (NyStartEvent event : change.events()) {
            saved = saved.chain(() -> outbox.append(event)).replaceWithVoid();
        }
        return saved;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
