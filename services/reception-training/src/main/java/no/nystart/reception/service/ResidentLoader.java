package no.nystart.reception.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.security.Caller;
import no.nystart.reception.persistence.CareerGuidanceEntity;
import no.nystart.reception.persistence.CompetenceMappingEntity;
import no.nystart.reception.persistence.ReceptionCentreEntity;
import no.nystart.reception.persistence.ResidencePermitEntity;
import no.nystart.reception.persistence.ResidentEntity;
import no.nystart.reception.persistence.TrainingCompletionEntity;
import no.nystart.reception.persistence.TrainingExemptionEntity;
import no.nystart.reception.persistence.TrainingSessionEntity;

/**
 * Loads a resident's state inside the caller's session. For writes the resident row is locked
 * ({@code select ... for update}), so two concurrent requests about one person run one after the other and a
 * once-only event (MandatoryTrainingCompleted, CompetenceMapped) cannot be published twice.
 */
@ApplicationScoped
public class ResidentLoader {

    /**
     * @param ownCentre the caller's {@code reception_centre} claim when the caller is bound to a centre: a
     *                  resident of another centre is 404 like an unknown id (the existence rule,
     *                  {@code Caller.requireInScope}, docs/architecture.md "Security")
     */
    public Uni<ResidentState> load(UUID personId, boolean forUpdate, Optional<String> ownCentre) {
        Uni<ResidentEntity> resident = forUpdate
                ? ResidentEntity.<ResidentEntity>findById(personId, LockModeType.PESSIMISTIC_WRITE)
                : ResidentEntity.<ResidentEntity>findById(personId);
        return resident
                .onItem().ifNull().failWith(() -> new NotFoundProblem("resident", personId))
                .invoke(r -> requireCentre(ownCentre, r))
                .chain(r -> ReceptionCentreEntity.<ReceptionCentreEntity>findById(r.receptionCentreId)
                        .chain(centre -> ResidencePermitEntity.<ResidencePermitEntity>findById(personId)
                                .chain(permit -> TrainingSessionEntity.<TrainingSessionEntity>list(
                                                "personId = ?1 order by sessionDate", personId)
                                        .chain(sessions -> TrainingExemptionEntity.<TrainingExemptionEntity>list("personId", personId)
                                                .chain(exemptions -> TrainingCompletionEntity.<TrainingCompletionEntity>list("personId", personId)
                                                        .chain(completions -> CompetenceMappingEntity.<CompetenceMappingEntity>findById(personId)
                                                                .chain(mapping -> CareerGuidanceEntity.<CareerGuidanceEntity>findById(personId)
                                                                        .map(guidance -> new ResidentState(r, centre, permit, sessions,
                                                                                exemptions, completions, mapping, guidance)))))))));
    }

    static void requireCentre(Optional<String> ownCentre, ResidentEntity resident) {
        ownCentre.ifPresent(own -> Caller.requireInScope(own.equals(String.valueOf(resident.receptionCentreId)), "resident",
                resident.personId));
    }
}
