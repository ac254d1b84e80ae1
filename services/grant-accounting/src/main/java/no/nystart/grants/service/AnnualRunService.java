package no.nystart.grants.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.grants.GrantClaimRegistered;
import no.nystart.grants.api.Views;
import no.nystart.grants.domain.GrantRules;
import no.nystart.grants.persistence.LedgerSql;
import no.nystart.platform.outbox.Outbox;

/**
 * The annual run of a budget year (docs/domain/grants.md#5b: years 2-5 paid quarterly; 5d: EM grant up to the year the person
 * turns 20): set-based SQL in one transaction, serialised per year by an advisory lock (ADR 0006).
 *
 * <ol>
 *   <li>Claims whose code has no rate in the year's current table wait as claims due (pending, visible).</li>
 *   <li>The others become ledger entries in a segment of their own: a new table filled by one {@code INSERT … SELECT},
 *       indexed when full and attached to the partitioned ledger; their {@code GrantClaimRegistered} events go
 *       through the outbox as one bulk row ({@link Outbox#appendBulk}) read from that segment.</li>
 *   <li>Any claim due of the year that has a rate by now is registered as usual.</li>
 *   <li>The recorded moves of the year are applied to the persons who moved (docs/domain/grants.md#5b; one indexed query when
 *       nobody did).</li>
 * </ol>
 * Idempotent: a later run of the same year leaves out everything an earlier one claimed, so a second run registers
 * nothing (and writes no segment). Resumable: a crash rolls the whole run back, segment table included; running it
 * again does the whole run.
 */
@ApplicationScoped
public class AnnualRunService {
    private final LedgerSql ledger;
    private final GrantRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final ClaimService claims;

    public AnnualRunService(LedgerSql ledger, GrantRules rules, Outbox outbox, Clock clock, ClaimService claims) {
        this.ledger = ledger;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.claims = claims;
    }

    @WithTransaction
    public Uni<Views.AnnualRun> run(int year, String by) {
        UUID runId = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        return ledger.lock(RateTableService.LOCK_BASE + year)
                .chain(() -> ledger.query(LedgerSql.EARLIER_RUNS, year))
                .chain(rows -> {
                    LedgerSql.EarlierRuns exclude = LedgerSql.earlierRuns(rows.get(0)[0], rows.get(0)[1]);
                    String segment = exclude.nextSegment(year);
                    return codesWithRate(year).chain(withRate -> {
                        List<String> withoutRate = LedgerSql.RUN_CODES.stream().filter(c -> !withRate.contains(c)).toList();
                        Uni<Integer> pending = withoutRate.isEmpty() ? Uni.createFrom().item(0)
                                : ledger.update(LedgerSql.runPendingDue(withoutRate, exclude), year, runId,
                                        rules.emChildBandUpToYearAge(), rules.emUpToYearAge());
                        return pending.chain(due -> writeSegment(year, runId, segment, exclude, today)
                                .chain(entries -> ledger.registerForYear(year)
                                        .call(() -> claims.applyRelocations(year)) // docs/domain/grants.md#5b: a move of this year
                                        .chain(registered -> ledger.pendingForYear(year)
                                                .chain(waiting -> record(runId, year, by, due + entries / 4, entries + registered,
                                                        waiting, entries == 0 ? null : segment)))));
                    });
                });
    }

    private Uni<List<String>> codesWithRate(int year) {
        return ledger.query("select r.grant_code, 1 from rate_table t join rate_table_entry r on r.rate_table_id = t.id "
                        + "where t.year = cast(?1 as integer) and t.current", year)
                .map(rows -> rows.stream().map(r -> (String) r[0]).toList());
    }

    /** Creates and fills the run's segment; attaches it and appends its events when it has entries, else drops it. */
    private Uni<Integer> writeSegment(int year, UUID runId, String segment, LedgerSql.EarlierRuns exclude, LocalDate today) {
        String table = LedgerSql.segmentTable(segment);
        return sequence(LedgerSql.createSegment(table, segment))
                .chain(() -> ledger.update(LedgerSql.runEntries(table, exclude), year, runId, rules.emChildBandUpToYearAge(),
                        rules.emUpToYearAge(), segment, today))
                .chain(entries -> {
                    if (entries == 0) {
                        return ledger.update("drop table " + table).replaceWith(0);
                    }
                    return sequence(LedgerSql.attachSegment(table, segment))
                            .chain(() -> outbox.appendBulk(GrantClaimRegistered.class, "grant_run_events", table))
                            .replaceWith(entries);
                });
    }

    private Uni<Void> sequence(List<String> statements) {
        List<String> copy = new ArrayList<>(statements);
        return Multi.createFrom().iterable(copy).onItem().transformToUniAndConcatenate(sql -> ledger.update(sql))
                .collect().last().replaceWithVoid();
    }

    private Uni<Views.AnnualRun> record(UUID runId, int year, String by, long due, long registered, long pending,
            String segment) {
        return ledger.update("insert into annual_run (id, year, started_by, claims_due, registered, pending, segment) "
                        + "values (cast(?1 as uuid), cast(?2 as integer), cast(?3 as text), cast(?4 as bigint), "
                        + "cast(?5 as bigint), cast(?6 as bigint), cast(nullif(?7, '') as text))",
                runId, year, by, due, registered, pending, segment == null ? "" : segment)
                .replaceWith(new Views.AnnualRun(runId, year, due, registered, pending));
    }
}
