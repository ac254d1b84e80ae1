package no.nystart.reception.api;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.DepartureReason;
import no.nystart.reception.domain.TrainingPolicy;
import no.nystart.reception.persistence.ResidentEntity;
import no.nystart.reception.service.ResidentState;

/** A resident as staff see it, with the training explained and the later steps. */
public record ResidentView(
        UUID personId,
        String dufNumber,
        String firstName,
        String lastName,
        LocalDate birthDate,
        Sex sex,
        String citizenship,
        UUID receptionCentreId,
        String hostMunicipality,
        LocalDate registeredOn,
        UUID householdId,
        AsylumProcedure asylumProcedure,
        LocalDate leftOn,
        DepartureReason leftReason,
        TrainingView training,
        PermitView residencePermit,
        LocalDate competenceMappedOn,
        LocalDate careerGuidanceCompletedOn) {

    /** A permit decision as recorded. */
    public record PermitView(PermitType permitType, LocalDate decisionDate, Regime regime) {
    }

    static ResidentView of(ResidentState state, TrainingPolicy policy, LocalDate today) {
        ResidentEntity r = state.resident();
        PermitView permit = state.permit() == null ? null
                : new PermitView(state.permit().permitType, state.permit().decisionDate, state.permit().regime);
        return new ResidentView(r.personId, r.dufNumber, r.firstName, r.lastName, r.birthDate, r.sex, r.citizenship,
                r.receptionCentreId, state.centre().hostMunicipality, r.registeredOn, r.householdId, r.asylumProcedure,
                r.leftOn, r.leftReason, TrainingView.of(state, policy, today), permit,
                state.competenceMapping() == null ? null : state.competenceMapping().mappedOn,
                state.careerGuidance() == null ? null : state.careerGuidance().completedOn);
    }
}
