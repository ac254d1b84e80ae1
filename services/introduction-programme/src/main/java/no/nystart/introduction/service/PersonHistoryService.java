package no.nystart.introduction.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import no.nystart.contracts.introduction.DiscontinuationReason;
import no.nystart.contracts.introduction.PauseReason;
import no.nystart.introduction.domain.BenefitCalculator;
import no.nystart.introduction.domain.Participant;
import no.nystart.introduction.domain.ParticipantStatus;
import no.nystart.introduction.persistence.AttendanceEntity;
import no.nystart.introduction.persistence.HistoryEntity;
import no.nystart.introduction.persistence.ParticipantEntity;
import no.nystart.introduction.persistence.PauseEntity;
import no.nystart.introduction.persistence.PlanEntity;
import no.nystart.platform.history.PersonHistory;
import no.nystart.platform.security.Caller;

/**
 * One participant's introduction programme as timeline entries: in the target group (or admitted), the § 12
 * decision and start, the plan, attendance and the introduction benefit per month, leave and suspension, moves, and
 * completion or discontinuation; and the deadlines ahead (the § 12 start deadline while no decision is made, the
 * planned end of a running programme).
 *
 * <p>It reads through {@link ParticipantQueries#history} (the query, the municipality scope — a participant of another
 * municipality is 404 — and the audit of {@code GET /participants/{id}/history}), then the participant's rows. Free
 * text (reasons, notes, who decided) stays out of the timeline.
 */
@ApplicationScoped
public class PersonHistoryService {
    static final String SERVICE = "introduction-programme";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** A programme lasts at most 3 years + 1 year of extension (§ 13): more benefit months than this are not listed. */
    static final int MAX_BENEFIT_MONTHS = 60;

    private final ParticipantQueries participants;
    private final BenefitCalculator benefit;
    private final Clock clock;

    public PersonHistoryService(ParticipantQueries participants, BenefitCalculator benefit, Clock clock) {
        this.participants = participants;
        this.benefit = benefit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PersonHistory> history(UUID personId, Caller caller) {
        return participants.history(personId, caller)
                .chain(rows -> ParticipantEntity.<ParticipantEntity>findById(personId)
                        .chain(p -> PlanEntity.<PlanEntity>findById(personId)
                                .chain(plan -> PauseEntity.<PauseEntity>list("personId = ?1 order by fromDate", personId)
                                        .chain(pauses -> AttendanceEntity.<AttendanceEntity>list(
                                                        "personId = ?1 order by day", personId)
                                                .map(days -> timeline(p, plan, pauses, days, rows, LocalDate.now(clock)))))));
    }

    PersonHistory timeline(ParticipantEntity p, PlanEntity plan, List<PauseEntity> pauses, List<AttendanceEntity> days,
            List<HistoryEntity> rows, LocalDate today) {
        PersonHistory.Builder t = PersonHistory.builder(p.personId, SERVICE);
        boolean byDecision = p.admission == Participant.Admission.DECISION;
        t.entry(p.settledOn, p.createdAt, byDecision ? "PROGRAMME_ADMITTED" : "PROGRAMME_TARGET_GROUP",
                (byDecision ? "admitted to the introduction programme by the municipality's decision"
                        : "in the target group of the introduction programme (right and duty)") + ", municipality "
                        + p.municipality + ", start deadline " + p.startDeadline,
                byDecision ? "integreringsloven § 8 tredje ledd" : "integreringsloven § 8",
                PersonHistory.details("municipality", p.municipality, "regime", p.regime, "permitType", p.permitType,
                        "startDeadline", p.startDeadline.toString()));
        Optional<HistoryEntity> decided = last(rows, "DECIDED");
        if (p.startDate != null) {
            OffsetDateTime at = decided.map(h -> h.at).orElse(null);
            LocalDate on = at != null ? at.atZoneSameInstant(OSLO).toLocalDate() : p.startDate;
            boolean late = p.startDate.isAfter(p.startDeadline);
            t.entry(on, at, "PROGRAMME_DECIDED", "programme decided: " + p.startDate + " to " + p.plannedEndDate
                            + ", final goal " + p.finalGoal + (late ? ", started after the deadline " + p.startDeadline : ""),
                    "integreringsloven § 12", PersonHistory.details("startDate", p.startDate.toString(),
                            "plannedEndDate", p.plannedEndDate == null ? null : p.plannedEndDate.toString(),
                            "finalGoal", p.finalGoal, "weeklyHours", p.weeklyHours, "lateStart", late));
            if (!p.startDate.isAfter(today)) {
                t.entry(p.startDate, null, "PROGRAMME_STARTED", "programme started", "integreringsloven § 12",
                        PersonHistory.details());
            }
        }
        if (plan != null && plan.agreedOn != null) {
            t.entry(plan.agreedOn, plan.updatedAt, "PLAN_AGREED", "integration plan and contract agreed, Norwegian goal "
                            + plan.goalReading + "/" + plan.goalListening + "/" + plan.goalWriting + "/" + plan.goalOral,
                    "integreringsloven §§ 15–16", PersonHistory.details("finalGoal", plan.finalGoal,
                            "goalReading", plan.goalReading, "goalListening", plan.goalListening,
                            "goalWriting", plan.goalWriting, "goalOral", plan.goalOral));
        }
        attendanceMonths(t, days);
        benefitMonths(t, p, pauses, days, today);
        for (PauseEntity pause : pauses) {
            boolean suspension = pause.kind == PauseReason.TEMPORARY_SUSPENSION;
            String rule = suspension ? "integreringsloven § 18" : "integreringsforskriften kap. 4";
            t.entry(pause.fromDate, pause.createdAt, "PROGRAMME_PAUSED", (suspension ? "temporary suspension" : "leave "
                            + pause.leaveType) + " from " + pause.fromDate + (pause.withBenefit ? ", with benefit" : ", without benefit"),
                    rule, PersonHistory.details("kind", pause.kind, "leaveType", pause.leaveType,
                            "withBenefit", pause.withBenefit));
            t.entry(pause.resumedOn, null, "PROGRAMME_RESUMED", "programme resumed", rule, PersonHistory.details());
        }
        for (HistoryEntity h : rows) {
            if ("RELOCATED".equals(h.kind)) {
                // the row's text names municipalities and the date only
                t.entry(h.at.atZoneSameInstant(OSLO).toLocalDate(), h.at, "RELOCATED", h.detail, null, PersonHistory.details());
            }
        }
        if (p.status == ParticipantStatus.COMPLETED) {
            t.entry(p.endedOn, last(rows, "COMPLETED").map(h -> h.at).orElse(null), "PROGRAMME_COMPLETED",
                    "programme completed, outcome " + p.outcome + ", final goal reached " + p.finalGoalReached, null,
                    PersonHistory.details("outcome", p.outcome, "finalGoalReached", p.finalGoalReached));
        } else if (p.status == ParticipantStatus.DISCONTINUED) {
            t.entry(p.endedOn, last(rows, "DISCONTINUED").map(h -> h.at).orElse(null), "PROGRAMME_DISCONTINUED",
                    "programme discontinued (" + p.discontinuationReason + ")",
                    p.discontinuationReason == DiscontinuationReason.PERMANENT_SUSPENSION ? "integreringsloven § 18" : null,
                    PersonHistory.details("reason", p.discontinuationReason));
        }
        if (p.status == ParticipantStatus.REGISTERED) {
            t.deadline(p.startDeadline, "PROGRAMME_START_DEADLINE",
                    "the programme must start by this day (3 months after settlement)", "integreringsloven § 12");
        }
        if ((p.status == ParticipantStatus.ACTIVE || p.status == ParticipantStatus.PAUSED) && p.plannedEndDate != null) {
            t.deadline(p.plannedEndDate, "PROGRAMME_END", "planned end of the introduction programme",
                    "integreringsloven § 13");
        }
        return t.build(today);
    }

    private static Optional<HistoryEntity> last(List<HistoryEntity> rows, String kind) {
        HistoryEntity found = null;
        for (HistoryEntity h : rows) {
            if (kind.equals(h.kind)) {
                found = h;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Recorded attendance per calendar month (dated on the month's last recorded day). */
    private static void attendanceMonths(PersonHistory.Builder t, List<AttendanceEntity> days) {
        Map<YearMonth, List<AttendanceEntity>> byMonth = new TreeMap<>();
        days.forEach(d -> byMonth.computeIfAbsent(YearMonth.from(d.day), m -> new ArrayList<>()).add(d));
        byMonth.forEach((month, list) -> {
            BigDecimal planned = list.stream().map(d -> d.plannedHours).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal attended = list.stream().map(d -> d.attendedHours).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal unexcused = list.stream().map(d -> d.unexcused).reduce(BigDecimal.ZERO, BigDecimal::add);
            t.entry(list.get(list.size() - 1).day, null, "ATTENDANCE_MONTH", "attendance " + month + ": "
                            + attended.toPlainString() + " of " + planned.toPlainString() + " h, unexcused " + unexcused.toPlainString() + " h",
                    "integreringsforskriften kap. 3", PersonHistory.details("month", month.toString(), "days", list.size(),
                            "plannedHours", planned, "attendedHours", attended, "unexcusedHours", unexcused));
        });
    }

    /**
     * The benefit of every month of the programme that has ended (or, for an ended programme, up to its end), by
     * the same calculation as {@code GET /participants/{id}/benefit/{month}}; dated on the month's last day.
     */
    private void benefitMonths(PersonHistory.Builder t, ParticipantEntity p, List<PauseEntity> pauses,
            List<AttendanceEntity> days, LocalDate today) {
        if (p.startDate == null || p.startDate.isAfter(today)) {
            return;
        }
        LocalDate end = p.endedOn != null ? p.endedOn : p.plannedEndDate;
        // months that are over; an ended programme up to its last month
        YearMonth lastMonth = p.endedOn != null ? YearMonth.from(p.endedOn) : YearMonth.from(today).minusMonths(1);
        if (p.endedOn == null && p.plannedEndDate != null && YearMonth.from(p.plannedEndDate).isBefore(lastMonth)) {
            lastMonth = YearMonth.from(p.plannedEndDate);
        }
        YearMonth month = YearMonth.from(p.startDate);
        for (int i = 0; i < MAX_BENEFIT_MONTHS && !month.isAfter(lastMonth); i++, month = month.plusMonths(1)) {
            LocalDate lastDay = month.atEndOfMonth();
            YearMonth m = month;
            List<AttendanceEntity> ofMonth = days.stream().filter(d -> YearMonth.from(d.day).equals(m)).toList();
            BenefitCalculator.Calculation c = benefit.calculate(ParticipantQueries.benefitInput(p, month, pauses, ofMonth));
            LocalDate dated = end != null && YearMonth.from(end).equals(month) && end.isBefore(lastDay) ? end : lastDay;
            t.entry(dated, null, "BENEFIT_MONTH", "introduction benefit " + month + ": " + c.netKroner() + " kr net ("
                            + c.grossKroner() + " gross, " + c.reductionKroner() + " reduction for unexcused absence)",
                    "integreringsloven §§ 20–21", PersonHistory.details("month", month.toString(),
                            "grossKroner", c.grossKroner(), "reductionKroner", c.reductionKroner(), "netKroner", c.netKroner(),
                            "decisionRequired", c.decisionRequired()));
        }
    }
}
