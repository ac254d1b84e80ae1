package no.nystart.grants.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import no.nystart.grants.api.Views;
import no.nystart.grants.domain.GrantRules;
import no.nystart.grants.persistence.LedgerSql;

/**
 * The annual run of a budget year (DOMAIN.md 5b: years 2-5 paid quarterly; 5d: EM grant up to the year the person
 * turns 20): set-based SQL in one transaction. Idempotent (claim keys: a second run registers nothing), resumable
 * (a crash rolls the run back; running it again does the whole run), serialised per year by an advisory lock.
 * It also registers any claim of the year still waiting for a rate.
 */
@ApplicationScoped
public class AnnualRunService {
    private final LedgerSql ledger;
    private final GrantRules rules;

    public AnnualRunService(LedgerSql ledger, GrantRules rules) {
        this.ledger = ledger;
        this.rules = rules;
    }

    @WithTransaction
    public Uni<Views.AnnualRun> run(int year, String by) {
        UUID runId = UUID.randomUUID();
        return ledger.lock(RateTableService.LOCK_BASE + year)
                .chain(() -> ledger.annualDue(year, runId, rules))
                .chain(due -> ledger.registerForYear(year)
                        .chain(registered -> ledger.pendingForYear(year)
                                .chain(pending -> ledger.update("insert into annual_run (id, year, started_by, claims_due, registered, pending) "
                                                + "values (cast(?1 as uuid), cast(?2 as integer), cast(?3 as text), cast(?4 as bigint), "
                                                + "cast(?5 as bigint), cast(?6 as bigint))", runId, year, by, (long) due,
                                        (long) registered, pending)
                                        .replaceWith(new Views.AnnualRun(runId, year, due, registered, pending)))));
    }
}
