package no.nystart.grants.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import org.hibernate.reactive.mutiny.Mutiny;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import no.nystart.grants.api.RateLine;
import no.nystart.grants.api.Views;
import no.nystart.grants.domain.GrantCodes;
import no.nystart.grants.persistence.LedgerEntryEntity;
import no.nystart.grants.persistence.LedgerSql;
import no.nystart.grants.persistence.RateTableEntity;
import no.nystart.grants.persistence.RateTableEntryEntity;
import no.nystart.platform.problem.NotFoundProblem;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;

/**
 * Rate tables per budget year, as data. A version no ledger entry uses yet may be replaced; a used version is never
 * changed: the PUT creates the next version, which supersedes it (the old one stays, with its rates, in the history).
 */
@ApplicationScoped
public class RateTableService {
    /** Advisory-lock namespace of rate-table writes and annual runs of one year. */
    static final long LOCK_BASE = 0x4752_414E_0000_0000L;

    private final LedgerSql ledger;
    private final ClaimService claims;

    public RateTableService(LedgerSql ledger, ClaimService claims) {
        this.ledger = ledger;
        this.claims = claims;
    }

    static void checkDistinctCodes(List<RateLine> rates) {
        Set<Object> seen = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            if (!seen.add(rates.get(i).grantCode())) {
                violations.add(new Violation("rates[" + i + "].grantCode", "rate-table.one-rate-per-code",
                        "grant code " + GrantCodes.wire(rates.get(i).grantCode()) + " appears more than once"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    @WithTransaction
    public Uni<Views.RateTable> put(int year, List<RateLine> rates, String by) {
        checkDistinctCodes(rates);
        return ledger.lock(LOCK_BASE + year)
                .chain(() -> RateTableEntity.<RateTableEntity>find("year = ?1 and current = true", year).<RateTableEntity>firstResult())
                .chain((RateTableEntity current) -> {
                    if (current == null) {
                        return newVersion(year, 1, rates, by);
                    }
                    return LedgerEntryEntity.count("rateTableId", current.id).chain(used -> {
                        if (used > 0) {
                            return ledger.update("update rate_table set current = false, superseded_at = now() where id = cast(?1 as uuid)",
                                    current.id).chain(() -> newVersion(year, current.version + 1, rates, by));
                        }
                        return ledger.update("delete from rate_table_entry where rate_table_id = cast(?1 as uuid)", current.id)
                                .chain(() -> insertRates(current.id, rates));
                    });
                })
                .chain(() -> ledger.registerForYear(year))
                .call(() -> claims.applyRelocations(year)) // docs/domain/grants.md#5b: claims of a moving year registered now
                .chain(registered -> view(year, registered));
    }

    private Uni<Void> newVersion(int year, int version, List<RateLine> rates, String by) {
        UUID id = UUID.randomUUID();
        return ledger.update("insert into rate_table (id, year, version, current, created_by) values "
                        + "(cast(?1 as uuid), cast(?2 as integer), cast(?3 as integer), true, cast(?4 as text))", id, year, version, by)
                .chain(() -> insertRates(id, rates));
    }

    private Uni<Void> insertRates(UUID tableId, List<RateLine> rates) {
        List<Supplier<Uni<Integer>>> steps = new ArrayList<>();
        for (RateLine r : rates) {
            steps.add(() -> ledger.update("insert into rate_table_entry (rate_table_id, grant_code, amount_nok, source, verified) "
                            + "values (cast(?1 as uuid), cast(?2 as text), cast(?3 as bigint), cast(?4 as text), cast(?5 as boolean))",
                    tableId, GrantCodes.wire(r.grantCode()), r.amountNok().longValueExact(), r.source().trim(), r.verified()));
        }
        return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(Supplier::get)
                .collect().last().replaceWithVoid();
    }

    @WithSession
    public Uni<Views.RateTable> get(int year) {
        return view(year, null);
    }

    private Uni<Views.RateTable> view(int year, Integer registered) {
        // the native writes above bypass the persistence context: read the rows afresh
        return Panache.getSession().invoke(Mutiny.Session::clear)
                .chain(() -> RateTableEntity.<RateTableEntity>list("year = ?1 order by version desc", year)).chain(versions -> {
            if (versions.isEmpty()) {
                throw new NotFoundProblem("rate table of budget year", year);
            }
            RateTableEntity current = versions.get(0);
            Uni<List<Views.RateTableVersion>> history = Multi.createFrom().iterable(versions)
                    .onItem().transformToUniAndConcatenate(v -> LedgerEntryEntity.count("rateTableId", v.id)
                            .map(n -> new Views.RateTableVersion(v.label(), v.current, v.createdBy, v.createdAt, v.supersededAt, n)))
                    .collect().asList();
            return history.chain(h -> RateTableEntryEntity.<RateTableEntryEntity>list("rateTableId = ?1 order by grantCode", current.id)
                    .map(rates -> new Views.RateTable(year, current.label(),
                            h.stream().anyMatch(v -> v.version().equals(current.label()) && v.ledgerEntries() > 0),
                            rates.stream().map(r -> new Views.Rate(r.grantCode, r.amountNok, r.source, r.verified)).toList(),
                            h, registered)));
        });
    }
}
