package no.nystart.settlement.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.nystart.contracts.introduction.IntroductionProgrammeCompleted;
import no.nystart.contracts.introduction.ProgrammeOutcome;
import no.nystart.contracts.settlement.MunicipalityDecisionRegistered;
import no.nystart.platform.events.EventEnvelope;
import no.nystart.platform.outbox.Outbox;
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
        String k = d.key.municipality;
        int year = d.key.year;
        return SettlementCaseEntity.<SettlementCaseEntity>list(
                "(settledMunicipality = ?1 and settledOn >= ?2 and settledOn < ?3) or (proposedMunicipality = ?1 and proposalYear = ?4)",
                k, Capacity.yearStart(year), Capacity.nextYearStart(year), year).map(cases -> {
                    List<SettlementCaseEntity> settled = cases.stream()
                            .filter(c -> k.equals(c.settledMunicipality) && Capacity.countsAsSettled(c, year)).toList();
                    List<SettlementCaseEntity> proposed = cases.stream()
                            .filter(c -> k.equals(c.proposedMunicipality) && Capacity.countsAsProposed(c, year)).toList();
                    int s = settled.size();
                    int sm = Capacity.minors(settled);
                    int p = proposed.size();
                    int pm = Capacity.minors(proposed);
                    return new DecisionView(k, known(k).name(), year, d.requestedTotal, d.requestedUnaccompaniedMinors,
                            d.decidedTotal, d.decidedUnaccompaniedMinors, d.decidedOn, s, sm, p, pm,
                            d.decidedTotal - s - p, d.decidedUnaccompaniedMinors - sm - pm);
                });
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
