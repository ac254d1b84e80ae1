package no.nystart.adulteducation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import no.nystart.adulteducation.domain.GoalProfile;
import no.nystart.adulteducation.domain.TargetGroup;
import no.nystart.adulteducation.domain.TargetGroupDecision;
import no.nystart.adulteducation.domain.TrainingDeadline;
import no.nystart.adulteducation.persistence.HistoryEntity;
import no.nystart.adulteducation.persistence.LearnerEntity;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.adulteducation.LearnerRightsEstablished;
import no.nystart.contracts.introduction.IntroductionProgrammeStarted;
import no.nystart.contracts.reception.MandatoryTrainingCompleted;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.events.EventEnvelope;
import no.nystart.platform.outbox.Outbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Learners from the events of other services. The handlers run inside the inbox transaction
 * (never their own); the inbox makes a redelivered event a no-op.
 */
@ApplicationScoped
public class LearnerService {
    private static final Logger LOG = Logger.getLogger(LearnerService.class);
    static final String INTRODUCTION_STARTED = "INTRODUCTION_PROGRAMME_STARTED";
    static final String RECEPTION_TRAINING = "RECEPTION_TRAINING_COMPLETED";
    static final String RELOCATED = "RELOCATED";
    static final String EDUCATION_UPDATED = "EDUCATION_BACKGROUND_UPDATED";

    private final Outbox outbox;
    private final Clock clock;
    private final EducationLevel unknownEducationLevel;

    public LearnerService(Outbox outbox, Clock clock,
            @ConfigProperty(name = "adult-education.unknown-education-level", defaultValue = "PRIMARY")
            EducationLevel unknownEducationLevel) {
        this.outbox = outbox;
        this.clock = clock;
        this.unknownEducationLevel = unknownEducationLevel;
    }

    /**
     * PersonSettled → a learner with right and/or duty (integreringsloven §§ 27, 28, 37 d; docs/domain/adult-education.md#4a), deadline and goal (docs/domain/adult-education.md#4b, from the education level of the competence mapping when
     * PersonSettled carries it) → LearnerRightsEstablished. Outside the target group: no
     * record, the reason is logged. A learner that already exists is left as it is.
     */
    public Uni<Void> onSettled(PersonSettled settled, EventEnvelope envelope) {
        return LearnerEntity.<LearnerEntity>findById(settled.personId()).chain(existing -> {
            if (existing != null) {
                LOG.infof("person %s is already a learner; PersonSettled %s changes nothing", settled.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            TargetGroupDecision decision = TargetGroup.decide(settled.permitType(), settled.regime(), settled.birthDate(),
                    settled.permitDate(), settled.settlementType(), settled.settledOn());
            if (decision instanceof TargetGroupDecision.Outside outside) {
                LOG.infof("person %s is outside the target group for Norwegian and social studies, no learner record: %s",
                        settled.personId(), outside.reason());
                return Uni.createFrom().voidItem();
            }
            TargetGroupDecision.InTargetGroup in = (TargetGroupDecision.InTargetGroup) decision;
            return HistoryEntity.<HistoryEntity>find(
                            "personId = ?1 and educationLevel is not null order by occurredOn desc, recordedAt desc",
                            settled.personId()).firstResult()
                    .chain(known -> {
                        LearnerEntity learner = new LearnerEntity();
                        learner.personId = settled.personId();
                        learner.municipality = settled.municipality();
                        learner.entitlement = in.entitlement();
                        learner.regime = settled.regime();
                        learner.legalBasis = in.legalBasis();
                        learner.establishedOn = in.establishedOn();
                        learner.birthDate = settled.birthDate();
                        learner.settledOn = settled.settledOn();
                        // docs/domain/adult-education.md#4b: the deadline and goal depend on the education background. The most
                        // recent source wins: the programme's (history), then the competence mapping carried by
                        // PersonSettled, and only when neither is known the configured default.
                        EducationLevel level = known != null ? known.educationLevel : settled.educationLevel();
                        learner.educationKnown = level != null;
                        learner.educationLevel = level != null ? level : unknownEducationLevel;
                        learner.inIntroductionProgramme = known != null && INTRODUCTION_STARTED.equals(known.kind);
                        learner.createdByEvent = envelope.id();
                        learner.createdAt = OffsetDateTime.now(clock);
                        applyRules(learner);
                        LOG.infof("person %s: %s, deadline %s", learner.personId, in.legalBasis(), learner.trainingDeadline);
                        return learner.persist().chain(() -> publishRights(learner));
                    });
        });
    }

    /** The deadline (docs/domain/adult-education.md#4b) and goal (docs/domain/adult-education.md#4b) from the learner's entitlement and background. */
    static void applyRules(LearnerEntity learner) {
        learner.trainingDeadline = TrainingDeadline.withLeave(learner.entitlement, learner.educationLevel,
                learner.establishedOn, learner.birthDate, learner.approvedLeaveDays);
        GoalProfile goal = GoalProfile.forEducation(learner.educationLevel, learner.documentedB2Need);
        learner.readingGoal = goal.reading();
        learner.listeningGoal = goal.listening();
        learner.writingGoal = goal.writing();
        learner.oralGoal = goal.oral();
    }

    Uni<Void> publishRights(LearnerEntity learner) {
        LocalDate deadlineBeforeLeave = TrainingDeadline.withoutLeave(learner.entitlement, learner.educationLevel,
                learner.establishedOn, learner.birthDate);
        return outbox.append(new LearnerRightsEstablished(learner.personId, learner.municipality, learner.entitlement,
                learner.regime, learner.establishedOn, learner.educationLevel, deadlineBeforeLeave, learner.readingGoal,
                learner.listeningGoal, learner.writingGoal, learner.oralGoal)).replaceWithVoid();
    }

    /**
     * IntroductionProgrammeStarted: Norwegian and social studies are part of the programme; the
     * programme's education background replaces an unknown or different one (new deadline and goal,
     * LearnerRightsEstablished again). Kept in the history also before the learner exists.
     */
    public Uni<Void> onIntroductionStarted(IntroductionProgrammeStarted started, EventEnvelope envelope) {
        HistoryEntity history = history(started.personId(), started.startDate(), INTRODUCTION_STARTED,
                "introduction programme started in " + started.municipality() + " (" + started.regime() + ")", envelope.id());
        history.educationLevel = started.educationLevel();
        // locked, as the API's commands lock it: the consumer and a command on the same learner do not interleave
        return history.persist().chain(() -> LearnerEntity.<LearnerEntity>findById(started.personId(), LockModeType.PESSIMISTIC_WRITE))
                .chain(learner -> {
            if (learner == null) {
                LOG.infof("IntroductionProgrammeStarted %s for %s, who is not (yet) a learner: kept in the history",
                        envelope.id(), started.personId());
                return Uni.createFrom().voidItem();
            }
            learner.inIntroductionProgramme = true;
            if (learner.educationKnown && learner.educationLevel == started.educationLevel()) {
                return Uni.createFrom().voidItem();
            }
            return changeEducation(learner, started.educationLevel(), learner.documentedB2Need);
        });
    }

    Uni<Void> changeEducation(LearnerEntity learner, EducationLevel level, boolean documentedB2Need) {
        learner.educationLevel = level;
        learner.educationKnown = true;
        learner.documentedB2Need = documentedB2Need && TrainingDeadline.hasUpperSecondary(level);
        applyRules(learner);
        return publishRights(learner);
    }

    /** MandatoryTrainingCompleted: the hours done in reception are shown in the learner's history. */
    public Uni<Void> onReceptionTraining(MandatoryTrainingCompleted completed, EventEnvelope envelope) {
        HistoryEntity history = history(completed.personId(), completed.completedOn(), RECEPTION_TRAINING,
                "reception training " + completed.module() + " completed (" + completed.regime() + ") in "
                        + completed.hostMunicipality(), envelope.id());
        history.hours = completed.hoursRequired();
        return history.persist().replaceWithVoid();
    }

    /** PersonRelocated: the new municipality takes over the learner. */
    public Uni<Void> onRelocated(PersonRelocated relocated, EventEnvelope envelope) {
        return LearnerEntity.<LearnerEntity>findById(relocated.personId(), LockModeType.PESSIMISTIC_WRITE).chain(learner -> {
            if (learner == null) {
                LOG.infof("PersonRelocated %s for %s, who is not a learner: nothing to take over", envelope.id(),
                        relocated.personId());
                return Uni.createFrom().voidItem();
            }
            learner.municipality = relocated.toMunicipality();
            return history(relocated.personId(), relocated.movedOn(), RELOCATED,
                    "moved from " + relocated.fromMunicipality() + " to " + relocated.toMunicipality() + " ("
                            + relocated.relocationType() + "); " + relocated.toMunicipality() + " takes over",
                    envelope.id()).persist().replaceWithVoid();
        });
    }

    HistoryEntity history(UUID personId, LocalDate occurredOn, String kind, String detail, String eventId) {
        HistoryEntity history = new HistoryEntity();
        history.id = UUID.randomUUID();
        history.personId = personId;
        history.occurredOn = occurredOn;
        history.kind = kind;
        history.detail = detail;
        history.eventId = eventId;
        history.recordedAt = OffsetDateTime.now(clock);
        return history;
    }
}
