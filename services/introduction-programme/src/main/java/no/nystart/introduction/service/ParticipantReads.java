package no.nystart.introduction.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.contracts.introduction.PauseReason;
import no.nystart.introduction.domain.AbsenceReason;
import no.nystart.introduction.domain.LeaveType;
import no.nystart.introduction.domain.Participant;
import no.nystart.introduction.persistence.AttendanceEntity;
import no.nystart.introduction.persistence.HistoryEntity;
import no.nystart.introduction.persistence.PauseEntity;
import no.nystart.introduction.persistence.PlanEntity;

/**
 * What the participant use cases answer besides the {@link Participant} itself: plain records, so that {@code api/}
 * maps them to its views without seeing a persistence entity.
 */
public final class ParticipantReads {
    private ParticipantReads() {
    }

    /** One row of a participant's history. */
    public record HistoryItem(UUID id, OffsetDateTime at, String kind, String detail) {
        static HistoryItem of(HistoryEntity h) {
            return new HistoryItem(h.id, h.at, h.kind, h.detail);
        }
    }

    /** The agreed integration plan and contract (§§ 15–16). */
    public record PlanDetails(UUID personId, FinalGoal finalGoal, CefrLevel goalReading, CefrLevel goalListening, CefrLevel goalWriting,
            CefrLevel goalOral, List<String> elements, String longTermGoal, String mutualObligations, LocalDate agreedOn,
            List<LocalDate> scheduledNonWorkingDays) {
        static PlanDetails of(PlanEntity p) {
            return p == null ? null : new PlanDetails(p.personId, p.finalGoal, p.goalReading, p.goalListening, p.goalWriting, p.goalOral,
                    List.of(p.elements.split(",")), p.longTermGoal, p.mutualObligations, p.agreedOn, p.scheduledNonWorkingDayList());
        }
    }

    /** One recorded day of attendance. */
    public record AttendanceRecorded(UUID id, LocalDate date, BigDecimal plannedHours, BigDecimal attendedHours, BigDecimal unexcusedHours) {
        static AttendanceRecorded of(AttendanceEntity a) {
            return new AttendanceRecorded(a.id, a.day, a.plannedHours, a.attendedHours, a.unexcused);
        }
    }

    /** A recorded pause. */
    public record PauseRecorded(UUID id, PauseReason kind, LeaveType leaveType, LocalDate from, LocalDate expectedResumeOn,
            boolean withBenefit) {
        static PauseRecorded of(PauseEntity p) {
            return new PauseRecorded(p.id, p.kind, p.leaveType, p.fromDate, p.expectedResumeOn, p.withBenefit);
        }
    }

    /** Unexcused absence over the recorded programme time (docs/domain/introduction-programme.md#3f: the 10 % guidance). */
    public record AbsenceReport(UUID personId, int daysRecorded, BigDecimal plannedHours, Map<AbsenceReason, BigDecimal> absenceHours,
            BigDecimal unexcusedShare, BigDecimal guidanceThreshold, boolean overGuidanceThreshold, String rule) {
    }

    /** The data of the participant certificate: the participant and its plan (null: none agreed). */
    public record Certificate(Participant.Snapshot participant, PlanDetails plan) {
    }

    /** One participant's benefit for a month. */
    public record MonthlyBenefit(UUID personId, long grossKroner, long reductionKroner, long netKroner, boolean decisionRequired) {
    }

    /** A running programme behind plan, with why. */
    public record BehindPlan(UUID personId, LocalDate plannedEndDate, List<String> reasons) {
    }
}
