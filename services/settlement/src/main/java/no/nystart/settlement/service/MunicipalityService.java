package no.nystart.settlement.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nystart.contracts.introduction.IntroductionProgrammeCompleted;
import no.nystart.contracts.introduction.ProgrammeOutcome;
import no.nystart.contracts.settlement.MunicipalityDecisionRegistered;
import no.nystart.platform.events.EventEnvelope;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.paging.Page;
import no.nystart.platform.paging.PageRequest;
import no.nystart.platform.persistence.TransactionLock;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.validation.Municipalities;
import no.nystart.platform.validation.Municipality;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;
import no.nystart.settlement.api.DecisionRequest;
import no.nystart.settlement.api.DecisionView;
import no.nystart.settlement.api.ProfileRequest;
import no.nystart.settlement.api.ProfileView;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.domain.matching.Profile;
import no.nystart.settlement.domain.matching.SyntheticProfiles;
import no.nystart.settlement.persistence.MunicipalityDecisionEntity;
import no.nystart.settlement.persistence.MunicipalityProfileEntity;
import no.nystart.settlement.persistence.SettlementCaseEntity;
import org.jboss.logging.Logger;

/** Settlement decisions and profiles of municipalities. */
@ApplicationScoped
public class MunicipalityService {
    private static final Logger LOG = Logger.getLogger(MunicipalityService.class);
    private final Outbox outbox;
    private final Clock clock;

    public MunicipalityService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The municipality of a path parameter: unknown or malformed kommunenummer → 404 (docs/domain/identifiers.md#7c). */
    public static Municipality known(String kommunenummer) {
        return Municipalities.instance().find(kommunenummer)
                .orElseThrow(() -> new NotFoundProblem("municipality", kommunenummer));
    }

    /**
     * Registers IMDi's request and the council's decision (docs/domain/settlement.md#2, "Anmodning" and "Vedtak": a total and a
     * separate number of unaccompanied minors) → {@code MunicipalityDecisionRegistered}. The same figures again
     * change nothing and publish nothing.
     */
    @WithTransaction
    public Uni<DecisionView> putDecision(String kommunenummer, int year, DecisionRequest r, String user) {
        known(kommunenummer);
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = new ArrayList<>();
        if (year < 2000 || year > today.getYear() + 2) {
            violations.add(new Violation("year", "decision.year", "a decision is for a year from 2000 to two years ahead"));
        }
        if (r.requestedUnaccompaniedMinors() > r.requestedTotal()) {
            violations.add(new Violation("requestedUnaccompaniedMinors", "decision.minors-within-total",
                    "the unaccompanied minors are part of the total (docs/domain/settlement.md#2, Anmodning)"));
        }
        if (r.decidedUnaccompaniedMinors() > r.decidedTotal()) {
            violations.add(new Violation("decidedUnaccompaniedMinors", "decision.minors-within-total",
                    "the unaccompanied minors are part of the total (docs/domain/settlement.md#2, Vedtak)"));
        }
        if (r.decidedOn().isAfter(today)) {
            violations.add(new Violation("decidedOn", "decision.date-not-future", "the council's decision date is in the future"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        MunicipalityDecisionEntity.Key key = new MunicipalityDecisionEntity.Key(kommunenummer, year);
        // identical PUTs at once: the first stores and publishes, the others wait here and then find the same figures
        return TransactionLock.on("settlement.decision", kommunenummer + "/" + year)
                .chain(() -> MunicipalityDecisionEntity.<MunicipalityDecisionEntity>findById(key)).chain(existing -> {
            if (existing != null && existing.requestedTotal == r.requestedTotal()
                    && existing.requestedUnaccompaniedMinors == r.requestedUnaccompaniedMinors()
                    && existing.decidedTotal == r.decidedTotal()
                    && existing.decidedUnaccompaniedMinors == r.decidedUnaccompaniedMinors()
                    && existing.decidedOn.equals(r.decidedOn())) {
                return Uni.createFrom().item(existing);
            }
            MunicipalityDecisionEntity d = existing != null ? existing : new MunicipalityDecisionEntity();
            d.key = key;
            d.requestedTotal = r.requestedTotal();
            d.requestedUnaccompaniedMinors = r.requestedUnaccompaniedMinors();
            d.decidedTotal = r.decidedTotal();
            d.decidedUnaccompaniedMinors = r.decidedUnaccompaniedMinors();
            d.decidedOn = r.decidedOn();
            d.registeredBy = user;
            d.updatedAt = OffsetDateTime.now(clock);
            Uni<MunicipalityDecisionEntity> saved = existing != null ? Uni.createFrom().item(d) : d.persist();
            return saved.call(x -> outbox.append(new MunicipalityDecisionRegistered(kommunenummer, year, d.requestedTotal,
                    d.requestedUnaccompaniedMinors, d.decidedTotal, d.decidedUnaccompaniedMinors, d.decidedOn)));
        }).chain(d -> view(d));
    }

    @WithSession
    public Uni<DecisionView> getDecision(String kommunenummer, int year) {
        known(kommunenummer);
        return MunicipalityDecisionEntity.<MunicipalityDecisionEntity>findById(new MunicipalityDecisionEntity.Key(kommunenummer, year))
                .onItem().ifNull().failWith(() -> new NotFoundProblem("settlement decision", kommunenummer + "/" + year))
                .chain(this::view);
    }

    private Uni<DecisionView> view(MunicipalityDecisionEntity d) {
        return counts(d.key.year, List.of(d.key.municipality)).map(counts -> view(d, counts));
    }

    /** The sort of the decisions list of a year: kommunenummer (unique within a year, so the order is total). */
    public static final String DECISION_LIST_SORT = "settlement-decisions.municipality";

    /**
     * One page of the decisions of {@code year}, in kommunenummer order, optionally only the municipalities of one
     * county (fylkesnummer, the first two digits), each with the same figures as {@link #getDecision}. Bounded: one
     * keyset query of {@code limit + 1} decisions after the cursor, then one grouped count of the settled and one of
     * the proposed persons for the municipalities of the page (three queries a page, whatever its size).
     */
    @WithSession
    public Uni<Page<DecisionView>> listDecisions(int year, String county, PageRequest page) {
        List<Object> params = new ArrayList<>();
        params.add(year);
        StringBuilder where = new StringBuilder("key.year = ?1");
        if (county != null) {
            params.add(county + "%");
            where.append(" and key.municipality like ?").append(params.size());
        }
        page.cursor().ifPresent(after -> {
            params.add(after.text(0));
            where.append(" and key.municipality > ?").append(params.size());
        });
        where.append(" order by key.municipality");
        return MunicipalityDecisionEntity.<MunicipalityDecisionEntity>find(where.toString(), params.toArray())
                .range(0, page.fetchSize() - 1).list()
                .map(rows -> page.page(rows, d -> new Object[] {d.key.municipality}))
                .chain(found -> counts(year, found.items().stream().map(d -> d.key.municipality).toList())
                        .map(counts -> found.map(d -> view(d, counts))));
    }

    /** Persons settled and proposed against the decisions of {@code year} of some municipalities, with the minors among them. */
    record Counts(Map<String, int[]> settled, Map<String, int[]> proposed) {
        int[] settledOf(String k) {
            return settled.getOrDefault(k, new int[2]);
        }

        int[] proposedOf(String k) {
            return proposed.getOrDefault(k, new int[2]);
        }
    }

    /**
     * Two grouped queries (not one per municipality): the persons settled in the year by a counting settlement type
     * and the persons proposed for the year, per municipality, each with the number of unaccompanied minors. The
     * same conditions as {@link Capacity#countsAsSettled} and {@link Capacity#countsAsProposed}.
     */
    private static Uni<Counts> counts(int year, List<String> municipalities) {
        if (municipalities.isEmpty()) {
            return Uni.createFrom().item(new Counts(Map.of(), Map.of()));
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery("select c.settledMunicipality, count(c), "
                        + "sum(case when c.unaccompaniedMinor = true then 1 else 0 end) from SettlementCaseEntity c "
                        + "where c.status = :status and c.settledOn >= :from and c.settledOn < :to and c.settlementType in :types "
                        + "and c.settledMunicipality in :ks group by c.settledMunicipality", Object[].class)
                .setParameter("status", CaseStatus.SETTLED).setParameter("from", Capacity.yearStart(year))
                .setParameter("to", Capacity.nextYearStart(year)).setParameter("types", Capacity.COUNTING)
                .setParameter("ks", municipalities).getResultList()
                .chain(settled -> s.createSelectionQuery("select c.proposedMunicipality, count(c), "
                                + "sum(case when c.unaccompaniedMinor = true then 1 else 0 end) from SettlementCaseEntity c "
                                + "where c.status = :status and c.proposalYear = :year and c.proposedMunicipality in :ks "
                                + "group by c.proposedMunicipality", Object[].class)
                        .setParameter("status", CaseStatus.PROPOSED).setParameter("year", year)
                        .setParameter("ks", municipalities).getResultList()
                        .map(proposed -> new Counts(byMunicipality(settled), byMunicipality(proposed)))));
    }

    private static Map<String, int[]> byMunicipality(List<Object[]> rows) {
        Map<String, int[]> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], new int[] {((Number) row[1]).intValue(), row[2] == null ? 0 : ((Number) row[2]).intValue()});
        }
        return counts;
    }

    private static DecisionView view(MunicipalityDecisionEntity d, Counts counts) {
        String k = d.key.municipality;
        int[] settled = counts.settledOf(k);
        int[] proposed = counts.proposedOf(k);
        int s = settled[0];
        int sm = settled[1];
        int p = proposed[0];
        int pm = proposed[1];
        return new DecisionView(k, known(k).name(), d.key.year, d.requestedTotal, d.requestedUnaccompaniedMinors,
                d.decidedTotal, d.decidedUnaccompaniedMinors, d.decidedOn, s, sm, p, pm,
                d.decidedTotal - s - p, d.decidedUnaccompaniedMinors - sm - pm);
    }

    @WithTransaction
    public Uni<ProfileView> putProfile(String kommunenummer, ProfileRequest r) {
        known(kommunenummer);
        return TransactionLock.on("settlement.profile", kommunenummer)
                .chain(() -> MunicipalityProfileEntity.<MunicipalityProfileEntity>findById(kommunenummer)).chain(existing -> {
            MunicipalityProfileEntity p = existing != null ? existing : new MunicipalityProfileEntity();
            p.municipality = kommunenummer;
            p.labourDemand = new Profile(r.labourDemand().stream().mapToInt(Integer::intValue).toArray(), r.resultRatePermille(),
                    r.immigrantSharePermille()).demandText();
            p.resultRatePermille = r.resultRatePermille();
            p.immigrantSharePermille = r.immigrantSharePermille();
            p.updatedAt = OffsetDateTime.now(clock);
            return (existing != null ? Uni.createFrom().item(p) : p.<MunicipalityProfileEntity>persist()).map(MunicipalityService::profileView);
        });
    }

    @WithSession
    public Uni<ProfileView> getProfile(String kommunenummer) {
        known(kommunenummer);
        return MunicipalityProfileEntity.<MunicipalityProfileEntity>findById(kommunenummer).map(p -> {
            if (p != null) {
                return profileView(p);
            }
            Profile s = SyntheticProfiles.forMunicipality(kommunenummer);
            return new ProfileView(kommunenummer, SyntheticProfiles.MARK, Arrays.stream(s.labourDemandPermille()).boxed().toList(),
                    s.resultRatePermille(), s.immigrantSharePermille(), 0, 0);
        });
    }

    static ProfileView profileView(MunicipalityProfileEntity p) {
        return new ProfileView(p.municipality, "STORED", Arrays.stream(Profile.parseDemand(p.labourDemand)).boxed().toList(),
                p.resultRatePermille, p.immigrantSharePermille, p.completedCount, p.successfulCount);
    }

    /**
     * A completed introduction programme updates the municipality's result rate: the share of completers going on to
     * EMPLOYMENT, EDUCATION or both (COMBINED). A municipality without a stored profile gets one seeded from its
     * synthetic profile. Runs in the inbox transaction (exactly once per event).
     */
    public Uni<Void> onProgrammeCompleted(IntroductionProgrammeCompleted completed, EventEnvelope envelope) {
        if (Municipalities.instance().find(completed.municipality()).isEmpty()) {
            LOG.warnf("programme completion %s names unknown municipality %s; ignored", envelope.id(), completed.municipality());
            return Uni.createFrom().voidItem();
        }
        boolean success = completed.outcome() == ProgrammeOutcome.EMPLOYMENT || completed.outcome() == ProgrammeOutcome.EDUCATION
                || completed.outcome() == ProgrammeOutcome.COMBINED;
        return MunicipalityProfileEntity.<MunicipalityProfileEntity>findById(completed.municipality()).chain(existing -> {
            MunicipalityProfileEntity p = existing;
            if (p == null) {
                Profile s = SyntheticProfiles.forMunicipality(completed.municipality());
                p = new MunicipalityProfileEntity();
                p.municipality = completed.municipality();
                p.labourDemand = s.demandText();
                p.immigrantSharePermille = s.immigrantSharePermille();
            }
            p.completedCount += 1;
            p.successfulCount += success ? 1 : 0;
            p.resultRatePermille = (int) (p.successfulCount * 1000L / p.completedCount);
            p.updatedAt = OffsetDateTime.now(clock);
            return existing == null ? p.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }
}
