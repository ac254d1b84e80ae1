package no.nystart.grants.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.grants.GrantStatementIssued;
import no.nystart.contracts.grants.StatementLine;
import no.nystart.grants.api.Views;
import no.nystart.grants.domain.GrantCodes;
import no.nystart.grants.persistence.ClaimDueEntity;
import no.nystart.grants.persistence.GrantStatementEntity;
import no.nystart.grants.persistence.LedgerEntryEntity;
import no.nystart.grants.persistence.PersonBasisEntity;
import no.nystart.platform.outbox.Outbox;
import no.nystart.platform.persistence.TransactionLock;
import no.nystart.platform.problem.NotFoundProblem;

/** Statements per municipality and budget year, and a person's claims with the events behind them. */
@ApplicationScoped
public class LedgerQueryService {
    /** A claim due is open until it is registered, which happens in the live segment (migration V5). */
    private static final String OPEN = " and not exists (select 1 from LedgerEntryEntity e where e.segment = 'live' and e.dueId = d.id)";

    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;

    public LedgerQueryService(Outbox outbox, Clock clock, ObjectMapper json) {
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    /**
     * The current totals of a budget year per grant code and payout term (docs/domain/grants.md#5a), claims minus reversals, and
     * the claims still waiting for a rate. A pure read: nothing is issued or published (issue 15); the view has no
     * statement id and no issue date. {@link #issue} issues a statement.
     */
    @WithSession
    public Uni<Views.Statement> statement(String municipality, int year) {
        return lines(municipality, year, 4).chain(lines -> pending(municipality, year, 4).map(pending -> new Views.Statement(
                null, municipality, year, null, null, lines.stream().mapToLong(StatementLine::amountNok).sum(), lines, pending)));
    }

    /** A statement as issued, or 404. */
    @WithSession
    public Uni<Views.Statement> issued(String municipality, int year, int payoutQuarter) {
        return GrantStatementEntity.<GrantStatementEntity>find("municipality = ?1 and budgetYear = ?2 and payoutQuarter = ?3",
                        municipality, year, payoutQuarter).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundProblem("statement", municipality + "/" + year + "/Q" + payoutQuarter))
                .chain(stored -> pending(municipality, year, payoutQuarter).map(pending -> view(stored, pending)));
    }

    /** A statement and whether this call issued it (false: the period's statement existed already). */
    public record Issue(Views.Statement statement, boolean issued) {
    }

    /**
     * Issues the statement of a municipality for payout term {@code payoutQuarter} of budget year {@code year}: the
     * net totals per grant code of the terms 1 to {@code payoutQuarter} of the year as the ledger holds them now →
     * one {@code GrantStatementIssued}. Once per period: a second call for the same municipality, year and term
     * answers with the statement already issued and publishes nothing. Concurrent calls for one period wait for each
     * other on a transaction lock and the table's unique key ({@code grant_statement_period}) holds the same rule in
     * the database, so a race cannot issue two.
     */
    @WithTransaction
    public Uni<Issue> issue(String municipality, int year, int payoutQuarter, String user) {
        return TransactionLock.on("grants.statement", municipality + "/" + year + "/" + payoutQuarter)
                .chain(() -> GrantStatementEntity.<GrantStatementEntity>find(
                        "municipality = ?1 and budgetYear = ?2 and payoutQuarter = ?3", municipality, year, payoutQuarter)
                        .<GrantStatementEntity>firstResult())
                .chain((GrantStatementEntity existing) -> {
                    if (existing != null) {
                        return pending(municipality, year, payoutQuarter).map(p -> new Issue(view(existing, p), false));
                    }
                    return lines(municipality, year, payoutQuarter).chain(lines -> {
                        GrantStatementEntity stored = new GrantStatementEntity();
                        stored.statementId = UUID.randomUUID();
                        stored.municipality = municipality;
                        stored.budgetYear = year;
                        stored.payoutQuarter = payoutQuarter;
                        stored.issuedOn = LocalDate.now(clock);
                        stored.totalAmountNok = lines.stream().mapToLong(StatementLine::amountNok).sum();
                        stored.lines = writeLines(lines);
                        stored.issuedBy = user;
                        stored.createdAt = OffsetDateTime.now(clock);
                        return stored.persist()
                                .chain(() -> outbox.append(new GrantStatementIssued(stored.statementId, municipality, year,
                                        stored.issuedOn, stored.totalAmountNok, lines)))
                                .chain(() -> pending(municipality, year, payoutQuarter))
                                .map(p -> new Issue(view(stored, p), true));
                    });
                });
    }

    private Uni<List<StatementLine>> lines(String municipality, int year, int lastQuarter) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("""
                        select e.grantCode, e.payoutQuarter, count(e), sum(e.amountNok) from LedgerEntryEntity e
                        where e.municipality = ?1 and e.budgetYear = ?2 and e.payoutQuarter <= ?3
                        group by e.grantCode, e.payoutQuarter order by e.grantCode, e.payoutQuarter""", Object[].class)
                        .setParameter(1, municipality).setParameter(2, year).setParameter(3, lastQuarter).getResultList())
                .map(rows -> rows.stream().map(r -> new StatementLine(GrantCodes.fromWire((String) r[0]),
                        ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), ((Number) r[3]).longValue())).toList());
    }

    private Uni<List<Views.PendingClaim>> pending(String municipality, int year, int lastQuarter) {
        return ClaimDueEntity.<ClaimDueEntity>list("from ClaimDueEntity d where d.municipality = ?1 and d.budgetYear = ?2"
                        + " and d.payoutQuarter <= ?3" + OPEN + " order by d.personId, d.grantCode, d.payoutQuarter",
                        municipality, year, lastQuarter)
                .map(list -> list.stream().map(LedgerQueryService::pending).toList());
    }

    private Views.Statement view(GrantStatementEntity s, List<Views.PendingClaim> pending) {
        return new Views.Statement(s.statementId, s.municipality, s.budgetYear, s.payoutQuarter, s.issuedOn, s.totalAmountNok,
                readLines(s.lines), pending);
    }

    private String writeLines(List<StatementLine> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statement lines not written", e);
        }
    }

    private List<StatementLine> readLines(String text) {
        try {
            return json.readValue(text, new TypeReference<List<StatementLine>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statement lines not read", e);
        }
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
