package no.nystart.grants.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.grants.GrantClaimRegistered;
import no.nystart.grants.domain.GrantRules;
import no.nystart.platform.outbox.Outbox;
import org.flywaydb.core.Flyway;

/**
 * The annual-run benchmark of issue 8 (docs/benchmarks.md, "grant-accounting: annual run"). Not a test: a main,
 * rerunnable, never run by surefire, no timed assertion anywhere.
 *
 * <p>It starts an embedded PostgreSQL (the zonky binaries platform-testing uses, with its settings fsync=off,
 * synchronous_commit=off) or uses {@code NYSTART_PG_URL}, migrates a fresh database with the service's own Flyway
 * migrations, generates N synthetic persons (default 1,000,000) settled evenly over the five years before the run
 * year with set-based SQL, then times, in the same run and on the same server:
 * <ol>
 *   <li>the annual run exactly as {@code AnnualRunService} does it: advisory lock, the run's segment
 *       ({@link LedgerSql#createSegment}, {@link LedgerSql#runEntries}, {@link LedgerSql#attachSegment}), the bulk
 *       outbox row, {@link LedgerSql#REGISTER} for the year's claims due, the pending count and the {@code annual_run}
 *       row, in one transaction, with the same SQL text and parameters;</li>
 *   <li>a second run of the same year (idempotence: nothing new);</li>
 *   <li>reading the run's events through {@code grant_run_events} in the relay's chunks (the database side of
 *       publishing them; Kafka is not part of this benchmark);</li>
 *   <li>a bare {@code INSERT … SELECT} writing the same number of rows as the run wrote (all tables) into a plain
 *       table shaped like {@code ledger_entry} without indexes or constraints.</li>
 * </ol>
 * Usage: see docs/benchmarks.md.
 */
public final class AnnualRunBenchmark {
    private static final Pattern ORDINAL = Pattern.compile("\\?(\\d+)");
    private static final int YEAR = 2031;
    /** BENCH_EXPLAIN=1 prints the plans (explain analyze) of the run's two statements instead of plain execution. */
    private static final String EXPLAIN = "1".equals(System.getenv("BENCH_EXPLAIN")) ? "explain (analyze, buffers) " : "";

    private AnnualRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        EmbeddedPostgres embedded = null;
        String adminUrl;
        String user;
        String password;
        String external = System.getenv("NYSTART_PG_URL");
        if (external != null && !external.isBlank()) {
            URI uri = URI.create(external.replaceFirst("^postgres(ql)?://", "http://"));
            String[] info = uri.getRawUserInfo() == null ? new String[] {"postgres", ""} : uri.getRawUserInfo().split(":", 2);
            user = java.net.URLDecoder.decode(info[0], java.nio.charset.StandardCharsets.UTF_8);
            password = info.length > 1 ? java.net.URLDecoder.decode(info[1], java.nio.charset.StandardCharsets.UTF_8) : "";
            adminUrl = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/";
        } else {
            embedded = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "512MB")
                    .start();
            user = "postgres";
            password = "postgres";
            adminUrl = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
        }
        try {
            run(persons, adminUrl, user, password, embedded != null);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void run(int persons, String adminUrl, String user, String password, boolean local) throws Exception {
        try (Connection admin = DriverManager.getConnection(adminUrl + "postgres", user, password);
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists grant_accounting_bench with (force)");
            s.execute("create database grant_accounting_bench");
        }
        String url = adminUrl + "grant_accounting_bench";
        Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/nystart-platform", "classpath:db/migration").load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, password)) {
            out("PostgreSQL %s, %s", scalar(c, "show server_version"), local ? "embedded (zonky, platform-testing's binaries)" : "NYSTART_PG_URL");
            out("settings: fsync=%s synchronous_commit=%s shared_buffers=%s work_mem=%s max_wal_size=%s",
                    scalar(c, "show fsync"), scalar(c, "show synchronous_commit"), scalar(c, "show shared_buffers"),
                    scalar(c, "show work_mem"), scalar(c, "show max_wal_size"));
            out("load average before: %s", loadAverage());

            long t0 = System.nanoTime();
            generate(c, persons);
            out("generated %,d persons (settled %d-%d) in %.1f s (not timed below)", persons, YEAR - 5, YEAR - 1, secs(t0));

            c.setAutoCommit(false);
            long pid = Long.parseLong(scalar(c, "select pg_backend_pid()"));
            c.commit();

            long start = System.nanoTime();
            long[] first = annualRun(c);
            double runSeconds = secs(start);
            // ledger rows (segment + registered claims due) + the bulk outbox row + the annual_run row
            long written = first[1] + 2;
            String backendPeak = local ? peakRss(pid) : "n/a (remote server)";

            long again = System.nanoTime();
            long[] second = annualRun(c);
            double secondSeconds = secs(again);

            long read = System.nanoTime();
            long events = readEvents(c, LedgerSql.segmentTable(LedgerSql.segment(YEAR, 1)), 2000);
            double readSeconds = secs(read);

            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists bare_rows");
                s.execute("""
                        create table bare_rows (id uuid, kind text, person_id uuid, municipality varchar(4), grant_code text,
                            grant_year integer, budget_year integer, settlement_year_index integer, payout_quarter integer,
                            amount_nok bigint, rate_table_version text, causing_event_id uuid, registered_on date)""");
            }
            c.setAutoCommit(false);
            long bare = System.nanoTime();
            long bareRows;
            try (PreparedStatement p = c.prepareStatement("""
                    insert into bare_rows
                    select gen_random_uuid(), 'CLAIM', gen_random_uuid(), lpad(cast(i % 356 + 301 as text), 4, '0'), 'AR-2',
                        2031, 2031, 2, cast(i % 4 + 1 as integer), 30000 + i % 3, '2031-1', gen_random_uuid(), date '2031-01-02'
                    from generate_series(1, ?) i""")) {
                p.setLong(1, written);
                bareRows = p.executeUpdate();
            }
            c.commit();
            double bareSeconds = secs(bare);

            long ledger = Long.parseLong(scalar(c, "select count(*) from ledger_entry"));
            long outbox = Long.parseLong(scalar(c, "select count(*) from nystart_outbox"));
            long dueRows = Long.parseLong(scalar(c, "select count(*) from claim_due"));
            String check = scalar(c, "select sum(amount_nok) from ledger_entry");
            String dbSize = scalar(c, "select pg_size_pretty(pg_database_size(current_database()))");
            c.commit();

            Runtime rt = Runtime.getRuntime();
            out("");
            out("annual run %d over %,d persons: claims %,d, ledger entries %,d (segment %,d), outbox rows 1 (bulk), pending %,d",
                    YEAR, persons, first[0], first[1], first[3], first[2]);
            out("  rows written %,d in %.2f s = %,.0f rows/s (%,.0f ledger entries/s)", written, runSeconds,
                    written / runSeconds, first[1] / runSeconds);
            out("second run (idempotent): claims %,d, registered %,d, in %.2f s", second[0], second[1], secondSeconds);
            out("the relay's source: %,d GrantClaimRegistered events read in %.2f s = %,.0f events/s", events, readSeconds,
                    events / readSeconds);
            out("bare INSERT ... SELECT of %,d rows in %.2f s = %,.0f rows/s", bareRows, bareSeconds, bareRows / bareSeconds);
            out("ratio annual run / bare insert speed = %.2f (target >= 0.5); wall time target <= 60 s: %s",
                    (written / runSeconds) / (bareRows / bareSeconds), runSeconds <= 60 ? "met" : "NOT met");
            out("memory: PostgreSQL backend peak RSS during the run %s; JVM heap used %,d MB of max %,d MB; database %s",
                    backendPeak, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, dbSize);
            out("check: claim_due %,d, ledger_entry %,d, nystart_outbox %,d, ledger sum %s NOK", dueRows, ledger, outbox, check);
            out("load average after: %s", loadAverage());
        }
    }

    /**
     * Same statements, parameters and order as AnnualRunService.run (all codes of the run have a rate here, so no claim
     * waits); returns {claims, entries written, pending, entries of the segment}.
     */
    static long[] annualRun(Connection c) throws SQLException {
        GrantRules rules = GrantRules.defaults();
        UUID runId = UUID.randomUUID();
        EventType registered = NyStartEvent.typeOf(GrantClaimRegistered.class);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.of(YEAR, 1, 2);
        execute(c, "select 1 from (select pg_advisory_xact_lock(cast(?1 as bigint))) l", 0x4752_414E_0000_0000L + YEAR);
        LedgerSql.EarlierRuns exclude;
        try (PreparedStatement p = c.prepareStatement(LedgerSql.EARLIER_RUNS.replace("?1", "?"))) {
            p.setInt(1, YEAR);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                exclude = LedgerSql.earlierRuns(rs.getLong(1), rs.getString(2));
            }
        }
        String segment = exclude.nextSegment(YEAR);
        String table = LedgerSql.segmentTable(segment);
        long t = System.nanoTime();
        for (String ddl : LedgerSql.createSegment(table, segment)) {
            execute(c, ddl);
        }
        long entries = execute(c, EXPLAIN + LedgerSql.runEntries(table, exclude), YEAR, runId, rules.emChildBandUpToYearAge(),
                rules.emUpToYearAge(), segment, today);
        out("  segment %s filled (runEntries): %,d entries in %.2f s", segment, entries, secs(t));
        if (entries == 0) {
            execute(c, "drop table " + table);
            segment = null;
        } else {
            t = System.nanoTime();
            for (String ddl : LedgerSql.attachSegment(table, segment)) {
                execute(c, ddl);
            }
            out("  indexed and attached (attachSegment): %.2f s", secs(t));
            execute(c, Outbox.INSERT_BULK, UUID.randomUUID(), registered.topic(), EventType.Attributes.ceType(registered),
                    EventType.Attributes.source(registered), now, EventType.Attributes.dataSchema(registered),
                    "grant_run_events", table);
        }
        t = System.nanoTime();
        long reg = execute(c, LedgerSql.REGISTER.formatted("d.grant_year = cast(?7 as integer)"), registered.topic(),
                EventType.Attributes.ceType(registered), EventType.Attributes.source(registered),
                EventType.Attributes.dataSchema(registered), now, today, YEAR);
        long pending;
        try (PreparedStatement p = c.prepareStatement(LedgerSql.PENDING_FOR_YEAR.replace("?1", "?"))) {
            p.setInt(1, YEAR);
            p.setInt(2, YEAR);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                pending = rs.getLong(1);
            }
        }
        long moved;
        try (PreparedStatement p = c.prepareStatement(LedgerSql.MOVES_OF_YEAR.replace("?1", "?"))) {
            p.setInt(1, YEAR);
            try (ResultSet rs = p.executeQuery()) {
                moved = 0;
                while (rs.next()) {
                    moved++;
                }
            }
        }
        out("  claims due of the year registered (REGISTER), pending counted, moves of the year looked up (%d): %.2f s",
                moved, secs(t));
        execute(c, "insert into annual_run (id, year, started_by, claims_due, registered, pending, segment) values "
                + "(cast(?1 as uuid), cast(?2 as integer), cast(?3 as text), cast(?4 as bigint), cast(?5 as bigint), "
                + "cast(?6 as bigint), cast(?7 as text))", runId, YEAR, "benchmark", entries / 4, entries + reg, pending, segment);
        c.commit();
        return new long[] {entries / 4, entries + reg, pending, entries};
    }

    /** Reads a run segment's events through grant_run_events in the relay's chunks; returns how many. */
    static long readEvents(Connection c, String table, int chunk) throws SQLException {
        long position = 0;
        long events = 0;
        long bytes = 0;
        try (PreparedStatement p = c.prepareStatement("select event_position, event_id, record_key, subject, payload "
                + "from grant_run_events(?, ?, ?)")) {
            while (true) {
                p.setString(1, table);
                p.setLong(2, position);
                p.setInt(3, chunk);
                int n = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        position = rs.getLong(1);
                        bytes += rs.getString(5).length();
                        n++;
                    }
                }
                events += n;
                if (n < chunk) {
                    c.commit();
                    out("  read %,d events (%,d payload bytes) through grant_run_events in chunks of %,d", events, bytes, chunk);
                    return events;
                }
            }
        }
    }

    /**
     * The synthetic population, set-based: persons settled evenly over YEAR-5 … YEAR-1 across the 357 municipalities;
     * about 2 % unaccompanied minors (aged 14-17 at settlement), 3 % outside the target group; the rate table of YEAR.
     */
    private static void generate(Connection c, int persons) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("insert into rate_table (id, year, version, current, created_by) values "
                    + "('b0000000-0000-4000-8000-000000002031', " + YEAR + ", 1, true, 'benchmark')");
            s.execute("""
                    insert into rate_table_entry (rate_table_id, grant_code, amount_nok, source, verified)
                    select 'b0000000-0000-4000-8000-000000002031', code, amount, 'benchmark', false
                    from (values ('AR-2', 120000), ('AR-3', 100002), ('AR-4', 80000), ('AR-5', 60000),
                                 ('EMINB', 1000000), ('EMINU', 700000)) r(code, amount)""");
            s.execute("""
                    insert into person_basis (person_id, birth_date, birth_year, citizenship, permit_type, settlement_type,
                        unaccompanied_minor, household_size, settled_on, settlement_year, settlement_municipality,
                        municipality, in_target_group, exclusion_reason, settled_event_id)
                    select gen_random_uuid(), b.birth, extract(year from b.birth)::int, 'SYR', 'REFUGEE', 'BY_AGREEMENT',
                        b.em, case when b.em then 1 else 1 + i %% 5 end, b.settled, extract(year from b.settled)::int,
                        lpad(cast(301 + i %% 357 as text), 4, '0'), lpad(cast(301 + (i * 7) %% 357 as text), 4, '0'),
                        i %% 100 >= 3, case when i %% 100 < 3 then 'benchmark: outside the target group' end, gen_random_uuid()
                    from generate_series(1, %d) i
                    cross join lateral (select make_date(%d - 5 + i %% 5, 1 + i %% 12, 1 + i %% 28) as settled,
                                               i %% 50 = 7 as em) s
                    cross join lateral (select case when s.em then s.settled - (365 * (14 + i %% 4) + i %% 300)
                                                    else s.settled - (365 * (1 + i %% 70) + i %% 300) end as birth,
                                               s.em, s.settled) b
                    """.formatted(persons, YEAR));
            s.execute("vacuum analyze");
        }
    }

    /** Runs a statement written with JPA ordinal parameters (?1, ?2 …) through JDBC; returns the update count. */
    static long execute(Connection c, String sql, Object... params) throws SQLException {
        List<Integer> order = new ArrayList<>();
        Matcher m = ORDINAL.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            order.add(Integer.parseInt(m.group(1)));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        try (PreparedStatement p = c.prepareStatement(jdbc.toString())) {
            for (int i = 0; i < order.size(); i++) {
                p.setObject(i + 1, params[order.get(i) - 1]);
            }
            if (p.execute()) {
                if (!EXPLAIN.isEmpty() && sql.startsWith(EXPLAIN)) {
                    try (ResultSet rs = p.getResultSet()) {
                        while (rs.next()) {
                            System.out.println("    " + rs.getString(1));
                        }
                    }
                }
                return 0;
            }
            return p.getUpdateCount();
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String peakRss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replace("VmHWM:", "").trim()).findFirst().orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
