package no.nystart.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The staff portal under 20 concurrent signed-in users, on the local stack (docs/benchmarks.md, "staff portal").
 * A rerunnable benchmark, not a test: {@code deploy/local/portal-benchmark.sh}; nothing here asserts a time.
 *
 * <p>It starts the whole local stack ({@link LocalStack}: Keycloak, Kafka, PostgreSQL, the five services and the
 * portal, free ports, a SYNTHETIC demo cohort), creates the benchmark's users in Keycloak through its admin API
 * (each with the roles whose services answer the timeline: reception staff, settlement officer, municipal caseworker
 * of 0301, grant officer), signs each one in by the portal's real code flow (portal → Keycloak's login form → the
 * portal's callback, one cookie jar per user; PKCE is the portal's own), then measures with N concurrent clients,
 * each with its own session and HTTP connection, no think time:
 * <ol>
 *   <li>{@code GET /personer/{id}}: the person timeline (the portal asks the five services in parallel and merges);</li>
 *   <li>{@code GET /beboere}: the residents list (one call to reception-training, 50 rows rendered);</li>
 *   <li>bare ceilings in the same run, same concurrency: the five services' {@code /api/v1/persons/{id}/history}
 *   called directly and in parallel with the same user's token (a timeline the portal could not beat), the one
 *   {@code GET /api/v1/residents?limit=50} the list page makes, and the portal's own {@code /q/health/live}.</li>
 * </ol>
 * Printed: p50/p95/p99/max per measurement, throughput, the ratios ceiling/page (p95), the load average.
 */
final class PortalBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final String PASSWORD = "nystart-bench-" + UUID.randomUUID();
    private static final List<String> SERVICES = List.of("reception-training", "settlement", "introduction-programme",
            "adult-education", "grant-accounting");

    private PortalBenchmark() {
    }

    record Options(int users, int requestsPerClient, int warmupPerClient, int residents, int thinkMillis, Path repo) {
        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (String s : args) {
                String[] kv = s.replaceFirst("^--", "").split("=", 2);
                a.put(kv[0], kv.length > 1 ? kv[1] : "true");
            }
            return new Options(Integer.parseInt(a.getOrDefault("users", "20")),
                    Integer.parseInt(a.getOrDefault("requests", "30")), Integer.parseInt(a.getOrDefault("warmup", "10")),
                    Integer.parseInt(a.getOrDefault("residents", "120")), Integer.parseInt(a.getOrDefault("think", "1000")),
                    Path.of(a.getOrDefault("repo", "../..")).toAbsolutePath().normalize());
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path run = o.repo().resolve("deploy/local/target/bench-run");
        LocalStack stack = new LocalStack(LocalStack.Options.parse(new String[] {"--repo", o.repo().toString(), "--data",
                run.toString(), "--free-ports", "--residents", String.valueOf(o.residents()), "--ready-timeout", "600"}),
                new PrintStream(Files.newOutputStream(Files.createDirectories(run).resolve("stack.out")), true,
                        StandardCharsets.UTF_8), ManagementFactory.getRuntimeMXBean().getStartTime());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "bench-stack-stop"));
        int code = 0;
        try {
            long t0 = System.nanoTime();
            stack.start();
            OUT.printf(Locale.ROOT, "stack up in %.0f s (%d SYNTHETIC demo residents; output in %s)%n",
                    (System.nanoTime() - t0) / 1e9, o.residents(), run.resolve("stack.out"));
            new PortalBenchmark.Run(stack, o).go();
        } catch (Exception | Error e) {
            e.printStackTrace(OUT);
            code = 1;
        } finally {
            stack.stop();
        }
        System.exit(code);
    }

    static final class Run {
        final LocalStack stack;
        final Options o;
        final String portal;
        final String keycloak;
        final Map<String, String> api = new LinkedHashMap<>();

        Run(LocalStack stack, Options o) {
            this.stack = stack;
            this.o = o;
            this.portal = stack.portalUrl();
            this.keycloak = stack.keycloak().baseUrl();
            SERVICES.forEach(s -> api.put(s, stack.service(s).spec().baseUrl()));
            BASES.putAll(api);
        }

        void go() throws Exception {
            List<String> users = createUsers(o.users());
            List<UUID> persons = persons(users.get(0));
            List<Session> sessions = signIn(users);
            OUT.printf(Locale.ROOT, "load average before measuring: %s%n", loadAverage());

            // every measurement: the same N clients, each its own session/token and connection, closed loop
            int n = o.requestsPerClient();
            AtomicInteger next = new AtomicInteger();
            Function<Session, Sample> timeline = s -> s.page("/personer/" + persons.get(Math.floorMod(next.getAndIncrement(),
                    persons.size())));
            Function<Session, Sample> list = s -> s.page("/beboere");
            Function<Session, Sample> health = s -> s.plain(portal + "/q/health/live", null);
            Function<Session, Sample> bareTimeline = s -> s.fiveHistories(persons.get(Math.floorMod(next.getAndIncrement(),
                    persons.size())));
            Function<Session, Sample> bareList = s -> s.plain(api.get("reception-training") + "/api/v1/residents?limit=50",
                    s.token);

            measure("warm-up (not counted)", sessions, o.warmupPerClient(), timeline);
            measure("warm-up (not counted)", sessions, o.warmupPerClient(), list);
            measure("warm-up (not counted)", sessions, o.warmupPerClient(), bareTimeline);
            measure("warm-up (not counted)", sessions, o.warmupPerClient(), bareList);

            Stats t = measure("portal GET /personer/{id} (timeline, 5 services)", sessions, n, timeline);
            Stats bt = measure("bare: the 5 services' history APIs in parallel", sessions, n, bareTimeline);
            Stats l = measure("portal GET /beboere (residents list, 50 rows)", sessions, n, list);
            Stats bl = measure("bare: reception-training GET /api/v1/residents?limit=50", sessions, n, bareList);
            Stats h = measure("portal GET /q/health/live (the portal's own floor)", sessions, n, health);
            Stats t2 = measure("portal GET /personer/{id} again (rerun in the same stack)", sessions, n, timeline);
            // which service the bare timeline waits for: each history API alone, same 20 clients
            for (String svc : SERVICES) {
                measure("bare: " + svc + " history API alone", sessions, n, s -> s.plain(api.get(svc) + "/api/v1/persons/"
                        + persons.get(Math.floorMod(next.getAndIncrement(), persons.size())) + "/history", s.token));
            }
            // the same users at a human pace: each waits a random 0..2x--think ms (mean 1 s by default) after an answer
            // before its next page, and starts after a random 0..--think ms, so that they do not arrive all at once
            Stats tt = measure("think " + o.thinkMillis() + " ms: portal GET /personer/{id}", sessions, n, o.thinkMillis(), timeline);
            Stats lt = measure("think " + o.thinkMillis() + " ms: portal GET /beboere", sessions, n, o.thinkMillis(), list);
            // the same calls by one client alone: what a request costs without waiting for the others
            List<Session> one = sessions.subList(0, 1);
            measure("1 client: portal GET /personer/{id}", one, n, timeline);
            measure("1 client: bare 5 services' history APIs in parallel", one, n, bareTimeline);
            measure("1 client: portal GET /beboere", one, n, list);
            measure("1 client: bare reception-training GET /api/v1/residents", one, n, bareList);

            OUT.println();
            OUT.printf(Locale.ROOT, "=== timeline: p95 %.1f ms (target <= 300: %s); bare 5 services p95 %.1f ms; ratio bare/portal "
                    + "(p95) %.2f; rerun p95 %.1f ms%n", t.p(95), t.p(95) <= 300 ? "met" : "MISSED", bt.p(95),
                    bt.p(95) / t.p(95), t2.p(95));
            OUT.printf(Locale.ROOT, "=== residents list: p95 %.1f ms (target <= 150: %s); bare API p95 %.1f ms; ratio bare/portal "
                    + "(p95) %.2f%n", l.p(95), l.p(95) <= 150 ? "met" : "MISSED", bl.p(95), bl.p(95) / l.p(95));
            OUT.printf(Locale.ROOT, "=== with %d ms think time: timeline p95 %.1f ms, residents list p95 %.1f ms%n",
                    o.thinkMillis(), tt.p(95), lt.p(95));
            OUT.printf(Locale.ROOT, "=== portal floor (/q/health/live) p95 %.1f ms; load average after: %s%n", h.p(95),
                    loadAverage());
        }

        /** N users of the realm nystart, through Keycloak's admin API (the master realm's admin, DEV ONLY). */
        List<String> createUsers(int count) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            String admin = JSON.readTree(post(http, keycloak + "/realms/master/protocol/openid-connect/token", null,
                    PortalSession.form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", KeycloakServer.ADMIN_USER,
                            "password", KeycloakServer.ADMIN_PASSWORD)), 200)).path("access_token").asText();
            String realm = keycloak + "/admin/realms/" + KeycloakServer.REALM;
            List<JsonNode> roles = new ArrayList<>();
            for (String r : List.of("reception-staff", "settlement-officer", "municipal-caseworker", "grant-officer")) {
                roles.add(JSON.readTree(get(http, realm + "/roles/" + r, admin).body()));
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String name = String.format(Locale.ROOT, "bench.%02d", i);
                Map<String, Object> user = Map.of("username", name, "enabled", true, "firstName", "Bench",
                        "lastName", "User " + i, "email", name + "@bench.nystart.invalid", "emailVerified", true,
                        "attributes", Map.of("municipality", List.of("0301")),
                        "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
                // Keycloak's database is kept between runs of the stack (KeycloakServer): a user of an earlier run
                // stays, and gets this run's password
                boolean created = postStatus(http, realm + "/users", admin, JSON.writeValueAsString(user)) == 201;
                String id = JSON.readTree(get(http, realm + "/users?exact=true&username=" + name, admin).body()).path(0)
                        .path("id").asText();
                if (!created) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(realm + "/users/" + id + "/reset-password"))
                            .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("type", "password",
                                    "value", PASSWORD, "temporary", false)))).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 204) {
                        throw new IllegalStateException("reset-password of " + name + " answered " + r.statusCode() + ": " + r.body());
                    }
                }
                post(http, realm + "/users/" + id + "/role-mappings/realm", admin, JSON.writeValueAsString(roles), 204);
                names.add(name);
            }
            OUT.printf(Locale.ROOT, "created %d users in Keycloak (roles reception-staff, settlement-officer, "
                    + "municipal-caseworker 0301, grant-officer)%n", count);
            return names;
        }

        /** Demo persons whose history every one of the five services answers for the benchmark users (else most). */
        List<UUID> persons(String user) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            String token = stack.keycloak().passwordGrant(user, PASSWORD);
            List<UUID> all = new ArrayList<>();
            // the demo cohort's residents, as the demo reception staff member lists them
            JsonNode page = JSON.readTree(get(http, api.get("reception-training")
                    + "/api/v1/residents?includeLeft=true&limit=500", stack.token("rita.resepsjon")).body());
            for (JsonNode r : page.isArray() ? page : page.path("items")) {
                all.add(UUID.fromString(r.path("personId").asText()));
            }
            Map<Integer, List<UUID>> byAnswering = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
            Map<String, Integer> okPerService = new LinkedHashMap<>();
            int lines = 0;
            for (UUID p : all) {
                int ok = 0;
                for (String s : SERVICES) {
                    HttpResponse<String> r = get(http, api.get(s) + "/api/v1/persons/" + p + "/history", token);
                    if (r.statusCode() == 200) {
                        ok++;
                        okPerService.merge(s, 1, Integer::sum);
                    }
                }
                byAnswering.computeIfAbsent(ok, k -> new ArrayList<>()).add(p);
            }
            List<UUID> chosen = new ArrayList<>();
            for (Map.Entry<Integer, List<UUID>> e : byAnswering.entrySet()) {
                for (UUID p : e.getValue()) {
                    if (chosen.size() < 20) {
                        chosen.add(p);
                    }
                }
            }
            Map<Integer, Integer> sizes = new LinkedHashMap<>();
            byAnswering.forEach((k, v) -> sizes.put(k, v.size()));
            int fewest = byAnswering.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(chosen::contains))
                    .mapToInt(Map.Entry::getKey).min().orElse(0);
            OUT.printf(Locale.ROOT, "persons: %d residents; services answering 200 per person -> count %s; 200s per service "
                    + "%s; timeline measured over %d persons answered by >= %d of the 5 services%n", all.size(), sizes,
                    okPerService, chosen.size(), fewest);
            if (chosen.isEmpty()) {
                throw new IllegalStateException("no residents to measure");
            }
            return chosen;
        }

        List<Session> signIn(List<String> users) throws Exception {
            List<Session> sessions = new ArrayList<>();
            long t0 = System.nanoTime();
            for (String u : users) {
                Session s = new Session(u, portal);
                s.signIn(keycloak);
                s.token = stack.keycloak().passwordGrant(u, PASSWORD);
                sessions.add(s);
            }
            OUT.printf(Locale.ROOT, "signed in %d users by the code flow (Keycloak login form, portal session cookies) in %.1f s%n",
                    sessions.size(), (System.nanoTime() - t0) / 1e9);
            return sessions;
        }

        Stats measure(String what, List<Session> sessions, int perClient, Function<Session, Sample> call)
                throws Exception {
            return measure(what, sessions, perClient, 0, call);
        }

        /** {@code perClient} requests by each session at once (closed loop), {@code thinkMillis} after each answer. */
        Stats measure(String what, List<Session> sessions, int perClient, int thinkMillis, Function<Session, Sample> call)
                throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
            List<Future<List<Sample>>> futures = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (Session s : sessions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    java.util.Random random = new java.util.Random(s.user.hashCode());
                    if (thinkMillis > 0) {
                        Thread.sleep(random.nextInt(thinkMillis + 1));
                    }
                    List<Sample> mine = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        mine.add(call.apply(s));
                        if (thinkMillis > 0) {
                            Thread.sleep(random.nextInt(2 * thinkMillis + 1));
                        }
                    }
                    return mine;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            List<Sample> all = new ArrayList<>();
            for (Future<List<Sample>> f : futures) {
                all.addAll(f.get(15, TimeUnit.MINUTES));
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            pool.shutdownNow();
            Stats st = new Stats(all);
            if (!what.startsWith("warm-up")) {
                OUT.printf(Locale.ROOT, "%-62s n=%d clients=%d  p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f ms  %6.1f req/s  "
                        + "errors %d%s%n", what, all.size(), sessions.size(), st.p(50), st.p(95), st.p(99), st.max(),
                        all.size() / wall, st.errors(), st.notes());
            }
            return st;
        }
    }

    /** One timed request: its latency, whether it was a good answer, and what a timeline page held. */
    record Sample(double millis, boolean ok, String error, int lines, int notes) {
    }

    record Stats(List<Sample> samples) {
        double p(int percentile) {
            double[] ms = samples.stream().mapToDouble(Sample::millis).sorted().toArray();
            int i = (int) Math.ceil(percentile / 100.0 * ms.length) - 1;
            return ms[Math.max(0, Math.min(ms.length - 1, i))];
        }

        double max() {
            return samples.stream().mapToDouble(Sample::millis).max().orElse(0);
        }

        long errors() {
            return samples.stream().filter(s -> !s.ok()).count();
        }

        String notes() {
            String firstError = samples.stream().filter(s -> !s.ok()).map(Sample::error).findFirst().map(e -> " first: " + e)
                    .orElse("");
            int pages = (int) samples.stream().filter(s -> s.lines() >= 0).count();
            if (pages == 0) {
                return firstError;
            }
            double lines = samples.stream().filter(s -> s.lines() >= 0).mapToInt(Sample::lines).average().orElse(0);
            long withNote = samples.stream().filter(s -> s.notes() > 0).count();
            return String.format(Locale.ROOT, "  (%.1f lines per page; %d pages with a note of a service left out)%s",
                    lines, withNote, firstError);
        }
    }

    /** One signed-in user of the benchmark: a {@link PortalSession} with its access token for the bare calls. */
    static final class Session extends PortalSession {
        String token;

        Session(String user, String portal) {
            super(user, PASSWORD, portal);
        }

        Sample page(String path) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = get(path);
                double ms = (System.nanoTime() - t0) / 1e6;
                boolean ok = r.statusCode() == 200 && r.body().contains("</html>") && r.body().contains("Logg ut");
                int lines = path.startsWith("/personer/") ? count(r.body(), "portal-timeline-line") : -1;
                int notes = path.startsWith("/personer/") ? count(r.body(), "data-color=\"info\" role=\"status\"") : 0;
                return new Sample(ms, ok, ok ? null : "status " + r.statusCode(), lines, notes);
            } catch (Exception e) {
                return new Sample((System.nanoTime() - t0) / 1e6, false, e.toString(), -1, 0);
            }
        }

        Sample plain(String url, String bearer) {
            long t0 = System.nanoTime();
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().header("X-Purpose", "portal benchmark");
                if (bearer != null) {
                    b.header("Authorization", "Bearer " + bearer);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - t0) / 1e6;
                return new Sample(ms, r.statusCode() == 200, "status " + r.statusCode(), -1, 0);
            } catch (Exception e) {
                return new Sample((System.nanoTime() - t0) / 1e6, false, e.toString(), -1, 0);
            }
        }

        /** What the timeline costs the services: their five history reads at once, done when the last answers. */
        Sample fiveHistories(UUID person) {
            long t0 = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (String s : SERVICES) {
                // the services' base URLs are looked up once per run; see Run.api
                calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(BASES.get(s) + "/api/v1/persons/" + person
                        + "/history")).header("Authorization", "Bearer " + token)
                        .header("X-Purpose", "portal benchmark").GET().build(), HttpResponse.BodyHandlers.ofString()));
            }
            try {
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                double ms = (System.nanoTime() - t0) / 1e6;
                boolean ok = calls.stream().allMatch(c -> c.join().statusCode() < 500);
                return new Sample(ms, ok, ok ? null : "a service answered 5xx", -1, 0);
            } catch (Exception e) {
                return new Sample((System.nanoTime() - t0) / 1e6, false, e.toString(), -1, 0);
            }
        }
    }

    /** The services' base URLs of the running stack (filled by {@link Run}). */
    static final Map<String, String> BASES = new ConcurrentHashMap<>();

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }


    static HttpResponse<String> get(HttpClient http, String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET()
                .header("X-Purpose", "portal benchmark");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String post(HttpClient http, String url, String bearer, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", body.startsWith("{") || body.startsWith("[") ? "application/json"
                        : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static int postStatus(HttpClient http, String url, String bearer, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.statusCode();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
