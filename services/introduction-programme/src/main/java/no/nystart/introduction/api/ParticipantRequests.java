package no.nystart.introduction.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import no.nystart.introduction.domain.AbsenceReason;
import no.nystart.introduction.domain.ContentElement;
import no.nystart.introduction.domain.LeaveType;
import no.nystart.introduction.domain.ParticipantCommand;

/**
 * Request bodies of the participant endpoints, with Bean Validation; each maps itself to the
 * {@link ParticipantCommand} the service layer takes (the service never sees these types).
 */
public final class ParticipantRequests {
    private ParticipantRequests() {
    }

    /** {@code POST /participants}: admission by explicit decision with a reason (§ 8 third paragraph). */
    public record Admission(
            @NotNull UUID personId,
            @NotNull @Pattern(regexp = "[0-9]{4}", message = "kommunenummer.format: must be four digits") String municipality,
            @NotNull LocalDate birthDate,
            @NotNull PermitType permitType,
            @NotNull LocalDate permitDate,
            Regime regime,
            @NotNull LocalDate settledOn,
            @NotBlank(message = "integreringsloven-8.admission-reason: an admission outside the target group needs the reason of the decision")
            @Size(max = 2000) String reason) {
        ParticipantCommand.Admit toCommand() {
            return new ParticipantCommand.Admit(personId, municipality, birthDate, permitType, permitDate, regime, settledOn, reason);
        }
    }

    /** {@code POST /participants/{id}/programme}: the § 12 decision. */
    public record ProgrammeDecision(
            @NotNull LocalDate startDate,
            @NotNull EducationLevel educationLevel,
            @NotNull FinalGoal finalGoal,
            @NotNull LocalDate plannedEndDate,
            @NotNull WeeklyHours weeklyHours,
            @Size(max = 2000) String lateStartReason,
            @Size(max = 2000) String extensionJustification) {
        ParticipantCommand.Decide toCommand() {
            return new ParticipantCommand.Decide(startDate, educationLevel, finalGoal, plannedEndDate, weeklyHours, lateStartReason,
                    extensionJustification);
        }
    }

    /** {@code PUT /participants/{id}/circumstances}: what decides the benefit fraction (§ 20) and parental guidance. */
    public record Circumstances(
            @NotNull Boolean livingWithParents,
            @NotNull Boolean childlessCoupleBothParticipating,
            @NotNull Boolean hasChildUnder18) {
        ParticipantCommand.SetCircumstances toCommand() {
            return new ParticipantCommand.SetCircumstances(livingWithParents, childlessCoupleBothParticipating, hasChildUnder18);
        }
    }

    /** {@code PUT /participants/{id}/plan}: integration plan and contract (§§ 15–16). */
    public record Plan(
            @NotNull FinalGoal finalGoal,
            @NotNull Map<String, CefrLevel> norwegianGoal,
            @NotNull Set<@NotNull ContentElement> elements,
            @Size(max = 2000) String longTermGoal,
            @Size(max = 4000) String mutualObligations,
            @NotNull LocalDate agreedOn,
            /* weekend or public-holiday dates with scheduled activity (optional; attendance.working-day) */
            @Size(max = 400) List<@NotNull LocalDate> scheduledNonWorkingDays) {
        ParticipantCommand.AgreePlan toCommand() {
            return new ParticipantCommand.AgreePlan(finalGoal, norwegianGoal, elements, longTermGoal, mutualObligations, agreedOn,
                    scheduledNonWorkingDays);
        }
    }

    /** {@code POST /participants/{id}/attendance}: one day. */
    public record Attendance(
            @NotNull LocalDate date,
            @NotNull BigDecimal plannedHours,
            @NotNull BigDecimal attendedHours,
            Map<AbsenceReason, BigDecimal> absence) {
        ParticipantCommand.RecordAttendance toCommand() {
            return new ParticipantCommand.RecordAttendance(date, plannedHours, attendedHours, absence);
        }
    }

    /** {@code POST /participants/{id}/pauses}: leave (forskrift kap. 4) or temporary suspension (§ 18). */
    public record Pause(
            @NotNull PauseReason kind,
            LeaveType leaveType,
            @NotNull LocalDate from,
            LocalDate expectedResumeOn,
            @Size(max = 2000) String reason) {
        ParticipantCommand.Pause toCommand() {
            return new ParticipantCommand.Pause(kind, leaveType, from, expectedResumeOn, reason);
        }
    }

    /** {@code POST /participants/{id}/resumption}. */
    public record Resumption(@NotNull LocalDate resumedOn, LocalDate plannedEndDate) {
        ParticipantCommand.Resume toCommand() {
            return new ParticipantCommand.Resume(resumedOn, plannedEndDate);
        }
    }

    /** {@code POST /participants/{id}/completion}. */
    public record Completion(@NotNull LocalDate completedOn, @NotNull ProgrammeOutcome outcome, @NotNull Boolean finalGoalReached) {
        ParticipantCommand.Complete toCommand() {
            return new ParticipantCommand.Complete(completedOn, outcome, finalGoalReached);
        }
    }

    /** {@code POST /participants/{id}/discontinuation}: permanent suspension (§ 18) or another end. */
    public record Discontinuation(@NotNull LocalDate discontinuedOn, @NotNull DiscontinuationReason reason,
            @Size(max = 2000) String justification) {
        ParticipantCommand.Discontinue toCommand() {
            return new ParticipantCommand.Discontinue(discontinuedOn, reason, justification);
        }
    }
}
