package no.nystart.reception.service;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nystart.contracts.reception.ExemptionReason;
import no.nystart.contracts.reception.TrainingModule;
import no.nystart.reception.domain.TrainingPolicy;
import no.nystart.reception.domain.TrainingRecord;
import no.nystart.reception.domain.TrainingSession;
import no.nystart.reception.persistence.CareerGuidanceEntity;
import no.nystart.reception.persistence.CompetenceMappingEntity;
import no.nystart.reception.persistence.ReceptionCentreEntity;
import no.nystart.reception.persistence.ResidencePermitEntity;
import no.nystart.reception.persistence.ResidentEntity;
import no.nystart.reception.persistence.TrainingCompletionEntity;
import no.nystart.reception.persistence.TrainingExemptionEntity;
import no.nystart.reception.persistence.TrainingSessionEntity;

/** Everything reception-training knows about one resident, loaded in one session. */
public record ResidentState(
        ResidentEntity resident,
        ReceptionCentreEntity centre,
        ResidencePermitEntity permit,
        List<TrainingSessionEntity> sessions,
        List<TrainingExemptionEntity> exemptions,
        List<TrainingCompletionEntity> completions,
        CompetenceMappingEntity competenceMapping,
        CareerGuidanceEntity careerGuidance) {

    public TrainingRecord training(TrainingPolicy policy) {
        Map<TrainingModule, ExemptionReason> exempt = new EnumMap<>(TrainingModule.class);
        exemptions.forEach(e -> exempt.put(e.module, e.reason));
        Map<TrainingModule, LocalDate> completed = new EnumMap<>(TrainingModule.class);
        completions.forEach(c -> completed.put(c.module, c.completedOn));
        List<TrainingSession> attended = sessions.stream()
                .map(s -> new TrainingSession(s.module, s.sessionDate, s.hours)).toList();
        return new TrainingRecord(resident.birthDate, resident.registeredOn, resident.asylumProcedure,
                Optional.ofNullable(permit).map(p -> p.decisionDate), Optional.ofNullable(resident.leftOn),
                attended, exempt, completed, policy);
    }
}
