package no.nystart.settlement.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.nystart.contracts.settlement.SettlementProposed;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.persistence.TransactionLock;
import no.nystart.platform.problem.ConflictProblem;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.domain.matching.CpSatMatcher;
import no.nystart.settlement.domain.matching.HouseholdDemand;
import no.nystart.settlement.domain.matching.MatchingInstance;
import no.nystart.settlement.domain.matching.MatchingResult;
import no.nystart.settlement.domain.matching.MunicipalitySupply;
import no.nystart.settlement.domain.matching.Profile;
import no.nystart.settlement.domain.matching.Score;
import no.nystart.settlement.domain.matching.ScoreModel;
import no.nystart.settlement.domain.matching.SyntheticProfiles;
import no.nystart.settlement.domain.matching.Weights;
import no.nystart.settlement.persistence.MatchingRunEntity;
import no.nystart.settlement.persistence.MunicipalityDecisionEntity;
import no.nystart.settlement.persistence.MunicipalityProfileEntity;
import no.nystart.settlement.persistence.SettlementCaseEntity;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Matching runs: reads READY households and the year's remaining room, solves off the event loop with CP-SAT,
 * then proposes in one transaction → {@code SettlementProposed} per member.
 */
@ApplicationScoped
public class MatchingService {
    private final Outbox outbox;
    private final Clock clock;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final Weights weights;
    private final Duration defaultTimeLimit;
    private final int workers;
    private final double relativeGapLimit;

    public MatchingService(Outbox outbox, Clock clock, Vertx vertx, ObjectMapper json,
            @ConfigProperty(name = "settlement.matching.weight.placement", defaultValue = "10") int wPlacement,
            @ConfigProperty(name = "settlement.matching.weight.fit", defaultValue = "5") int wFit,
            @ConfigProperty(name = "settlement.matching.weight.programme", defaultValue = "3") int wProgramme,
            @ConfigProperty(name = "settlement.matching.weight.spread", defaultValue = "2") int wSpread,
            @ConfigProperty(name = "settlement.matching.time-limit", defaultValue = "PT10S") Duration defaultTimeLimit,
            @ConfigProperty(name = "settlement.matching.workers", defaultValue = "2") int workers,
            @ConfigProperty(name = "settlement.matching.relative-gap-limit", defaultValue = "0.001") double relativeGapLimit) {
        this.outbox = outbox;
        this.clock = clock;
        this.vertx = vertx;
        this.json = json;
        this.weights = new Weights(wPlacement, wFit, wProgramme, wSpread);
        this.defaultTimeLimit = defaultTimeLimit;
        this.workers = workers;
        if (!(relativeGapLimit >= 0 && relativeGapLimit < 1)) {
            throw new IllegalArgumentException("settlement.matching.relative-gap-limit must be in [0, 1): " + relativeGapLimit);
        }
        this.relativeGapLimit = relativeGapLimit;
    }

    /** Input as read from the database. */
    public record Input(MatchingInstance instance, List<List<SettlementCaseEntity>> members, int synthetic, long earlierRuns) {
    }

    @WithSession
    public Uni<Input> load(int year) {
        return SettlementCaseEntity.<SettlementCaseEntity>list("status in ?1", List.of(CaseStatus.READY, CaseStatus.WAITING_FOR_PERMIT))
                .chain(waiting -> SettlementCaseEntity.<SettlementCaseEntity>list(
                        "(settledOn >= ?1 and settledOn < ?2) or (status = ?3 and proposalYear = ?4)",
                        Capacity.yearStart(year), Capacity.nextYearStart(year), CaseStatus.PROPOSED, year)
                        .chain(used -> MunicipalityDecisionEntity.<MunicipalityDecisionEntity>list("key.year", year)
                                .chain(decisions -> MunicipalityProfileEntity.<MunicipalityProfileEntity>listAll()
                                        .chain(profiles -> MatchingRunEntity.count("year", year)
                                                .map(runs -> build(year, waiting, used, decisions, profiles, runs))))));
    }

    private Input build(int year, List<SettlementCaseEntity> waiting, List<SettlementCaseEntity> used,
            List<MunicipalityDecisionEntity> decisions, List<MunicipalityProfileEntity> profiles, long earlierRuns) {
        // households whose every member is READY; the longest waiting (earliest latest permit) first
        Map<UUID, List<SettlementCaseEntity>> byHousehold = waiting.stream()
                .collect(Collectors.groupingBy(c -> c.householdId, LinkedHashMap::new, Collectors.toList()));
        List<List<SettlementCaseEntity>> ready = byHousehold.values().stream()
                .filter(ms -> ms.stream().allMatch(m -> m.status == CaseStatus.READY && m.permitDate != null))
                .sorted(Comparator.comparing((List<SettlementCaseEntity> ms) -> ms.stream().map(m -> m.permitDate)
                        .max(Comparator.naturalOrder()).orElseThrow()).thenComparing(ms -> ms.get(0).householdId))
                .toList();
        List<HouseholdDemand> households = new ArrayList<>();
        for (List<SettlementCaseEntity> ms : ready) {
            List<Set<Integer>> groups = new ArrayList<>();
            for (SettlementCaseEntity m : ms) {
                if (m.occupationGroups != null && !m.occupationGroups.isBlank()) {
                    groups.add(Arrays.stream(m.occupationGroups.split(",")).map(Integer::valueOf).collect(Collectors.toSet()));
                }
            }
            households.add(new HouseholdDemand(ms.get(0).householdId, ms.size(), Capacity.minors(ms), groups));
        }
        Map<String, MunicipalityProfileEntity> stored = new HashMap<>();
        profiles.forEach(p -> stored.put(p.municipality, p));
        List<MunicipalitySupply> supply = new ArrayList<>();
        int synthetic = 0;
        for (MunicipalityDecisionEntity d : decisions.stream().sorted(Comparator.comparing(d -> d.key.municipality)).toList()) {
            String k = d.key.municipality;
            List<SettlementCaseEntity> usedHere = used.stream()
                    .filter(c -> (k.equals(c.settledMunicipality) && Capacity.countsAsSettled(c, year))
                            || (k.equals(c.proposedMunicipality) && Capacity.countsAsProposed(c, year)))
                    .toList();
            int room = Math.max(0, d.decidedTotal - usedHere.size());
            int minorRoom = Math.min(room, Math.max(0, d.decidedUnaccompaniedMinors - Capacity.minors(usedHere)));
            if (room == 0) {
                continue;
            }
            MunicipalityProfileEntity p = stored.get(k);
            Profile profile;
            if (p != null) {
                profile = new Profile(Profile.parseDemand(p.labourDemand), p.resultRatePermille, p.immigrantSharePermille);
            } else {
                profile = SyntheticProfiles.forMunicipality(k);
                synthetic++;
            }
            supply.add(new MunicipalitySupply(k, room, minorRoom, profile));
        }
        return new Input(new MatchingInstance(households, supply, new ScoreModel(weights)), ready, synthetic, earlierRuns);
    }

    /**
     * Solves on a worker thread; the answer comes back on the caller's Vert.x context. The run stops as soon as the
     * proven gap is at most {@code settlement.matching.relative-gap-limit} (default 0.1 %, issue 5's target), instead of
     * spending the whole time limit to prove the last fraction of a per cent; 0 proves optimality or uses the limit.
     */
    public Uni<MatchingResult> solve(MatchingInstance instance, Integer timeLimitSeconds) {
        Duration limit = timeLimitSeconds == null ? defaultTimeLimit : Duration.ofSeconds(timeLimitSeconds);
        return vertx.executeBlocking(Uni.createFrom().item(() -> CpSatMatcher.solve(instance, limit, workers, relativeGapLimit)));
    }

    /**
     * Proposes the chosen municipality to each placed household → {@code SettlementProposed} per member. A household
     * that changed while the solver ran (no longer READY) is left out of the proposal.
     *
     * <p>Runs for one year are serialised here (a transaction lock on the year): a run that finds that another run for
     * the year was stored after it read its input answers 409 {@code matching.concurrent-run} and proposes nothing,
     * since its households and rooms are stale. The year's decision rows are locked too, so a settlement at the same
     * moment (which locks its decision row) waits or is waited for, and the room is checked again against what is
     * settled and proposed now: a household that no longer fits is left unassigned.
     */
    @WithTransaction
    public Uni<MatchingRunEntity> propose(int year, Input input, MatchingResult result, String user) {
        return TransactionLock.on("settlement.matching-run", year)
                .chain(() -> MatchingRunEntity.count("year", year))
                .chain(runs -> {
                    if (runs != input.earlierRuns()) {
                        return Uni.createFrom().failure(new ConflictProblem("year", "matching.concurrent-run",
                                "another matching run for " + year + " was stored while this one was solving; start a new run"));
                    }
                    return MunicipalityDecisionEntity.<MunicipalityDecisionEntity>find("key.year = ?1 order by key.municipality", year)
                            .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                            .chain(decisions -> SettlementCaseEntity.<SettlementCaseEntity>list(
                                    "(settledOn >= ?1 and settledOn < ?2) or (status = ?3 and proposalYear = ?4)",
                                    Capacity.yearStart(year), Capacity.nextYearStart(year), CaseStatus.PROPOSED, year)
                                    .chain(used -> proposeLocked(year, input, result, user, roomNow(year, decisions, used))));
                });
    }

    /** Remaining places (total, unaccompanied minors) per municipality as the database holds them now. */
    private static Map<String, int[]> roomNow(int year, List<MunicipalityDecisionEntity> decisions, List<SettlementCaseEntity> used) {
        Map<String, int[]> room = new HashMap<>();
        for (MunicipalityDecisionEntity d : decisions) {
            String k = d.key.municipality;
            List<SettlementCaseEntity> usedHere = used.stream()
                    .filter(c -> (k.equals(c.settledMunicipality) && Capacity.countsAsSettled(c, year))
                            || (k.equals(c.proposedMunicipality) && Capacity.countsAsProposed(c, year)))
                    .toList();
            room.put(k, new int[] {d.decidedTotal - usedHere.size(), d.decidedUnaccompaniedMinors - Capacity.minors(usedHere)});
        }
        return room;
    }

    private Uni<MatchingRunEntity> proposeLocked(int year, Input input, MatchingResult result, String user, Map<String, int[]> room) {
        UUID runId = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        MatchingInstance instance = input.instance();
        List<MatchingReport.Assignment> assignments = new ArrayList<>();
        List<UUID> unassigned = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int h = 0; h < instance.households().size(); h++) {
            HouseholdDemand household = instance.households().get(h);
            int m = result.choice()[h];
            if (m < 0) {
                unassigned.add(household.householdId());
                continue;
            }
            String k = instance.municipalities().get(m).municipality();
            Score s = instance.score(h, m);
            MatchingReport.Assignment assignment = new MatchingReport.Assignment(household.householdId(), household.size(),
                    household.unaccompaniedMinors(), k, s.placement(), s.fit(), s.programme(), s.spread(), s.total());
            chain = chain.chain(() -> SettlementCaseEntity.<SettlementCaseEntity>find("householdId = ?1 order by id", household.householdId())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .chain(rows -> {
                        // a closed member is not part of the household for settlement any more
                        List<SettlementCaseEntity> members = rows.stream().filter(c -> c.status != CaseStatus.CLOSED).toList();
                        int[] left = room.getOrDefault(k, new int[] {0, 0});
                        if (members.size() != household.size() || !members.stream().allMatch(c -> c.status == CaseStatus.READY)
                                || left[0] < members.size() || left[1] < Capacity.minors(members)) {
                            unassigned.add(household.householdId());
                            return Uni.createFrom().voidItem();
                        }
                        left[0] -= members.size();
                        left[1] -= Capacity.minors(members);
                        assignments.add(assignment);
                        Uni<Void> events = Uni.createFrom().voidItem();
                        for (SettlementCaseEntity c : members) {
                            c.status = CaseStatus.PROPOSED;
                            c.proposedMunicipality = k;
                            c.proposalYear = year;
                            c.matchingRunId = runId;
                            boolean minor = Boolean.TRUE.equals(c.unaccompaniedMinor);
                            events = events.chain(() -> outbox.append(new SettlementProposed(c.personId, c.householdId,
                                    members.size(), k, runId, today, minor))).replaceWithVoid();
                        }
                        return events;
                    }));
        }
        return chain.chain(() -> store(runId, year, input, result, user, assignments, unassigned));
    }

    private Uni<MatchingRunEntity> store(UUID runId, int year, Input input, MatchingResult result, String user,
            List<MatchingReport.Assignment> assignments, List<UUID> unassigned) {
        MatchingInstance instance = input.instance();
        BigDecimal gap = result.bestBound() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf((result.bestBound() - result.objective()) * 100L)
                        .divide(BigDecimal.valueOf(result.bestBound()), 4, RoundingMode.HALF_UP);
        BigDecimal improvement = result.greedyObjective() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf((result.objective() - result.greedyObjective()) * 100L)
                        .divide(BigDecimal.valueOf(result.greedyObjective()), 4, RoundingMode.HALF_UP);
        MatchingReport report = new MatchingReport(runId, year, result.status(), result.objective(), result.bestBound(), gap,
                result.greedyObjective(), improvement, result.solveMillis(), instance.households().size(), assignments.size(),
                instance.municipalities().size(), weights, input.synthetic(), assignments, unassigned);
        MatchingRunEntity run = new MatchingRunEntity();
        run.id = runId;
        run.year = year;
        run.status = result.status();
        run.objective = result.objective();
        run.bestBound = result.bestBound();
        run.greedyObjective = result.greedyObjective();
        run.solveMillis = result.solveMillis();
        run.households = instance.households().size();
        run.assigned = assignments.size();
        try {
            run.report = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        run.startedBy = user;
        run.createdAt = OffsetDateTime.now(clock);
        return run.<MatchingRunEntity>persist();
    }

    /** A run is for a year up to two years ahead. */
    public void checkYear(int year) {
        if (year > LocalDate.now(clock).getYear() + 2) {
            throw new RuleViolationException("year", "matching.year", "a matching run is for a year up to two years ahead");
        }
    }

    @WithSession
    public Uni<MatchingRunEntity> get(UUID id) {
        return MatchingRunEntity.<MatchingRunEntity>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("matching run", id));
    }
}
