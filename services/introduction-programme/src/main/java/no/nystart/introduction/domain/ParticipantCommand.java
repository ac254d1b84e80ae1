package no.nystart.introduction.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.introduction.DiscontinuationReason;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.contracts.introduction.PauseReason;
import no.nystart.contracts.introduction.ProgrammeOutcome;
import no.nystart.contracts.introduction.WeeklyHours;

/**
 * What a caseworker asks of a {@link Participant}: the inputs of its transitions. The API maps its request bodies to
 * these records; the service layer takes them, so that {@code service/} never sees an API type, and the aggregate checks
 * them. Bean Validation (required fields, sizes, formats) has run in the API before a command is made.
 */
public sealed interface ParticipantCommand {

    /** Admission by the municipality's explicit decision with a reason (§ 8 third paragraph). */
    record Admit(UUID personId, String municipality, LocalDate birthDate, PermitType permitType, LocalDate permitDate, Regime regime,
            LocalDate settledOn, String reason) implements ParticipantCommand {
    }

    /** The § 12 decision. */
    record Decide(LocalDate startDate, EducationLevel educationLevel, FinalGoal finalGoal, LocalDate plannedEndDate,
            WeeklyHours weeklyHours, String lateStartReason, String extensionJustification) implements ParticipantCommand {
    }

    /** What decides the benefit fraction (§ 20) and parental guidance. */
    record SetCircumstances(boolean livingWithParents, boolean childlessCoupleBothParticipating, boolean hasChildUnder18)
            implements ParticipantCommand {
    }

    /** The integration plan and contract (§§ 15–16). */
    record AgreePlan(FinalGoal finalGoal, Map<String, CefrLevel> norwegianGoal, Set<ContentElement> elements, String longTermGoal,
            String mutualObligations, LocalDate agreedOn, List<LocalDate> scheduledNonWorkingDays) implements ParticipantCommand {
    }

    /** One day of attendance. */
    record RecordAttendance(LocalDate date, BigDecimal plannedHours, BigDecimal attendedHours, Map<AbsenceReason, BigDecimal> absence)
            implements ParticipantCommand {
    }

    /** Leave (forskrift kap. 4) or temporary suspension (§ 18). */
    record Pause(PauseReason kind, LeaveType leaveType, LocalDate from, LocalDate expectedResumeOn, String reason)
            implements ParticipantCommand {
    }

    /** The first day back after a pause, optionally with a new planned end. */
    record Resume(LocalDate resumedOn, LocalDate plannedEndDate) implements ParticipantCommand {
    }

    /** The programme completed. */
    record Complete(LocalDate completedOn, ProgrammeOutcome outcome, boolean finalGoalReached) implements ParticipantCommand {
    }

    /** Permanent suspension (§ 18) or another end. */
    record Discontinue(LocalDate discontinuedOn, DiscontinuationReason reason, String justification) implements ParticipantCommand {
    }
}
