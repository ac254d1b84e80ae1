package no.nystart.introduction.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.adulteducation.NorwegianTestCompleted;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.MandatoryTrainingCompleted;
import no.nystart.introduction.persistence.HistoryEntity;
import no.nystart.introduction.persistence.ParticipantEntity;
import no.nystart.introduction.persistence.PlanEntity;
import no.nystart.introduction.persistence.PriorRecordEntity;
import no.nystart.platform.events.EventEnvelope;
import org.jboss.logging.Logger;

/**
 * Facts from other services: CompetenceMapped (prefills the education background), MandatoryTrainingCompleted
 * (history) – both usually arrive before settlement, so they are kept as prior records and copied when the
 * participant is created – and NorwegianTestCompleted (progress against the plan's Norwegian goal, § 15).
 * Handlers run in the inbox transaction.
 */
@ApplicationScoped
public class FollowUpService {
    private static final Logger LOG = Logger.getLogger(FollowUpService.class);
    private final Clock clock;

    public FollowUpService(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> onCompetenceMapped(CompetenceMapped e, EventEnvelope envelope) {
        String detail = "competence mapped " + e.mappedOn() + ": education " + e.educationLevel() + ", " + e.educationYears() + " years";
        return ParticipantEntity.<ParticipantEntity>findById(e.personId()).chain(p -> {
            if (p != null) {
                if (p.educationLevel == null) {
                    p.educationLevel = e.educationLevel();
                }
                return history(p.personId, "COMPETENCE_MAPPED", detail);
            }
            return prior(e.personId(), "COMPETENCE_MAPPED", e.educationLevel(), detail);
        });
    }

    public Uni<Void> onMandatoryTraining(MandatoryTrainingCompleted e, EventEnvelope envelope) {
        String detail = "reception training " + e.module() + " completed " + e.completedOn() + " (" + e.hoursRequired() + " h required)";
        return ParticipantEntity.<ParticipantEntity>findById(e.personId()).chain(p -> p != null
                ? history(p.personId, "MANDATORY_TRAINING", detail)
                : prior(e.personId(), "MANDATORY_TRAINING", null, detail));
    }

    public Uni<Void> onNorwegianTest(NorwegianTestCompleted e, EventEnvelope envelope) {
        return ParticipantEntity.<ParticipantEntity>findById(e.personId()).chain(p -> {
            if (p == null) {
                LOG.infof("Norwegian test of %s who is not a participant; %s ignored", e.personId(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            return PlanEntity.<PlanEntity>findById(p.personId).chain(plan -> {
                List<String> parts = new ArrayList<>();
                parts.add(skill("reading", e.readingLevel(), plan == null ? null : plan.goalReading));
                parts.add(skill("listening", e.listeningLevel(), plan == null ? null : plan.goalListening));
                parts.add(skill("writing", e.writingLevel(), plan == null ? null : plan.goalWriting));
                parts.add(skill("oral", e.oralLevel(), plan == null ? null : plan.goalOral));
                p.norwegianProgress = e.testType() + " " + e.testDate() + ": " + String.join(", ", parts);
                return history(p.personId, "NORWEGIAN_TEST", p.norwegianProgress);
            });
        });
    }

    /** "reading B1 (goal B1 reached)"; CEFR levels are ordered BELOW_A1 < A1 < … < C1. */
    static String skill(String name, CefrLevel level, CefrLevel goal) {
        if (level == null) {
            return name + " not tested";
        }
        if (goal == null) {
            return name + " " + level;
        }
        return name + " " + level + " (goal " + goal + (level.compareTo(goal) >= 0 ? " reached)" : " not reached)");
    }

    /** Copies prior records into a new participant: history rows, and the education background if mapped. */
    public Uni<Void> applyPrior(ParticipantEntity p) {
        return PriorRecordEntity.<PriorRecordEntity>list("personId = ?1 order by at", p.personId).chain(records -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PriorRecordEntity r : records) {
                if (r.educationLevel != null && p.educationLevel == null) {
                    p.educationLevel = r.educationLevel;
                }
                chain = chain.chain(() -> history(p.personId, r.kind, r.detail));
            }
            return chain;
        });
    }

    private Uni<Void> prior(UUID personId, String kind, no.nystart.contracts.EducationLevel level, String detail) {
        PriorRecordEntity r = new PriorRecordEntity();
        r.id = UUID.randomUUID();
        r.personId = personId;
        r.kind = kind;
        r.educationLevel = level;
        r.detail = detail;
        r.at = OffsetDateTime.now(clock);
        return r.persist().replaceWithVoid();
    }

    private Uni<Void> history(UUID personId, String kind, String detail) {
        return HistoryEntity.of(personId, OffsetDateTime.now(clock), kind, detail).persist().replaceWithVoid();
    }
}
