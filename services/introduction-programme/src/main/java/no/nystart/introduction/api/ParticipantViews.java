package no.nystart.introduction.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.introduction.DiscontinuationReason;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.contracts.introduction.PauseReason;
import no.nystart.contracts.introduction.ProgrammeOutcome;
import no.nystart.contracts.introduction.WeeklyHours;
import no.nystart.introduction.domain.AbsenceReason;
import no.nystart.introduction.domain.LeaveType;
import no.nystart.introduction.domain.Participant;
import no.nystart.introduction.domain.ParticipantStatus;
import no.nystart.introduction.service.ParticipantReads;

/**
 * The answers of the participant endpoints: typed records (typed OpenAPI schemas), mapped from what the service layer
 * returns. The order of each record's components is the order of the JSON properties.
 */
public final class ParticipantViews {
    private ParticipantViews() {
    }

    /** A participant as caseworkers see it. */
    public record ParticipantView(UUID personId, String municipality, Regime regime, ParticipantStatus status,
            Participant.Admission admission, String admissionReason, LocalDate birthDate, PermitType permitType, LocalDate permitDate,
            LocalDate settledOn, LocalDate startDeadline, boolean livingWithParents, boolean childlessCoupleBothParticipating,
            boolean hasChildUnder18, EducationLevel educationLevel, LocalDate startDate, LocalDate plannedEndDate, FinalGoal finalGoal,
            WeeklyHours weeklyHours, String lateStartReason, String extensionJustification, LocalDate endedOn, ProgrammeOutcome outcome,
            Boolean finalGoalReached, DiscontinuationReason discontinuationReason, String norwegianProgress) {

        public static ParticipantView of(Participant participant) {
            return of(participant.snapshot());
        }

        public static ParticipantView of(Participant.Snapshot p) {
            return new ParticipantView(p.personId(), p.municipality(), p.regime(), p.status(), p.admission(), p.admissionReason(),
                    p.birthDate(), p.permitType(), p.permitDate(), p.settledOn(), p.startDeadline(), p.livingWithParents(),
                    p.childlessCouple(), p.hasChildUnder18(), p.educationLevel(), p.startDate(), p.plannedEndDate(), p.finalGoal(),
                    p.weeklyHours(), p.lateStartReason(), p.extensionJustification(), p.endedOn(), p.outcome(), p.finalGoalReached(),
                    p.discontinuationReason(), p.norwegianProgress());
        }
    }

    public record HistoryView(OffsetDateTime at, String kind, String detail) {
        static HistoryView of(ParticipantReads.HistoryItem h) {
            return new HistoryView(h.at(), h.kind(), h.detail());
        }
    }

    public record PlanView(UUID personId, String finalGoal, Map<String, String> norwegianGoal, List<String> elements, String longTermGoal,
            String mutualObligations, LocalDate agreedOn, List<LocalDate> scheduledNonWorkingDays) {
        static PlanView of(ParticipantReads.PlanDetails p) {
            return new PlanView(p.personId(), p.finalGoal().name(), Map.of("reading", p.goalReading().name(), "listening",
                    p.goalListening().name(), "writing", p.goalWriting().name(), "oral", p.goalOral().name()), p.elements(),
                    p.longTermGoal(), p.mutualObligations(), p.agreedOn(), p.scheduledNonWorkingDays());
        }
    }

    /** One recorded day of attendance. */
    public record AttendanceView(UUID id, LocalDate date, BigDecimal plannedHours, BigDecimal attendedHours, BigDecimal unexcusedHours) {
        static AttendanceView of(ParticipantReads.AttendanceRecorded a) {
            return new AttendanceView(a.id(), a.date(), a.plannedHours(), a.attendedHours(), a.unexcusedHours());
        }
    }

    /** A recorded pause; {@code leaveType} only for a leave. */
    public record PauseView(UUID id, PauseReason kind, @JsonInclude(JsonInclude.Include.NON_NULL) LeaveType leaveType, LocalDate from,
            LocalDate expectedResumeOn, boolean withBenefit) {
        static PauseView of(ParticipantReads.PauseRecorded p) {
            return new PauseView(p.id(), p.kind(), p.leaveType(), p.from(), p.expectedResumeOn(), p.withBenefit());
        }
    }

    /** The absence report (docs/domain/introduction-programme.md#3f: the 10 % guidance). */
    public record AbsenceView(UUID personId, int daysRecorded, BigDecimal plannedHours, Map<AbsenceReason, BigDecimal> absenceHours,
            BigDecimal unexcusedShare, BigDecimal guidanceThreshold, boolean overGuidanceThreshold, String rule) {
        static AbsenceView of(ParticipantReads.AbsenceReport r) {
            return new AbsenceView(r.personId(), r.daysRecorded(), r.plannedHours(), r.absenceHours(), r.unexcusedShare(),
                    r.guidanceThreshold(), r.overGuidanceThreshold(), r.rule());
        }
    }

    /** One participant's benefit for a month (§§ 20–21). */
    public record MonthlyBenefitView(UUID personId, long grossKroner, long reductionKroner, long netKroner, boolean decisionRequired) {
        static MonthlyBenefitView of(ParticipantReads.MonthlyBenefit b) {
            return new MonthlyBenefitView(b.personId(), b.grossKroner(), b.reductionKroner(), b.netKroner(), b.decisionRequired());
        }
    }

    /** A running programme behind plan, with why. */
    public record BehindPlanView(UUID personId, LocalDate plannedEndDate, List<String> reasons) {
        static BehindPlanView of(ParticipantReads.BehindPlan b) {
            return new BehindPlanView(b.personId(), b.plannedEndDate(), b.reasons());
        }
    }
}
