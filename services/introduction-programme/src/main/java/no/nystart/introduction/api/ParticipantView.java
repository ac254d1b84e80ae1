package no.nystart.introduction.api;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.introduction.DiscontinuationReason;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.contracts.introduction.ProgrammeOutcome;
import no.nystart.contracts.introduction.WeeklyHours;
import no.nystart.introduction.domain.ParticipantStatus;
import no.nystart.introduction.persistence.ParticipantEntity;

/** A participant as caseworkers see it. */
public record ParticipantView(UUID personId, String municipality, Regime regime, ParticipantStatus status, String admission,
        String admissionReason, LocalDate birthDate, PermitType permitType, LocalDate permitDate, LocalDate settledOn,
        LocalDate startDeadline, boolean livingWithParents, boolean childlessCoupleBothParticipating, boolean hasChildUnder18,
        EducationLevel educationLevel, LocalDate startDate, LocalDate plannedEndDate, FinalGoal finalGoal, WeeklyHours weeklyHours,
        String lateStartReason, String extensionJustification, LocalDate endedOn, ProgrammeOutcome outcome, Boolean finalGoalReached,
        DiscontinuationReason discontinuationReason, String norwegianProgress) {

    public static ParticipantView of(ParticipantEntity p) {
        return new ParticipantView(p.personId, p.municipality, p.regime, p.status, p.admission, p.admissionReason, p.birthDate,
                p.permitType, p.permitDate, p.settledOn, p.startDeadline, p.livingWithParents, p.childlessCouple, p.hasChildUnder18,
                p.educationLevel, p.startDate, p.plannedEndDate, p.finalGoal, p.weeklyHours, p.lateStartReason, p.extensionJustification,
                p.endedOn, p.outcome, p.finalGoalReached, p.discontinuationReason, p.norwegianProgress);
    }
}
