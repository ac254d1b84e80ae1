package no.nystart.introduction.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.nystart.contracts.introduction.PauseReason;
import no.nystart.introduction.domain.AbsenceReason;
import no.nystart.introduction.domain.AttendanceDay;
import no.nystart.introduction.domain.BenefitCalculator;
import no.nystart.introduction.domain.Participant;
import no.nystart.introduction.domain.ParticipantStatus;
import no.nystart.introduction.persistence.AttendanceEntity;
import no.nystart.introduction.persistence.HistoryEntity;
import no.nystart.introduction.persistence.ParticipantEntity;
import no.nystart.introduction.persistence.PauseEntity;
import no.nystart.introduction.persistence.PlanEntity;
import no.nystart.introduction.service.ParticipantReads.AbsenceReport;
import no.nystart.introduction.service.ParticipantReads.BehindPlan;
import no.nystart.introduction.service.ParticipantReads.Certificate;
import no.nystart.introduction.service.ParticipantReads.HistoryItem;
import no.nystart.introduction.service.ParticipantReads.MonthlyBenefit;
import no.nystart.introduction.service.ParticipantReads.PlanDetails;
import no.nystart.platform.audit.ReadAudit;
import no.nystart.platform.paging.Page;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.security.Caller;

/** The reads of participant data by caseworkers: each in the caller's municipality scope, each audited. */
@ApplicationScoped
public class ParticipantQueries {
    /** The sort of the participants list: start deadline, then person id. */
    public static final String LIST_SORT = "participants.start-deadline.person-id";
    /** The sort of the municipality-wide benefit and behind-plan lists: person id. */
    public static final String PERSON_SORT = "participants.person-id";
    /** The sort of one participant's history: time, then id. */
    public static final String HISTORY_SORT = "participant-history.at.id";
    /** docs/domain/introduction-programme.md#3f: the share of unexcused absence the guidance names. */
    static final BigDecimal GUIDANCE_THRESHOLD = new BigDecimal("0.10");

    private final Clock clock;
    private final BenefitCalculator benefit;
    private final ReadAudit readAudit;

    public ParticipantQueries(Clock clock, BenefitCalculator benefit, ReadAudit readAudit) {
        this.clock = clock;
        this.benefit = benefit;
        this.readAudit = readAudit;
    }

    @WithTransaction
    public Uni<Participant> get(UUID id, Caller caller) {
        return ParticipantRows.load(id, caller).map(p -> p.toParticipant(null)).call(p -> audit(caller, "participant", id));
    }

    /**
     * One page of the caller's municipality's participants by start deadline; {@code deadlineWithinDays}: only those
     * not started whose deadline is that close. ONE bounded keyset query ({@code limit + 1} rows after the cursor).
     */
    @WithTransaction
    public Uni<Page<Participant>> list(String municipality, Integer deadlineWithinDays, PageRequest page, Caller caller) {
        List<Object> params = new ArrayList<>(List.of(municipality));
        StringBuilder where = new StringBuilder("municipality = ?1");
        if (deadlineWithinDays != null) {
            params.add(ParticipantStatus.REGISTERED);
            params.add(LocalDate.now(clock).plusDays(deadlineWithinDays));
            where.append(" and status = ?2 and startDeadline <= ?3");
        }
        page.cursor().ifPresent(after -> {
            params.add(after.date(0));
            params.add(after.uuid(1));
            where.append(" and (startDeadline, personId) > (?").append(params.size() - 1).append(", ?").append(params.size()).append(')');
        });
        return ParticipantEntity.<ParticipantEntity>find(where + " order by startDeadline, personId", params.toArray())
                .range(0, page.fetchSize() - 1).list()
                .map(rows -> page.page(rows, p -> new Object[] {p.startDeadline, p.personId}).map(p -> p.toParticipant(null)))
                .call(x -> audit(caller, "participants of " + municipality, null));
    }

    /**
     * One page of a participant's history in time order. One person's history is short, but it is paged like every
     * list so that clients need one way to read lists (and an unusually long history stays bounded).
     */
    @WithTransaction
    public Uni<Page<HistoryItem>> history(UUID id, PageRequest page, Caller caller) {
        return ParticipantRows.load(id, caller).chain(p -> page.cursor()
                        .map(after -> HistoryEntity.<HistoryEntity>find("personId = ?1 and (at, id) > (?2, ?3) order by at, id", id,
                                after.timestamp(0), after.uuid(1)))
                        .orElseGet(() -> HistoryEntity.<HistoryEntity>find("personId = ?1 order by at, id", id))
                        .range(0, page.fetchSize() - 1).list())
                .map(rows -> page.page(rows, h -> new Object[] {h.at, h.id}).map(HistoryItem::of))
                .call(x -> audit(caller, "history", id));
    }

    /**
     * All of one participant's history rows, for the person timeline ({@link PersonHistoryService}): one person's
     * lifecycle is small and bounded (a row per decision, pause, resumption and ending), so it is read whole; the
     * paged {@code GET /participants/{id}/history} above serves lists.
     */
    Uni<List<HistoryEntity>> history(UUID id, Caller caller) {
        return ParticipantRows.load(id, caller).chain(p -> HistoryEntity.<HistoryEntity>list("personId = ?1 order by at, id", id))
                .call(x -> audit(caller, "history", id));
    }

    @WithTransaction
    public Uni<PlanDetails> getPlan(UUID id, Caller caller) {
        return ParticipantRows.load(id, caller).chain(p -> PlanEntity.<PlanEntity>findById(id))
                .onItem().ifNull().failWith(() -> new NotFoundProblem("integration plan of participant", id))
                .map(PlanDetails::of)
                .call(x -> audit(caller, "plan", id));
    }

    /** The benefit for one month (§§ 20–21) with every step; after the § 12 decision. */
    @WithTransaction
    public Uni<BenefitCalculator.Calculation> benefit(UUID id, YearMonth month, Caller caller) {
        return ParticipantRows.load(id, caller).chain(p -> {
            p.toParticipant(null).require(Participant.Transition.CALCULATE_BENEFIT);
            return PauseEntity.<PauseEntity>list("personId = ?1", id).chain(pauses -> AttendanceEntity
                    .<AttendanceEntity>list("personId = ?1 and day >= ?2 and day <= ?3", id, month.atDay(1), month.atEndOfMonth())
                    .map(days -> benefit.calculate(benefitInput(p, month, pauses, days))));
        }).call(x -> audit(caller, "benefit " + month, id));
    }

    /** Share of unexcused absence over programme time so far (docs/domain/introduction-programme.md#3f: the 10 % guidance). */
    @WithTransaction
    public Uni<AbsenceReport> absenceReport(UUID id, Caller caller) {
        return ParticipantRows.load(id, caller).chain(p -> AttendanceEntity.<AttendanceEntity>list("personId = ?1", id).map(days -> {
            BigDecimal planned = BigDecimal.ZERO;
            Map<AbsenceReason, BigDecimal> byReason = new EnumMap<>(AbsenceReason.class);
            for (AttendanceEntity a : days) {
                planned = planned.add(a.plannedHours);
                AttendanceDay d = a.toDay();
                for (AbsenceReason reason : AbsenceReason.values()) {
                    byReason.merge(reason, d.absenceHours(reason), BigDecimal::add);
                }
            }
            BigDecimal unexcused = byReason.getOrDefault(AbsenceReason.UNEXCUSED, BigDecimal.ZERO);
            BigDecimal share = planned.signum() == 0 ? BigDecimal.ZERO : unexcused.divide(planned, 4, RoundingMode.HALF_UP);
            return new AbsenceReport(id, days.size(), planned, byReason, share, GUIDANCE_THRESHOLD,
                    share.compareTo(GUIDANCE_THRESHOLD) > 0,
                    "docs/domain/introduction-programme.md#3f: absence that substantially exceeds 10 % of programme time may justify stans (§ 18)");
        })).call(x -> audit(caller, "absence report", id));
    }

    /** Data for the participant certificate (deltakerbevis, § 18 a post-2025, docs/domain/introduction-programme.md#3c): only after the programme ended. */
    @WithTransaction
    public Uni<Certificate> certificate(UUID id, Caller caller) {
        return ParticipantRows.load(id, caller).chain(p -> {
            Participant participant = p.toParticipant(null);
            participant.require(Participant.Transition.ISSUE_CERTIFICATE);
            return PlanEntity.<PlanEntity>findById(id).map(plan -> new Certificate(participant.snapshot(), PlanDetails.of(plan)));
        }).call(x -> audit(caller, "certificate", id));
    }

    /**
     * One month's benefit for one page (by person id) of the municipality's participants with a programme: three
     * bounded queries per page (participants, their pauses, their attendance), not N+1.
     */
    @WithTransaction
    public Uni<Page<MonthlyBenefit>> benefits(String municipality, YearMonth month, PageRequest page, Caller caller) {
        return byPerson("municipality = ?1 and startDate is not null and startDate <= ?2 and (endedOn is null or endedOn >= ?3)",
                page, municipality, month.atEndOfMonth(), month.atDay(1)).chain(found -> {
                    List<ParticipantEntity> list = found.items();
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(new Page<MonthlyBenefit>(List.of(), found.next()));
                    }
                    List<UUID> ids = list.stream().map(p -> p.personId).toList();
                    return PauseEntity.<PauseEntity>list("personId in ?1", ids).chain(pauses -> AttendanceEntity
                            .<AttendanceEntity>list("personId in ?1 and day >= ?2 and day <= ?3", ids, month.atDay(1), month.atEndOfMonth())
                            .map(days -> {
                                Map<UUID, List<PauseEntity>> pausesOf = pauses.stream().collect(Collectors.groupingBy(x -> x.personId));
                                Map<UUID, List<AttendanceEntity>> daysOf = days.stream().collect(Collectors.groupingBy(x -> x.personId));
                                return found.map(p -> {
                                    BenefitCalculator.Calculation c = benefit.calculate(benefitInput(p, month,
                                            pausesOf.getOrDefault(p.personId, List.of()), daysOf.getOrDefault(p.personId, List.of())));
                                    return new MonthlyBenefit(p.personId, c.grossKroner(), c.reductionKroner(), c.netKroner(),
                                            c.decisionRequired());
                                });
                            }));
                }).call(x -> audit(caller, "benefits " + municipality + " " + month, null));
    }

    /**
     * Who is behind plan: a running programme past its planned end, or unexcused absence over 10 % of the
     * recorded programme time (docs/domain/introduction-programme.md#3f guidance). Judged for one page (by person id) of the running programmes:
     * two bounded queries per page; the page holds those of its participants who are behind, so it may be shorter than
     * {@code limit} while a next page exists.
     */
    @WithTransaction
    public Uni<Page<BehindPlan>> behindPlan(String municipality, PageRequest page, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        return byPerson("municipality = ?1 and status in ?2", page, municipality,
                List.of(ParticipantStatus.ACTIVE, ParticipantStatus.PAUSED)).chain(found -> {
                    List<ParticipantEntity> list = found.items();
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(new Page<BehindPlan>(List.of(), found.next()));
                    }
                    List<UUID> ids = list.stream().map(p -> p.personId).toList();
                    return AttendanceEntity.<AttendanceEntity>list("personId in ?1", ids).map(all -> {
                        Map<UUID, List<AttendanceEntity>> daysOf = all.stream().collect(Collectors.groupingBy(x -> x.personId));
                        List<BehindPlan> result = new ArrayList<>();
                        for (ParticipantEntity p : list) {
                            List<String> reasons = behindPlanReasons(p, daysOf.getOrDefault(p.personId, List.of()), today);
                            if (!reasons.isEmpty()) {
                                result.add(new BehindPlan(p.personId, p.plannedEndDate, reasons));
                            }
                        }
                        return new Page<>(result, found.next());
                    });
                }).call(x -> audit(caller, "behind plan " + municipality, null));
    }

    private static List<String> behindPlanReasons(ParticipantEntity p, List<AttendanceEntity> days, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (p.plannedEndDate != null && p.plannedEndDate.isBefore(today)) {
            reasons.add("planned end " + p.plannedEndDate + " has passed");
        }
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal unexcused = BigDecimal.ZERO;
        for (AttendanceEntity a : days) {
            planned = planned.add(a.plannedHours);
            unexcused = unexcused.add(a.unexcused);
        }
        if (planned.signum() > 0 && unexcused.multiply(BigDecimal.TEN).compareTo(planned) > 0) {
            reasons.add("unexcused absence " + unexcused.toPlainString() + " of " + planned.toPlainString() + " h is over 10 %");
        }
        return reasons;
    }

    /** Participants of a municipality by person id, after the page's cursor: one bounded keyset query. */
    private static Uni<Page<ParticipantEntity>> byPerson(String where, PageRequest page, Object... params) {
        List<Object> all = new ArrayList<>(List.of(params));
        String query = where;
        if (page.cursor().isPresent()) {
            all.add(page.cursor().get().uuid(0));
            query += " and personId > ?" + all.size();
        }
        return ParticipantEntity.<ParticipantEntity>find(query + " order by personId", all.toArray())
                .range(0, page.fetchSize() - 1).list()
                .map(rows -> page.page(rows, p -> new Object[] {p.personId}));
    }

    static BenefitCalculator.Input benefitInput(ParticipantEntity p, YearMonth month, List<PauseEntity> pauses, List<AttendanceEntity> days) {
        List<BenefitCalculator.Gap> gaps = new ArrayList<>();
        for (PauseEntity pause : pauses) {
            if (!pause.withBenefit) {
                gaps.add(new BenefitCalculator.Gap(pause.fromDate, pause.resumedOn == null ? null : pause.resumedOn.minusDays(1),
                        pause.kind == PauseReason.TEMPORARY_SUSPENSION ? "temporary suspension (§ 18)" : "leave without benefit: " + pause.leaveType));
            }
        }
        return new BenefitCalculator.Input(month, new BenefitCalculator.Person(p.birthDate, p.regime, p.livingWithParents, p.childlessCouple),
                p.startDate, p.endedOn != null ? p.endedOn : p.plannedEndDate, gaps, days.stream().map(AttendanceEntity::toDay).toList());
    }

    private Uni<Void> audit(Caller caller, String action, UUID personId) {
        return readAudit.record(caller, action, null, personId);
    }
}
