package no.nystart.grants.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.grants.GrantStatementIssued;
import no.nystart.contracts.grants.StatementLine;
import no.nystart.grants.api.Views;
import no.nystart.grants.domain.GrantCodes;
import no.nystart.grants.persistence.ClaimDueEntity;
import no.nystart.grants.persistence.LedgerEntryEntity;
import no.nystart.grants.persistence.PersonBasisEntity;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.problem.NotFoundProblem;

/** Statements per municipality and budget year, and a person's claims with the events behind them. */
@ApplicationScoped
public class LedgerQueryService {
    /** A claim due is open until it is registered, which happens in the live segment (migration V5). */
    private static final String OPEN = " and not exists (select 1 from LedgerEntryEntity e where e.segment = 'live' and e.dueId = d.id)";

    private final Outbox outbox;
    private final Clock clock;

    public LedgerQueryService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Totals per grant code and payout term (docs/domain/grants.md#5a), claims minus reversals → GrantStatementIssued. */
    @WithTransaction
    public Uni<Views.Statement> statement(String municipality, int year) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                        select e.grantCode, e.payoutQuarter, count(e), sum(e.amountNok) from LedgerEntryEntity e
                        where e.municipality = ?1 and e.budgetYear = ?2
                        group by e.grantCode, e.payoutQuarter order by e.grantCode, e.payoutQuarter""", Object[].class)
                        .setParameter(1, municipality).setParameter(2, year).getResultList())
                .chain(rows -> ClaimDueEntity.<ClaimDueEntity>list("from ClaimDueEntity d where d.municipality = ?1 and d.budgetYear = ?2"
                        + OPEN + " order by d.personId, d.grantCode, d.payoutQuarter", municipality, year)
                        .chain(pending -> {
                            List<StatementLine> lines = rows.stream().map(r -> new StatementLine(
                                    GrantCodes.fromWire((String) r[0]), ((Number) r[1]).intValue(),
                                    ((Number) r[2]).intValue(), ((Number) r[3]).longValue())).toList();
                            long total = lines.stream().mapToLong(StatementLine::amountNok).sum();
                            LocalDate today = LocalDate.now(clock);
                            UUID statementId = UUID.randomUUID();
                            return outbox.append(new GrantStatementIssued(statementId, municipality, year, today, total, lines))
                                    .replaceWith(new Views.Statement(statementId, municipality, year, today, total, lines,
                                            pending.stream().map(LedgerQueryService::pending).toList()));
                        }));
    }

    /**
     * The person's basis and entries, or 404 when grant accounting has never heard of the person (no settlement, no
     * claim, no recorded exclusion).
     */
    @WithSession
    public Uni<Views.PersonClaims> personClaims(UUID personId) {
        return PersonBasisEntity.<PersonBasisEntity>findById(personId).chain(basis -> LedgerEntryEntity.<LedgerEntryEntity>list("personId = ?1 order by seq", personId)
                .chain(entries -> ClaimDueEntity.<ClaimDueEntity>list("from ClaimDueEntity d where d.personId = ?1" + OPEN
                        + " order by d.grantYear, d.grantCode, d.payoutQuarter", personId)
                        .chain(pending -> exclusions(personId).map(exclusions -> {
                            if (basis == null && entries.isEmpty() && pending.isEmpty() && exclusions.isEmpty()) {
                                throw new NotFoundProblem("person", personId);
                            }
                            Map<UUID, UUID> reversedBy = new HashMap<>();
                            entries.stream().filter(e -> e.reversedEntryId != null)
                                    .forEach(e -> reversedBy.put(e.reversedEntryId, e.id));
                            List<Views.Claim> claims = entries.stream().map(e -> new Views.Claim(e.id, e.kind,
                                    e.reversedEntryId, reversedBy.get(e.id), e.municipality, e.grantCode, e.grantYear,
                                    e.budgetYear, e.settlementYearIndex, e.payoutQuarter, e.amountNok,
                                    e.rateTableVersion, e.reversalReason, e.causingEventId, e.causingEventType,
                                    e.registeredOn)).toList();
                            long net = entries.stream().mapToLong(e -> e.amountNok).sum();
                            return new Views.PersonClaims(personId, basis == null ? null : basis.settlementMunicipality,
                                    basis == null ? null : basis.municipality, basis == null ? null : basis.settledOn,
                                    basis == null ? null : basis.inTargetGroup, basis == null ? null : basis.exclusionReason,
                                    net, claims, pending.stream().map(LedgerQueryService::pending).toList(), exclusions);
                        }))));
    }

    private Uni<List<Views.GrantExclusion>> exclusions(UUID personId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select scheme, reason, causing_event_type, cast(causing_event_id as text) from grant_exclusion
                        where person_id = cast(?1 as uuid) order by created_at, scheme""", Object[].class)
                .setParameter(1, personId).getResultList())
                .map(rows -> rows.stream().map(r -> new Views.GrantExclusion((String) r[0], (String) r[1], (String) r[2],
                        UUID.fromString((String) r[3]))).toList());
    }

    /** Municipalities whose figures show the person (for municipal-finance's own-municipality check). */
    @WithSession
    public Uni<List<String>> municipalitiesOf(UUID personId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                        select distinct e.municipality from LedgerEntryEntity e where e.personId = ?1
                        union select distinct d.municipality from ClaimDueEntity d where d.personId = ?1""", String.class)
                .setParameter(1, personId).getResultList())
                .chain(fromLedger -> PersonBasisEntity.<PersonBasisEntity>findById(personId).map(b -> {
                    List<String> all = new java.util.ArrayList<>(fromLedger);
                    if (b != null) {
                        all.add(b.municipality);
                        all.add(b.settlementMunicipality);
                    }
                    return all;
                }));
    }

    static Views.PendingClaim pending(ClaimDueEntity d) {
        return new Views.PendingClaim(d.personId, d.municipality, d.grantCode, d.grantYear, d.budgetYear, d.payoutQuarter,
                d.causingEventType, d.causingEventId,
                "no rate for " + d.grantCode + " in the rate table of budget year " + d.grantYear
                        + " (never taken from another year's table)");
    }
}
