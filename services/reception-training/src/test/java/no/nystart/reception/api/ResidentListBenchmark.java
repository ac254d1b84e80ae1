package no.nystart.reception.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestSql;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not part of the test suite: surefire runs only {@code *Test}; run by
 * {@code services/reception-training/benchmark.sh}, docs/benchmarks.md): lists 10,000 and 100,000 SYNTHETIC
 * residents of one centre each through the real {@code GET /api/v1/residents} (real service, real PostgreSQL, real
 * signed token, JSON over HTTP, read audit written), following {@code Link rel="next"} page by page; then runs the
 * same SQL of each page directly over JDBC (the keyset query, the four queries of the page's training rows, the one
 * audit insert, one transaction per page) as the bare ceiling, and prints p50/p99 per page, totals and the ratio.
 * Sizes: {@code -Dbenchmark.residents=10000,100000}, page size {@code -Dbenchmark.limit=500}.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_bench"))
class ResidentListBenchmark {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String PAGE_SQL = "select person_id, duf_number, first_name, last_name, birth_date, sex, citizenship, "
            + "reception_centre_id, registered_on, household_id, asylum_procedure, created_at, created_by, left_on, left_reason, "
            + "left_by_event from resident where reception_centre_id = ? and left_on is null "
            + "and (registered_on, person_id) > (?, ?) order by registered_on, person_id limit ?";
    private static final String FIRST_PAGE_SQL = PAGE_SQL.replace("and (registered_on, person_id) > (?, ?) ", "");
    private static final String[] RELATED_SQL = {
        "select * from reception_centre where id = any(?)",
        "select * from residence_permit where person_id = any(?)",
        "select * from training_session where person_id = any(?) order by session_date",
        "select * from training_exemption where person_id = any(?)",
        "select * from training_completion where person_id = any(?)",
    };
    private static final String AUDIT_SQL = "insert into nystart_read_audit (id, reader, roles, action, purpose, municipality, person_id) "
            + "select gen_random_uuid(), 'bench', 'settlement-officer', 'bench', 'bench', null, p from unnest(?::uuid[]) p";

    @Test
    void list_10000_and_100000_residents_page_by_page_against_the_bare_keyset_sql() throws Exception {
        int limit = Integer.getInteger("benchmark.limit", 500);
        String token = ReceptionTestSupport.officerToken();
        for (String size : System.getProperty("benchmark.residents", "10000,100000").split(",")) {
            int residents = Integer.parseInt(size.trim());
            UUID centre = seed(residents);
            // one warm-up walk of the first pages of each path (JIT, connection pools, plans)
            walkHttp(centre, limit, token, 3);
            walkBare(centre, limit, 3);
            long[] http = walkHttp(centre, limit, token, Integer.MAX_VALUE);
            long[] bare = walkBare(centre, limit, Integer.MAX_VALUE);
            report(residents, limit, http, bare);
        }
    }

    /** A centre of its own with {@code n} residents; one in two with 3 training sessions, one in ten with a permit. */
    private static UUID seed(int n) {
        UUID centre = UUID.randomUUID();
        long started = System.nanoTime();
        TestSql.execute("insert into reception_centre (id, name, host_municipality) values (?::uuid, ?, '3301')",
                centre.toString(), "Benchmark " + n + " (invented)");
        String prefix = String.format(Locale.ROOT, "%02d", (n / 10_000) % 100);
        TestSql.execute("insert into resident (person_id, duf_number, first_name, last_name, birth_date, sex, citizenship, "
                + "reception_centre_id, registered_on, asylum_procedure, created_by) "
                + "select gen_random_uuid(), '20' || ? || lpad(i::text, 8, '0'), 'Synthetic', 'Resident ' || i, "
                + "date '1990-01-01' + (i % 9000), case when i % 2 = 0 then 'FEMALE' else 'MALE' end, 'ERI', ?::uuid, "
                + "current_date - (i % 700), 'NORMAL', 'benchmark' from generate_series(1, ?) i",
                prefix, centre.toString(), n);
        TestSql.execute("insert into training_session (id, person_id, module, session_date, hours, recorded_at, recorded_by) "
                + "select gen_random_uuid(), r.person_id, 'NORWEGIAN', r.registered_on + s, 2, now(), 'benchmark' "
                + "from resident r cross join generate_series(1, 3) s "
                + "where r.reception_centre_id = ?::uuid and right(r.duf_number, 1) in ('0', '2', '4', '6', '8')", centre.toString());
        TestSql.execute("insert into residence_permit (person_id, permit_type, decision_date, regime, recorded_at, recorded_by) "
                + "select person_id, 'REFUGEE', registered_on + 30, 'INTEGRERINGSLOVEN', now(), 'benchmark' "
                + "from resident where reception_centre_id = ?::uuid and right(duf_number, 1) = '3'", centre.toString());
        TestSql.execute("analyze");
        System.out.printf(Locale.ROOT, "seeded %,d residents (SYNTHETIC) in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
        return centre;
    }

    /** Nanoseconds of each page through the real endpoint, following Link rel="next"; checks every resident came once. */
    private static long[] walkHttp(UUID centre, int limit, String token, int maxPages) throws Exception {
        String base = "http://localhost:" + RestAssured.port;
        String target = "/api/v1/residents?receptionCentreId=" + centre + "&limit=" + limit;
        List<Long> times = new ArrayList<>();
        long items = 0;
        while (target != null && times.size() < maxPages) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + target)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            times.add(System.nanoTime() - t0);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            items += ReceptionTestSupport.JSON.readTree(response.body()).size();
            target = response.headers().firstValue("Link").map(link -> {
                Matcher m = NEXT.matcher(link);
                return m.matches() ? m.group(1) : null;
            }).orElse(null);
        }
        if (maxPages == Integer.MAX_VALUE) {
            assertThat(items).isEqualTo(count(centre));
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    /** Nanoseconds of each page's SQL run directly over JDBC: the same keyset query, related rows and audit insert. */
    private static long[] walkBare(UUID centre, int limit, int maxPages) throws SQLException {
        List<Long> times = new ArrayList<>();
        long items = 0;
        try (Connection c = NyStartTestResource.database().connect()) {
            c.setAutoCommit(false);
            LocalDate afterDay = null;
            UUID afterId = null;
            boolean more = true;
            while (more && times.size() < maxPages) {
                long t0 = System.nanoTime();
                List<UUID> ids = new ArrayList<>();
                List<UUID> centres = new ArrayList<>();
                int fetched = 0;
                try (PreparedStatement s = c.prepareStatement(afterId == null ? FIRST_PAGE_SQL : PAGE_SQL)) {
                    int i = 1;
                    s.setObject(i++, centre);
                    if (afterId != null) {
                        s.setObject(i++, afterDay);
                        s.setObject(i++, afterId);
                    }
                    s.setInt(i, limit + 1);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            fetched++;
                            for (int col = 1; col <= 16; col++) {
                                rs.getObject(col);
                            }
                            if (ids.size() < limit) {
                                ids.add(rs.getObject(1, UUID.class));
                                centres.add(rs.getObject(8, UUID.class));
                                afterDay = rs.getObject(9, LocalDate.class);
                                afterId = rs.getObject(1, UUID.class);
                            }
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    Array persons = c.createArrayOf("uuid", ids.toArray());
                    Array centreIds = c.createArrayOf("uuid", centres.stream().distinct().toArray());
                    for (int q = 0; q < RELATED_SQL.length; q++) {
                        try (PreparedStatement s = c.prepareStatement(RELATED_SQL[q])) {
                            s.setArray(1, q == 0 ? centreIds : persons);
                            try (ResultSet rs = s.executeQuery()) {
                                int columns = rs.getMetaData().getColumnCount();
                                while (rs.next()) {
                                    for (int col = 1; col <= columns; col++) {
                                        rs.getObject(col);
                                    }
                                }
                            }
                        }
                    }
                    try (PreparedStatement s = c.prepareStatement(AUDIT_SQL)) {
                        s.setArray(1, persons);
                        s.executeUpdate();
                    }
                }
                c.commit();
                times.add(System.nanoTime() - t0);
                items += ids.size();
                more = fetched > limit;
            }
            if (maxPages == Integer.MAX_VALUE) {
                assertThat(items).isEqualTo(count(centre));
            }
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    private static long count(UUID centre) {
        return TestSql.count("select count(*) from resident where reception_centre_id = ?::uuid and left_on is null", centre.toString());
    }

    private static void report(int residents, int limit, long[] http, long[] bare) {
        double httpTotal = Arrays.stream(http).sum() / 1e9;
        double bareTotal = Arrays.stream(bare).sum() / 1e9;
        System.out.printf(Locale.ROOT, "%n=== residents %,d, limit %d: %d pages ===%n", residents, limit, http.length);
        System.out.printf(Locale.ROOT, "HTTP GET /api/v1/residents  p50 %7.1f ms  p99 %7.1f ms  total %7.2f s%n",
                percentile(http, 50), percentile(http, 99), httpTotal);
        System.out.printf(Locale.ROOT, "bare keyset SQL over JDBC    p50 %7.1f ms  p99 %7.1f ms  total %7.2f s%n",
                percentile(bare, 50), percentile(bare, 99), bareTotal);
        System.out.printf(Locale.ROOT, "ratio (bare / HTTP, 1.0 = at the ceiling): %.2f%n%n", bareTotal / httpTotal);
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
