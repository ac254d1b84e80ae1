package no.nystart.grants.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.grants.GrantClaimRegistered;
import no.nystart.grants.domain.GrantRules;

/**
 * The set-based writes of the ledger, in the caller's open transaction. Claims due become ledger entries with one
 * {@code INSERT … SELECT} per batch, and their {@code GrantClaimRegistered} events go into the platform's outbox table
 * in the SAME statement (a data-modifying CTE), with exactly the JSON {@code EventJson} writes for the record
 * (names, ISO dates, null components omitted) - not one ORM round trip per person.
 */
@ApplicationScoped
public class LedgerSql {
    private static final EventType REGISTERED = NyStartEvent.typeOf(GrantClaimRegistered.class);

    /**
     * Joins open claims with the CURRENT rate table of their own grant year; no rate, no entry (pending). A claim of
     * part 0 stands for all its parts (the annual run's four quarters: part k in quarter k), any other for that part
     * alone; each part becomes one entry, the first {@code rate % parts} parts one krone more, so the parts sum to the
     * rate exactly. The open claims are sorted (per person) before the first entry is written, so the check for existing
     * entries never reads the rows this statement is writing.
     */
    static final String REGISTER = """
            with due as (
                select d.id, k.part, d.person_id, d.municipality, d.grant_code, d.grant_year, d.budget_year,
                       d.settlement_year_index,
                       case when d.part = 0 then k.part else d.payout_quarter end as payout_quarter,
                       d.parts, d.causing_event_id, d.causing_event_type, d.rate_table_id, d.rate_table_version, d.rate
                from (
                    -- the open claims with a rate, read completely (the sort) before the first entry is written
                    select d.id, d.part, d.person_id, d.municipality, d.grant_code, d.grant_year, d.budget_year,
                           d.settlement_year_index, d.payout_quarter, d.parts, d.causing_event_id, d.causing_event_type,
                           t.id as rate_table_id, cast(t.year as text) || '-' || cast(t.version as text) as rate_table_version,
                           r.amount_nok as rate
                    from claim_due d
                    join rate_table t on t.year = d.grant_year and t.current
                    join rate_table_entry r on r.rate_table_id = t.id and r.grant_code = d.grant_code
                    where %s
                      and not exists (select 1 from ledger_entry e where e.segment = 'live' and e.due_id = d.id)
                    order by d.person_id, d.grant_code, d.grant_year
                ) d
                cross join lateral generate_series(case when d.part = 0 then 1 else d.part end,
                                                   case when d.part = 0 then d.parts else d.part end) k(part)
            ), ins as (
                -- claims due are registered in the live segment, whose unique (due_id, due_part) is the arbiter
                insert into ledger_entry_live (id, kind, due_id, due_part, person_id, municipality, grant_code, grant_year,
                    budget_year, settlement_year_index, payout_quarter, amount_nok, rate_table_id, rate_table_version,
                    causing_event_id, causing_event_type, registered_on)
                select gen_random_uuid(), 'CLAIM', id, part, person_id, municipality, grant_code, grant_year, budget_year,
                    settlement_year_index, payout_quarter,
                    rate / parts + case when part <= rate %% parts then 1 else 0 end,
                    rate_table_id, rate_table_version, causing_event_id, causing_event_type, cast(?6 as date)
                from due
                on conflict (due_id, due_part) where due_id is not null do nothing
                returning id, person_id, municipality, grant_code, budget_year, settlement_year_index,
                    payout_quarter, amount_nok, rate_table_version, causing_event_id, registered_on
            )
            insert into nystart_outbox (event_id, topic, record_key, ce_type, ce_source, ce_subject, ce_time,
                ce_dataschema, payload)
            select gen_random_uuid(), cast(?1 as text), cast(person_id as text), cast(?2 as text), cast(?3 as text),
                cast(person_id as text), cast(?5 as timestamptz), cast(?4 as text),
                -- the JSON EventJson writes for the record (migration V5)
                grant_claim_registered_json(id, person_id, municipality, grant_code, budget_year, settlement_year_index,
                    payout_quarter, amount_nok, rate_table_version, causing_event_id, registered_on)
            from ins
            """;

    /** The grant codes an annual run can claim (docs/domain/grants.md#5b AR-2..AR-5, 5d EMINB/EMINU); safe to write into SQL. */
    public static final List<String> RUN_CODES = List.of("AR-2", "AR-3", "AR-4", "AR-5", "EMINB", "EMINU");

    /**
     * The annual run's claims of year ?1 (docs/domain/grants.md#5b years 2-5; 5d EM grant up to and including the year the person
     * turns ?4, the child band up to ?3), for everyone in the target group, to the municipality of residence: one row per
     * person and code, with the year index. {@code %s}: the filter that leaves out what an earlier run of the same year
     * already claimed (empty for the year's first run).
     */
    private static final String RUN_CLAIMS = """
            select p.person_id, p.municipality, c.code, cast(?1 as integer) - p.settlement_year + 1 as year_index
            from person_basis p
            cross join lateral (
                select 'AR-' || cast(cast(?1 as integer) - p.settlement_year + 1 as text) as code
                where cast(?1 as integer) - p.settlement_year between 1 and 4
                union all
                select case when cast(?1 as integer) - p.birth_year <= cast(?3 as integer) then 'EMINB' else 'EMINU' end
                where p.unaccompanied_minor and cast(?1 as integer) - p.birth_year <= cast(?4 as integer)
            ) c
            where p.in_target_group
              and p.settlement_year < cast(?1 as integer)
              and p.settlement_year >= cast(?1 as integer) - 25
            %s""";

    /** What an earlier run of the year left waiting for a rate (its claims due). */
    private static final String NOT_PENDING_FROM_EARLIER_RUN = """
              and not exists (select 1 from claim_due d where d.grant_year = cast(?1 as integer)
                              and d.causing_event_type = 'AnnualRun' and d.person_id = p.person_id and d.grant_code = c.code)""";

    /** What an earlier run of the year registered: entries in its segments ({@code %s}). */
    private static final String NOT_IN_EARLIER_SEGMENTS = """
              and not exists (select 1 from ledger_entry e where e.segment in (%s) and e.person_id = p.person_id
                              and e.grant_code = c.code and e.grant_year = cast(?1 as integer))""";

    /**
     * The run's claims whose code has no rate in the year's current table (codes in {@code %s}) wait as claims due, one
     * per claim of four parts (part 0), registered by {@link #REGISTER} when a table arrives; {@code claim_key} keeps
     * them once. Parameters: ?1 year, ?2 run id, ?3 and ?4 the EM ages.
     */
    public static String runPendingDue(List<String> codesWithoutRate, EarlierRuns earlier) {
        return """
                insert into claim_due (id, claim_key, person_id, municipality, grant_code, grant_year, settlement_year_index,
                    budget_year, payout_quarter, part, parts, causing_event_id, causing_event_type)
                select gen_random_uuid(), 'run:' || cast(c.person_id as text) || ':' || c.code || ':' || cast(cast(?1 as integer) as text),
                    c.person_id, c.municipality, c.code, cast(?1 as integer), c.year_index, cast(?1 as integer), 1, 0, 4,
                    cast(?2 as uuid), 'AnnualRun'
                from (%s) c
                where c.code in (%s)
                on conflict (claim_key) do nothing
                """.formatted(runClaims(earlier), literals(codesWithoutRate));
    }

    /**
     * The run's entries, written into the new segment table {@code table} (no index yet): every claim whose code has a
     * rate in the year's current table, in four quarterly parts (part k paid in quarter k of the year; the first
     * {@code rate % 4} parts one krone more, so the parts sum to the rate exactly). Parameters: ?1 year, ?2 run id,
     * ?3 and ?4 the EM ages, ?5 the segment, ?6 the registration date.
     */
    public static String runEntries(String table, EarlierRuns earlier) {
        return """
                insert into %s (segment, id, kind, person_id, municipality, grant_code, grant_year, budget_year,
                    settlement_year_index, payout_quarter, amount_nok, rate_table_id, rate_table_version, causing_event_id,
                    causing_event_type, registered_on)
                select cast(?5 as text), gen_random_uuid(), 'CLAIM', c.person_id, c.municipality, c.code, cast(?1 as integer),
                    cast(?1 as integer), c.year_index, k.q, r.amount_nok / 4 + case when k.q <= r.amount_nok %% 4 then 1 else 0 end,
                    t.id, cast(t.year as text) || '-' || cast(t.version as text), cast(?2 as uuid), 'AnnualRun', cast(?6 as date)
                from (%s) c
                join rate_table t on t.year = cast(?1 as integer) and t.current
                join rate_table_entry r on r.rate_table_id = t.id and r.grant_code = c.code
                cross join generate_series(1, 4) k(q)
                """.formatted(table, runClaims(earlier));
    }

    /** Creates the empty segment table of a run: the ledger's columns, defaults and checks, and its own segment check. */
    public static List<String> createSegment(String table, String segment) {
        return List.of(
                "create table %s (like ledger_entry including defaults including constraints)".formatted(table),
                "alter table %s add constraint %s_segment check (segment = %s)".formatted(table, table, literal(segment)));
    }

    /**
     * Indexes the filled segment table (built at once from the full table, far cheaper than entry by entry; equal to
     * the ledger's partitioned indexes, so the attach adopts them), makes it append-only and attaches it.
     */
    public static List<String> attachSegment(String table, String segment) {
        return List.of(
                "create index %s_person on %s (person_id)".formatted(table, table),
                "create index %s_statement on %s (municipality, budget_year)".formatted(table, table),
                "create index %s_rate_table on %s (rate_table_id)".formatted(table, table),
                "create index %s_reversed on %s (reversed_entry_id) where reversed_entry_id is not null".formatted(table, table),
                // the position of grant_run_events
                "create index %s_seq on %s (seq)".formatted(table, table),
                "create trigger %s_no_truncate before truncate on %s for each statement execute function ledger_entry_append_only()"
                        .formatted(table, table),
                "alter table ledger_entry attach partition %s for values in (%s)".formatted(table, literal(segment)));
    }

    /** The segment of the {@code n}th run of a year that wrote entries, and its table. */
    public static String segment(int year, int n) {
        return "run-" + year + "-" + n;
    }

    public static String segmentTable(String segment) {
        if (!segment.matches("run-\\d{4}-\\d{1,6}")) {
            throw new IllegalArgumentException("not a run segment: " + segment);
        }
        return "ledger_" + segment.replace('-', '_');
    }

    /**
     * The run's claims, leaving out what earlier runs of the year claimed: nothing to leave out for the year's first
     * run, their pending claims after any earlier run, and the entries of their segments where they wrote some.
     */
    private static String runClaims(EarlierRuns earlier) {
        return RUN_CLAIMS.formatted((earlier.runs() == 0 ? "" : NOT_PENDING_FROM_EARLIER_RUN)
                + (earlier.segments().isEmpty() ? "" : NOT_IN_EARLIER_SEGMENTS.formatted(literals(earlier.segments()))));
    }

    /** The earlier runs of a year: how many, and the segments those that registered entries wrote. */
    public record EarlierRuns(long runs, List<String> segments) {
        public EarlierRuns {
            segments = List.copyOf(segments);
        }

        /** The segment the next run writes. */
        public String nextSegment(int year) {
            return segment(year, segments.size() + 1);
        }
    }

    /** Reads {@link EarlierRuns} of a year (under the year's lock): count and segments of the annual_run rows. */
    public static final String EARLIER_RUNS =
            "select count(*), coalesce(string_agg(segment, ',' order by segment), '') from annual_run where year = cast(?1 as integer)";

    public static EarlierRuns earlierRuns(Object count, Object segments) {
        String list = (String) segments;
        return new EarlierRuns(((Number) count).longValue(), list.isEmpty() ? List.of() : List.of(list.split(",")));
    }

    /** SQL string literals of values NyStart itself made (codes from {@link #RUN_CODES}, segment names). */
    private static String literals(List<String> values) {
        return String.join(", ", values.stream().map(LedgerSql::literal).toList());
    }

    private static String literal(String value) {
        if (!value.matches("[A-Za-z0-9 _-]+")) {
            throw new IllegalArgumentException("not a safe literal: " + value);
        }
        return "'" + value + "'";
    }

    /**
     * The claims of a grant year still waiting after {@link #REGISTER} ran for that year under the year's lock: those
     * whose code has no rate in the year's current table (a hash anti-join on the small rate table instead of one
     * ledger probe per claim).
     */
    static final String PENDING_FOR_YEAR = """
            select count(*), cast(?1 as integer) from claim_due d
            where d.grant_year = cast(?1 as integer)
              and not exists (select 1 from rate_table t join rate_table_entry r on r.rate_table_id = t.id
                              where t.year = d.grant_year and t.current and r.grant_code = d.grant_code)
            """;

    /**
     * Every recorded move of a year, by person and date (ClaimService.applyRelocations; one range of relocation_year,
     * empty when nobody moved): from, to, date, event id, person.
     */
    public static final String MOVES_OF_YEAR = """
            select from_municipality, to_municipality, cast(moved_on as text), cast(event_id as text), cast(person_id as text)
            from relocation where moved_year = cast(?1 as integer) order by person_id, moved_on, seq""";

    /** The recorded moves of one person in a year, by date, in the columns of {@link #MOVES_OF_YEAR}. */
    public static final String MOVES_OF_PERSON = """
            select from_municipality, to_municipality, cast(moved_on as text), cast(event_id as text), cast(person_id as text)
            from relocation where person_id = cast(?1 as uuid) and moved_year = cast(?2 as integer) order by moved_on, seq""";

    static final String INSERT_DUE = """
            insert into claim_due (id, claim_key, person_id, municipality, grant_code, grant_year, settlement_year_index,
                budget_year, payout_quarter, part, parts, causing_event_id, causing_event_type)
            values (gen_random_uuid(), cast(?1 as text), cast(?2 as uuid), cast(?3 as text), cast(?4 as text),
                cast(?5 as integer), nullif(cast(?6 as integer), 0), cast(?7 as integer), cast(?8 as integer),
                cast(?9 as integer), cast(?10 as integer), cast(?11 as uuid), cast(?12 as text))
            on conflict (claim_key) do nothing
            """;

    static final String INSERT_ENTRY = """
            insert into ledger_entry (id, kind, reversed_entry_id, person_id, municipality, grant_code, grant_year,
                budget_year, settlement_year_index, payout_quarter, amount_nok, rate_table_id, rate_table_version,
                reversal_reason, causing_event_id, causing_event_type, registered_on)
            values (cast(?1 as uuid), cast(?2 as text), cast(nullif(?3, '') as uuid), cast(?4 as uuid), cast(?5 as text),
                cast(?6 as text), cast(?7 as integer), cast(?8 as integer), nullif(cast(?9 as integer), 0),
                cast(?10 as integer), cast(?11 as bigint), cast(?12 as uuid), cast(?13 as text),
                nullif(cast(?14 as text), ''), cast(?15 as uuid), cast(?16 as text), cast(?17 as date))
            """;

    private final Clock clock;

    public LedgerSql(Clock clock) {
        this.clock = clock;
    }

    /** A claim due, idempotent by its key; emits 1 when inserted, 0 when the key existed. */
    public Uni<Integer> insertDue(String claimKey, UUID personId, String municipality, String grantCode, int grantYear,
            Integer settlementYearIndex, int budgetYear, int payoutQuarter, int part, int parts, UUID causingEventId,
            String causingEventType) {
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT_DUE)
                .setParameter(1, claimKey).setParameter(2, personId).setParameter(3, municipality)
                .setParameter(4, grantCode).setParameter(5, grantYear)
                .setParameter(6, settlementYearIndex == null ? 0 : settlementYearIndex)
                .setParameter(7, budgetYear).setParameter(8, payoutQuarter).setParameter(9, part)
                .setParameter(10, parts).setParameter(11, causingEventId).setParameter(12, causingEventType)
                .executeUpdate());
    }

    /** Registers every open claim of the person that has a rate; emits the number of entries written. */
    public Uni<Integer> registerForPerson(UUID personId) {
        return register("d.person_id = cast(?7 as uuid)", personId);
    }

    /** Registers every open claim of a grant year that has a rate; emits the number of entries written. */
    public Uni<Integer> registerForYear(int grantYear) {
        return register("d.grant_year = cast(?7 as integer)", grantYear);
    }

    private Uni<Integer> register(String filter, Object value) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession().chain(s -> s.createNativeQuery(REGISTER.formatted(filter))
                .setParameter(1, REGISTERED.topic())
                .setParameter(2, EventType.Attributes.ceType(REGISTERED))
                .setParameter(3, EventType.Attributes.source(REGISTERED))
                .setParameter(4, EventType.Attributes.dataSchema(REGISTERED))
                .setParameter(5, now)
                .setParameter(6, LocalDate.now(clock))
                .setParameter(7, value)
                .executeUpdate());
    }

    /** How many claims of {@code grantYear} wait for a rate, right after {@link #registerForYear(int)} under the lock. */
    public Uni<Long> pendingForYear(int grantYear) {
        return query(PENDING_FOR_YEAR, grantYear).map(rows -> ((Number) rows.get(0)[0]).longValue());
    }

    /** Appends one ledger entry (a claim with a known amount, or a reversal). */
    public Uni<Integer> insertEntry(UUID id, String kind, UUID reversedEntryId, UUID personId, String municipality,
            String grantCode, int grantYear, int budgetYear, Integer settlementYearIndex, int payoutQuarter,
            long amountNok, UUID rateTableId, String rateTableVersion, String reversalReason, UUID causingEventId,
            String causingEventType, LocalDate registeredOn) {
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT_ENTRY)
                .setParameter(1, id).setParameter(2, kind)
                .setParameter(3, reversedEntryId == null ? "" : reversedEntryId.toString())
                .setParameter(4, personId).setParameter(5, municipality).setParameter(6, grantCode)
                .setParameter(7, grantYear).setParameter(8, budgetYear)
                .setParameter(9, settlementYearIndex == null ? 0 : settlementYearIndex)
                .setParameter(10, payoutQuarter).setParameter(11, amountNok).setParameter(12, rateTableId)
                .setParameter(13, rateTableVersion).setParameter(14, reversalReason == null ? "" : reversalReason)
                .setParameter(15, causingEventId).setParameter(16, causingEventType).setParameter(17, registeredOn)
                .executeUpdate());
    }

    /** Runs one SQL statement that changes rows (person basis, rate tables); emits the row count. */
    public Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        });
    }

    /**
     * Runs one native select; every row is an {@code Object[]} (cast dates and uuids to text in the SQL, numbers
     * arrive as {@link Number}).
     */
    public Uni<java.util.List<Object[]>> query(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList();
        });
    }

    /** Serialises work on one key inside the current transaction (pg_advisory_xact_lock). */
    public Uni<Void> lock(long key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(cast(?1 as bigint))) l")
                .setParameter(1, key).getSingleResult()).replaceWithVoid();
    }
}
