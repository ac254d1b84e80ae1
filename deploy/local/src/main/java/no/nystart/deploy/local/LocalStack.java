package no.nystart.deploy.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import no.nystart.platform.kafka.KafkaBroker;

/**
 * Runs the suite on one machine, without Docker: a real Kafka broker (child process, KRaft), an
 * embedded PostgreSQL with one database per service, a real Keycloak (child process, realm
 * {@code nystart} from {@code deploy/local/keycloak/nystart-realm.json}), and the services as child
 * processes; then gets tokens from Keycloak (password grant per demo user, client credentials for
 * {@code system}), pushes demo data through the public REST API and prints where everything is.
 * Ctrl-C (SIGINT), SIGTERM or SIGHUP stop everything: services first, then Keycloak, Kafka and
 * PostgreSQL. If this JVM is killed outright, {@link OrphanGuard} (a child JVM watching its stdin)
 * stops the services, Keycloak and PostgreSQL, and the broker's own guard stops the broker.
 *
 * <p>{@code --dev-issuer} replaces Keycloak by the DEV-ONLY {@link DevTokenIssuer} (quicker start,
 * no users). The five services are in {@link ServiceSpec#ALL}; the demo cohort is {@link DemoCohort}.
 *
 * <p>Run it with {@code deploy/local/up}; {@code --help} lists the options.
 */
public final class LocalStack {
    static final List<String> TOPICS = List.of("reception.events.v1", "settlement.events.v1",
            "introduction.events.v1", "adult-education.events.v1", "grants.events.v1");
    static final int TOPIC_PARTITIONS = 3;
    static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /** Dev-only users, one per role, with the organisation claims the role needs. */
    record DevUser(String role, String user, Map<String, Object> claims) {
        /** The variable in tokens.env: NYSTART_TOKEN_<ROLE>, with the municipality for a second user of a role. */
        String tokenVariable() {
            String name = "NYSTART_TOKEN_" + role.toUpperCase(Locale.ROOT).replace('-', '_');
            DevUser first = DEV_USERS.stream().filter(u -> u.role().equals(role)).findFirst().orElseThrow();
            return first.user().equals(user) ? name : name + "_" + claims.get("municipality");
        }
    }

    static final List<DevUser> DEV_USERS = List.of(
            new DevUser("reception-staff", "rita.resepsjon", Map.of()),
            new DevUser("settlement-officer", "sigurd.bosetting", Map.of()),
            new DevUser("municipal-caseworker", "maja.saksbehandler", Map.of("municipality", "0301")),
            new DevUser("municipal-caseworker", "mons.saksbehandler", Map.of("municipality", "4601")),
            new DevUser("municipal-finance", "finn.okonomi", Map.of("municipality", "0301")),
            new DevUser("grant-officer", "gry.tilskudd", Map.of()),
            new DevUser("county-analyst", "kari.analytiker", Map.of("county", "03")),
            new DevUser("system", "nystart-system", Map.of()));

    private final Options options;
    private final PrintStream out;
    private final long startedAtMillis;

    private final Object lock = new Object();
    private boolean stopping;
    private Process guard;
    private OutputStream guardInput;
    private DevTokenIssuer issuer;
    private KeycloakServer keycloak;
    private String oidcIssuer;
    private KafkaBroker broker;
    private CompletableFuture<LocalPostgres> postgres;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    /** Access tokens by demo user (the system client under its client id). */
    private final Map<String, String> tokens = new LinkedHashMap<>();
    /** The services with the ports this run uses (the documented ones, or free ones with --free-ports). */
    private final List<ServiceSpec> specs;
    private volatile DemoCohort.Summary demo;
    /** How each service was started (its private jar, environment, JVM options, log), to start it again. */
    private final Map<String, Launch> launches = new java.util.concurrent.ConcurrentHashMap<>();

    private record Launch(Path jar, Map<String, String> env, List<String> jvmOptions, Path log) {
    }

    /** The staff portal's port for this run (8080, or a free one with --free-ports); started only with Keycloak. */
    private final ServiceSpec portalSpec;

    LocalStack(Options options, PrintStream out, long startedAtMillis) {
        this.options = options;
        this.out = out;
        this.startedAtMillis = startedAtMillis;
        this.specs = ServiceSpec.ALL.stream().map(s -> options.freePorts() ? s.onPort(Ports.free()) : s).toList();
        this.portalSpec = options.freePorts() ? ServiceSpec.PORTAL.onPort(Ports.free()) : ServiceSpec.PORTAL;
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LocalStack stack = new LocalStack(options, out, jvmStart);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "nystart-local-stack-stop"));
        handleStopSignals();
        int code;
        try {
            stack.start();
            code = options.smoke() ? 0 : stack.runUntilAChildDies();
        } catch (Exception | Error e) {
            code = stack.failed(e);
        }
        System.exit(code);
    }

    /**
     * Ctrl-C, SIGTERM and SIGHUP run the shutdown hook, also when the launcher was started with
     * SIGINT ignored (a background job of a script inherits SIG_IGN, and the JVM would keep it).
     */
    private static void handleStopSignals() {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> System.exit(128 + signal.getNumber()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the JVM's default handling stays (e.g. -Xrs)
            }
        }
    }

    // ------------------------------------------------------------------ start

    void start() throws Exception {
        Path run = options.runDir();
        Path logs = run.resolve("logs");
        out.println("NyStart local stack (DEV ONLY: the printed tokens and passwords are not for real use)");
        out.println("  repository " + options.repoRoot() + "   run directory " + run);
        if (!options.keepData()) {
            // only what this launcher writes: --data may point at a directory that holds other things.
            // keycloak/ (Keycloak's H2 database) is kept: a kept database starts much faster, and
            // KeycloakServer deletes it itself when the realm file has changed.
            for (String child : List.of("kafka", "postgres", "logs", "tokens.env", "apps")) {
                deleteTree(run.resolve(child));
            }
        }
        Files.createDirectories(logs);
        System.setProperty("nystart.local.log", logs.resolve("launcher.log").toString());

        // fixed ports first: fail before anything is started
        Ports.requireFree(options.kafkaPort(), "Kafka");
        Ports.requireFree(options.oidcPort(), options.devIssuer() ? "the dev token issuer" : "Keycloak");
        Path keycloakHome = options.devIssuer() ? null : KeycloakServer.distribution(options.repoRoot());
        for (ServiceSpec s : specs) {
            Ports.requireFree(s.port(), s.name());
            if (!Files.isRegularFile(s.jar(options.repoRoot()))) {
                throw new IllegalStateException(s.name() + " is not built: " + s.jar(options.repoRoot())
                        + " is missing (run deploy/local/up, which builds it)");
            }
        }

        if (!options.devIssuer()) {
            Ports.requireFree(portalSpec.port(), portalSpec.name());
            if (!Files.isRegularFile(portalSpec.jar(options.repoRoot()))) {
                throw new IllegalStateException(portalSpec.name() + " is not built: " + portalSpec.jar(options.repoRoot())
                        + " is missing (run deploy/local/up, which builds it)");
            }
        }

        startGuard(logs.resolve("orphan-guard.log"));
        step("orphan guard", "pid " + guard.pid() + " (cleans up if this launcher is killed)");

        // Keycloak first: it takes longest. The services may start before it is ready (Quarkus OIDC
        // connects on the first request then); the demo data waits for it.
        CompletableFuture<Void> oidcReady;
        if (options.devIssuer()) {
            DevTokenIssuer devIssuer = DevTokenIssuer.start(options.oidcPort(), Duration.ofHours(12));
            synchronized (lock) {
                issuer = devIssuer;
                oidcIssuer = devIssuer.issuer();
            }
            step("dev token issuer", issuer.issuer() + "   (DEV ONLY, --dev-issuer: not Keycloak)");
            oidcReady = CompletableFuture.completedFuture(null);
        } else {
            KeycloakServer kc;
            synchronized (lock) {
                ensureNotStopping();
                kc = KeycloakServer.start(keycloakHome, KeycloakServer.realmFile(options.repoRoot()),
                        run.resolve("keycloak"), options.oidcPort(), logs.resolve("keycloak.log"));
                keycloak = kc;
                oidcIssuer = kc.issuer();
                tellGuard("pid " + kc.pid() + " keycloak");
            }
            step("Keycloak starting", "pid " + kc.pid() + " (takes 15 s to 2 min, more on the first start and under load)");
            oidcReady = CompletableFuture.runAsync(() -> {
                kc.awaitReady(Duration.ofSeconds(options.readyTimeoutSeconds()));
                step("Keycloak 26 (realm)", kc.issuer() + "   pid " + kc.pid());
            });
        }

        // infrastructure in parallel: PostgreSQL and Kafka each take a few seconds
        Path pgData = run.resolve("postgres");
        tellGuard("pgdata " + pgData);
        CompletableFuture<LocalPostgres> pg;
        synchronized (lock) {
            ensureNotStopping();
            pg = CompletableFuture.supplyAsync(() -> {
                try {
                    return LocalPostgres.start(pgData, options.pgPort(), logs.resolve("postgres.log"));
                } catch (IOException e) {
                    throw new IllegalStateException("PostgreSQL did not start (log " + logs.resolve("postgres.log")
                            + "): " + e.getMessage(), e);
                }
            });
            postgres = pg;
            KafkaBroker.Builder kafka = KafkaBroker.builder(run.resolve("kafka"))
                    .port(options.kafkaPort())
                    .logFile(logs.resolve("kafka.log"));
            TOPICS.forEach(t -> kafka.topic(t, TOPIC_PARTITIONS));
            broker = kafka.build();
        }
        KafkaBroker kafka = broker;
        CompletableFuture<KafkaBroker> kafkaStarted = CompletableFuture.supplyAsync(kafka::start);

        LocalPostgres db = join(pg);
        Map<String, LocalPostgres.ServiceDatabase> databases = new LinkedHashMap<>();
        for (ServiceSpec s : specs) {
            databases.put(s.name(), db.database(s.database()));
        }
        step("PostgreSQL", "127.0.0.1:" + db.port() + (db.port() != options.pgPort() ? " (" + options.pgPort()
                + " was taken)" : "") + "   databases " + String.join(", ",
                        specs.stream().map(ServiceSpec::database).toList()));
        join(kafkaStarted);
        step("Kafka 4.1.2 (KRaft)", kafka.bootstrapServers() + "   topics " + TOPICS.size() + " x " + TOPIC_PARTITIONS
                + " partitions, pid " + kafka.pid().orElse(-1));

        // services: start all, then wait for each to be ready
        List<String> jvm = serviceJvmOptions();
        for (ServiceSpec s : specs) {
            LocalPostgres.ServiceDatabase d = databases.get(s.name());
            Map<String, String> env = new LinkedHashMap<>();
            env.put("NYSTART_DB_REACTIVE_URL", d.reactiveUrl());
            env.put("NYSTART_DB_JDBC_URL", d.jdbcUrl());
            env.put("NYSTART_DB_USER", d.user());
            env.put("NYSTART_DB_PASSWORD", d.password());
            env.put("NYSTART_KAFKA", kafka.bootstrapServers());
            env.put("NYSTART_OIDC_URL", oidcIssuer);
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(s.port()));
            synchronized (lock) {
                ensureNotStopping();
                Path jar = snapshot(s, run.resolve("apps"));
                launches.put(s.name(), new Launch(jar, Map.copyOf(env), jvm, logs.resolve(s.name() + ".log")));
                ServiceProcess p = ServiceProcess.start(s, jar, env, jvm, logs.resolve(s.name() + ".log"));
                services.add(p);
                tellGuard("pid " + p.pid() + " " + s.name());
            }
        }
        if (!options.devIssuer()) {
            startPortal(run, logs, jvm);
        }
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess p : services) {
            ready.add(CompletableFuture.runAsync(() -> {
                p.awaitReady(Duration.ofSeconds(options.readyTimeoutSeconds()));
                step(p.spec().name(), p.spec().baseUrl() + "   /q/health/ready UP, pid " + p.pid());
            }));
        }
        for (CompletableFuture<Void> f : ready) {
            join(f);
        }
        join(oidcReady);

        for (DevUser u : DEV_USERS) {
            tokens.put(u.user(), token(u));
        }
        if (keycloak != null) {
            step("tokens", DEV_USERS.size() + " from Keycloak (password grant of " + KeycloakServer.STAFF_CLIENT
                    + " per demo user, client credentials of " + KeycloakServer.SYSTEM_CLIENT + ")");
        }
        writeTokensFile(run.resolve("tokens.env"));

        if (options.residents() > 0) {
            pushDemoData();
        }
        printSummary(db, kafka);
    }

    /** A token for a demo user: from Keycloak (password or client-credentials grant), or the dev issuer. */
    private String token(DevUser u) throws IOException, InterruptedException {
        if (keycloak == null) {
            return issuer.token(u.user(), List.of(u.role()), u.claims());
        }
        String token = u.role().equals("system") ? keycloak.clientCredentialsGrant()
                : keycloak.passwordGrant(u.user(), KeycloakServer.DEMO_PASSWORD);
        // the realm file and DEV_USERS must agree: the printed claims are the ones the token carries
        com.fasterxml.jackson.databind.JsonNode claims = KeycloakServer.claims(token);
        boolean hasRole = false;
        for (com.fasterxml.jackson.databind.JsonNode r : claims.path("realm_access").path("roles")) {
            hasRole |= r.asText().equals(u.role());
        }
        if (!hasRole || u.claims().entrySet().stream()
                .anyMatch(c -> !String.valueOf(c.getValue()).equals(claims.path(c.getKey()).asText(null)))) {
            throw new IllegalStateException("Keycloak's token for " + u.user() + " does not carry role " + u.role()
                    + " and claims " + u.claims() + " (check deploy/local/keycloak/nystart-realm.json): " + claims);
        }
        return token;
    }

    /**
     * The staff portal as one more child process (stopped and watched like the services): it signs users in at
     * Keycloak by the code flow (client nystart-portal) and calls the services of this run with their tokens.
     */
    private void startPortal(Path run, Path logs, List<String> jvm) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NYSTART_OIDC_URL", oidcIssuer);
        env.put("NYSTART_RECEPTION_URL", spec("reception-training").baseUrl());
        env.put("NYSTART_SETTLEMENT_URL", spec("settlement").baseUrl());
        env.put("NYSTART_INTRODUCTION_URL", spec("introduction-programme").baseUrl());
        env.put("NYSTART_ADULT_EDUCATION_URL", spec("adult-education").baseUrl());
        env.put("NYSTART_GRANTS_URL", spec("grant-accounting").baseUrl());
        env.put("NYSTART_PORTAL_SECURE_COOKIES", "false"); // plain http on 127.0.0.1 (DEV ONLY)
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(portalSpec.port()));
        synchronized (lock) {
            ensureNotStopping();
            ServiceProcess p = ServiceProcess.start(portalSpec, snapshot(portalSpec, run.resolve("apps")), env, jvm,
                    logs.resolve(portalSpec.name() + ".log"));
            services.add(p);
            tellGuard("pid " + p.pid() + " " + portalSpec.name());
        }
    }

    /** The staff portal's address, or null when it does not run (--dev-issuer). */
    String portalUrl() {
        return keycloak == null ? null : portalSpec.baseUrl();
    }

    private void pushDemoData() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        DemoCohort cohort = new DemoCohort(name -> new Api(spec(name).baseUrl(), null), tokens, today, this::step);
        demo = cohort.run(options.residents(), options.seed());
    }

    private void printSummary(LocalPostgres db, KafkaBroker kafka) {
        Path logs = options.runDir().resolve("logs");
        double seconds = (System.currentTimeMillis() - startedAtMillis) / 1000.0;
        out.println();
        if (keycloak != null) {
            out.println("  STAFF PORTAL  " + portalSpec.baseUrl() + "   sign in as a demo user below, password "
                    + KeycloakServer.DEMO_PASSWORD + " (DEV ONLY)");
            out.println();
        }
        out.println("  COMPONENT             ADDRESS                                      LOG");
        if (keycloak != null) {
            row(portalSpec.name(), portalSpec.baseUrl() + "  (web, sign-in by Keycloak)", logs.resolve(portalSpec.name() + ".log"));
        }
        for (ServiceSpec s : specs) {
            row(s.name(), s.baseUrl() + "  (health /q/health)", logs.resolve(s.name() + ".log"));
        }
        row("Kafka", kafka.bootstrapServers(), logs.resolve("kafka.log"));
        row("PostgreSQL", "127.0.0.1:" + db.port(), logs.resolve("postgres.log"));
        if (keycloak != null) {
            row("Keycloak", keycloak.baseUrl() + "  (realm " + KeycloakServer.REALM + ")", keycloak.logFile());
        } else {
            row("dev token issuer", issuer.issuer(), logs.resolve("launcher.log"));
        }
        out.println();
        out.println("  DATABASES (dev only; trust authentication on 127.0.0.1)");
        for (ServiceSpec s : specs) {
            out.printf(Locale.ROOT, "    %-20s jdbc:postgresql://127.0.0.1:%d/%s   user %s  password %s%n",
                    s.name(), db.port(), s.database(), s.database(), s.database());
        }
        out.printf(Locale.ROOT, "    %-20s user postgres  password postgres%n", "superuser");
        out.println();
        if (keycloak != null) {
            out.println("  KEYCLOAK USERS (DEV ONLY; realm " + KeycloakServer.REALM + ", issuer " + keycloak.issuer() + ")");
            for (DevUser u : DEV_USERS) {
                String claims = u.claims().isEmpty() ? "" : "  " + u.claims();
                if (u.role().equals("system")) {
                    out.printf(Locale.ROOT, "    %-21s client %s  secret %s  (client credentials)%n", u.role(),
                            KeycloakServer.SYSTEM_CLIENT, KeycloakServer.SYSTEM_CLIENT_SECRET);
                } else {
                    out.printf(Locale.ROOT, "    %-21s user %-19s password %s%s%n", u.role(), u.user(),
                            KeycloakServer.DEMO_PASSWORD, claims);
                }
            }
            out.printf(Locale.ROOT, "    %-21s %s/admin  user %s  password %s%n", "admin console (master)",
                    keycloak.baseUrl(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
            out.println();
        }
        out.println("  BEARER TOKENS (DEV ONLY, valid 12 h; also in " + options.runDir().resolve("tokens.env") + ")");
        for (DevUser u : DEV_USERS) {
            String claims = u.claims().isEmpty() ? "" : " " + u.claims();
            out.println("    " + u.role() + "  (" + (keycloak != null && u.role().equals("system") ? "client " : "user ")
                    + u.user() + claims + ")");
            out.println("      " + tokens.get(u.user()));
        }
        if (keycloak != null) {
            out.println("    more: curl -d grant_type=password -d client_id=" + KeycloakServer.STAFF_CLIENT
                    + " -d username=maja.saksbehandler -d password=" + KeycloakServer.DEMO_PASSWORD + " "
                    + keycloak.issuer() + "/protocol/openid-connect/token");
        } else {
            out.println("    more: curl '" + issuer.issuer() + "/dev/token?user=ada&role=reception-staff&reception_centre="
                    + DemoCohort.CENTRES.get(0) + "'");
        }
        out.println();
        if (demo != null) {
            out.println("  DEMO DATA (generated, invented people; counts read back from each service's API)");
            out.printf(Locale.ROOT, "    %-23s %d residents in %d households, %d training sessions, %d permits, %d competence mappings%n",
                    "reception-training", demo.residents(), demo.households(), demo.trainingSessions(), demo.permits(),
                    demo.mappings());
            out.printf(Locale.ROOT, "    %-23s settled per municipality %s; matching %s%n", "settlement",
                    demo.settledByMunicipality(), demo.matching());
            out.printf(Locale.ROOT, "    %-23s participants %s (municipalities with a demo caseworker)%n",
                    "introduction-programme", demo.participants());
            out.printf(Locale.ROOT, "    %-23s learners %s%n", "adult-education", demo.learners());
            out.printf(Locale.ROOT, "    %-23s year-1 claims in kroner, budget year %d: %s%n", "grant-accounting",
                    demo.budgetYear(), demo.grantsNok());
            out.println();
        }
        out.println("  TRY");
        out.println("    source " + options.runDir().resolve("tokens.env"));
        out.println("    curl -i -H \"Authorization: Bearer $NYSTART_TOKEN_SETTLEMENT_OFFICER\" \""
                + spec("settlement").baseUrl() + "/api/v1/cases?limit=20\"");
        out.println("    (lists are paged: 50 by default, at most 500; the next page is in the Link and NyStart-Next-Cursor headers)");
        out.println();
        out.printf(Locale.ROOT, "NyStart is up in %.1f s (JVM start to ready, demo data included). "
                + "Ctrl-C stops everything.%n", seconds);
    }

    // ------------------------------------------------------------------ for the end-to-end test

    /** An access token by demo user name (the system client under its client id {@code nystart-system}). */
    String token(String user) {
        return tokens.get(user);
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    DemoCohort.Summary demoSummary() {
        return demo;
    }

    // ------------------------------------------------------------------ fault injection (FaultInjectionTest)

    /** The running (or last) process of a service. */
    ServiceProcess service(String name) {
        return services.stream().filter(p -> p.spec().name().equals(name)).findFirst().orElseThrow();
    }

    /** {@code kill -9} of a service: no graceful shutdown at all. Returns the exit code (137). */
    int killService(String name) {
        ServiceProcess p = service(name);
        int rc = p.kill();
        tellGuard("forget " + p.pid());
        return rc;
    }

    /**
     * Starts a stopped or killed service again: the same private jar, environment, port and log file (appended).
     * Does not wait for readiness ({@link ServiceProcess#awaitReady}).
     */
    ServiceProcess restartService(String name) throws IOException {
        synchronized (lock) {
            ensureNotStopping();
            ServiceProcess old = service(name);
            if (old.isAlive()) {
                throw new IllegalStateException(name + " is still running (pid " + old.pid() + ")");
            }
            Launch l = launches.get(name);
            ServiceProcess p = ServiceProcess.start(old.spec(), l.jar(), l.env(), l.jvmOptions(), l.log());
            services.set(services.indexOf(old), p);
            tellGuard("pid " + p.pid() + " " + name);
            return p;
        }
    }

    /** Stops the Kafka broker (SIGTERM, clean shutdown); its port and data directory are kept for {@link #startKafka}. */
    void stopKafka() {
        broker.stop();
    }

    /** Starts the Kafka broker again on the same port with the same data (topics and offsets kept). */
    void startKafka() {
        broker.start();
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are ended); the data directory and port are kept. */
    void stopPostgres() throws Exception {
        join(postgres).close();
    }

    /** Starts PostgreSQL again with the same data directory on the same port (the services reconnect by themselves). */
    void startPostgres() throws Exception {
        LocalPostgres old = join(postgres);
        if (!Ports.isFree(old.port())) {
            throw new IllegalStateException("PostgreSQL's port " + old.port() + " is taken: cannot start it again there");
        }
        LocalPostgres again = LocalPostgres.start(old.dataDir(), old.port(),
                options.runDir().resolve("logs").resolve("postgres.log"));
        if (again.port() != old.port()) {
            again.close();
            throw new IllegalStateException("PostgreSQL came back on port " + again.port() + ", not " + old.port());
        }
        synchronized (lock) {
            postgres = CompletableFuture.completedFuture(again);
        }
    }

    /** JDBC URL of a service database (the superuser {@code postgres} may read every one). */
    String postgresJdbcUrl(String database) throws Exception {
        return join(postgres).jdbcUrl(database);
    }

    private void row(String name, String address, Path log) {
        out.printf(Locale.ROOT, "  %-22s %-44s %s%n", name, address, log);
    }

    /** Blocks until a child process dies on its own (then returns 1) or the JVM shuts down. */
    int runUntilAChildDies() throws InterruptedException {
        while (true) {
            Thread.sleep(1000);
            synchronized (lock) {
                if (stopping) {
                    return 0;
                }
            }
            for (ServiceProcess p : services) {
                if (!p.isAlive()) {
                    out.println("ERROR " + p.spec().name() + " stopped on its own. Last lines of " + p.logFile() + ":");
                    out.println(p.tail(30));
                    return 1;
                }
            }
            if (keycloak != null && !keycloak.isAlive()) {
                out.println("ERROR Keycloak stopped on its own. Last lines of " + keycloak.logFile() + ":");
                out.println(keycloak.tail(30));
                return 1;
            }
            if (!broker.isRunning()) {
                out.println("ERROR the Kafka broker stopped on its own; see " + broker.logFile());
                return 1;
            }
        }
    }

    private int failed(Throwable e) {
        synchronized (lock) {
            if (stopping) {
                return 130; // interrupted by Ctrl-C while starting: the stop hook reports
            }
        }
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        out.println();
        out.println("FAILED after " + elapsed() + ": " + cause.getMessage());
        if (!(cause instanceof IllegalStateException)) {
            cause.printStackTrace(out);
        }
        out.println("Logs: " + options.runDir().resolve("logs"));
        return 1;
    }

    // ------------------------------------------------------------------ stop

    /** Stops everything that was started, in reverse dependency order. Idempotent; runs as the shutdown hook. */
    void stop() {
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        out.println();
        out.println("Stopping NyStart local stack ...");
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ServiceProcess p : services) {
            stops.add(CompletableFuture.runAsync(() -> {
                int rc = p.stop(Duration.ofSeconds(20));
                tellGuard("forget " + p.pid());
                out.println("  stopped " + p.spec().name() + " (exit " + rc + (rc == 143 ? ", SIGTERM" : "") + ")");
            }));
        }
        stops.forEach(f -> {
            try {
                f.get(40, TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("  could not stop a service: " + e);
            }
        });
        if (keycloak != null) {
            int rc = keycloak.stop(Duration.ofSeconds(20));
            if (!keycloak.isAlive()) {
                tellGuard("forget " + keycloak.pid());
            }
            out.println("  stopped Keycloak (exit " + rc + ")");
        }
        if (broker != null) {
            try {
                broker.stop();
                out.println("  stopped Kafka");
            } catch (RuntimeException e) {
                out.println("  could not stop Kafka: " + e);
            }
        }
        if (postgres != null) {
            try {
                postgres.get(60, TimeUnit.SECONDS).close();
                out.println("  stopped PostgreSQL");
            } catch (ExecutionException notStarted) {
                // it never started
            } catch (InterruptedException | TimeoutException | IOException e) {
                out.println("  could not stop PostgreSQL: " + e + " (the orphan guard will)");
            }
        }
        if (issuer != null) {
            issuer.close();
            out.println("  stopped the dev token issuer");
        }
        boolean allStopped = services.stream().noneMatch(ServiceProcess::isAlive)
                && (keycloak == null || !keycloak.isAlive())
                && (broker == null || !broker.isRunning())
                && (postgres == null || !postgres.isDone() || postgres.isCompletedExceptionally()
                        || OrphanGuard.postmaster(postgres.join().dataDir()).isEmpty());
        if (allStopped) {
            tellGuard("done");
        }
        closeGuard();
        out.printf(Locale.ROOT, "Stopped in %.1f s%s%n", (System.nanoTime() - t0) / 1e9,
                allStopped ? "; nothing left running." : "; the orphan guard cleans up the rest.");
    }

    // ------------------------------------------------------------------ orphan guard

    private void startGuard(Path log) throws IOException {
        String classpath = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                OrphanGuard.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        synchronized (lock) {
            ensureNotStopping();
            guard = pb.start();
            guardInput = guard.getOutputStream();
        }
    }

    private void tellGuard(String line) {
        synchronized (lock) {
            if (guardInput == null) {
                return;
            }
            try {
                guardInput.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                guardInput.flush();
            } catch (IOException e) {
                out.println("  warning: orphan guard unreachable: " + e.getMessage());
            }
        }
    }

    private void closeGuard() {
        Process g;
        synchronized (lock) {
            g = guard;
            if (guardInput != null) {
                try {
                    guardInput.close();
                } catch (IOException ignored) {
                    // gone already
                }
                guardInput = null;
            }
        }
        if (g != null) {
            try {
                if (!g.waitFor(40, TimeUnit.SECONDS)) {
                    g.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void ensureNotStopping() {
        if (stopping) {
            throw new IllegalStateException("stopping");
        }
    }

    /**
     * A private copy of a service's built application ({@code target/quarkus-app}) under the run directory, made
     * of hard links (a plain copy where links are not possible), and the path of its {@code quarkus-run.jar}.
     * A rebuild of the service while the stack runs (a developer's {@code ./mvnw verify} replaces the files in
     * {@code target/quarkus-app}) then does not pull jars away from under the running JVM.
     */
    private Path snapshot(ServiceSpec s, Path apps) throws IOException {
        Path source = s.jar(options.repoRoot()).getParent();
        Path target = apps.resolve(s.name());
        deleteTree(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path t = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    try {
                        Files.createLink(t, f);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(f, t);
                    }
                }
            }
        }
        return target.resolve("quarkus-run.jar");
    }

    private List<String> serviceJvmOptions() {
        String env = System.getenv("NYSTART_SERVICE_JVM_OPTS");
        if (env == null || env.isBlank()) {
            return DEFAULT_SERVICE_JVM_OPTIONS;
        }
        return List.of(env.trim().split("\\s+"));
    }

    private void writeTokensFile(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# DEV ONLY tokens of the NyStart local stack ("
                + (keycloak != null ? "Keycloak " + keycloak.issuer() : "dev token issuer") + ", valid 12 h)\n");
        for (DevUser u : DEV_USERS) {
            sb.append("export ").append(u.tokenVariable()).append('=').append(tokens.get(u.user())).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    ServiceSpec spec(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private void step(String what, String detail) {
        out.printf(Locale.ROOT, "[%6s] ok  %-22s %s%n", elapsed(), what, detail);
    }

    private String elapsed() {
        return String.format(Locale.ROOT, "%.1fs", (System.currentTimeMillis() - startedAtMillis) / 1000.0);
    }

    private static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------ options

    record Options(Path repoRoot, Path runDir, int kafkaPort, int pgPort, int oidcPort, int residents,
            boolean keepData, boolean smoke, int readyTimeoutSeconds, boolean devIssuer, boolean help, long seed,
            boolean freePorts) {

        static final String USAGE = String.join("\n",
                "usage: deploy/local/up [options]      (or: java -cp ... no.nystart.deploy.local.LocalStack [options])",
                "  --repo DIR           repository root (default: current directory)",
                "  --data DIR           run directory: data and logs (default: <repo>/deploy/local/target/run)",
                "  --keep-data          keep Kafka and PostgreSQL data of the last run (default: start fresh)",
                "  --kafka-port N       Kafka broker port (default 9092)",
                "  --pg-port N          preferred PostgreSQL port (default 5432; a free one if taken)",
                "  --oidc-port N        Keycloak (or dev token issuer) port (default 8180)",
                "  --dev-issuer         DEV-ONLY token issuer instead of Keycloak (quicker start, no users)",
                "  --residents N        size of the demo cohort pushed through all services, 0 = none (default 300, at most " + DemoCohort.MAX + ")",
                "  --seed N             seed of the generated cohort (default 20261128)",
                "  --free-ports         free ports for Kafka, PostgreSQL, Keycloak and the services (instead of the fixed ones)",
                "  --ready-timeout S    seconds to wait for Keycloak's and each service's readiness (default 300)",
                "  --smoke              start, push and check the demo data, then stop (exit code 0 = all good)",
                "  -h, --help           this text");

        static Options parse(String[] args) {
            Path repo = Path.of("").toAbsolutePath();
            Path data = null;
            int kafka = 9092;
            int pg = 5432;
            int oidc = 8180;
            int residents = 300;
            long seed = 20261128L;
            boolean freePorts = false;
            int readyTimeout = 300;
            boolean keep = false;
            boolean smoke = false;
            boolean help = false;
            boolean devIssuer = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> help = true;
                    case "--keep-data" -> keep = true;
                    case "--smoke" -> smoke = true;
                    case "--dev-issuer" -> devIssuer = true;
                    case "--repo" -> repo = Path.of(value(args, ++i, a)).toAbsolutePath();
                    case "--data" -> data = Path.of(value(args, ++i, a)).toAbsolutePath();
                    case "--kafka-port" -> kafka = port(value(args, ++i, a));
                    case "--pg-port" -> pg = port(value(args, ++i, a));
                    case "--oidc-port" -> oidc = port(value(args, ++i, a));
                    case "--residents" -> residents = Math.min(DemoCohort.MAX, Integer.parseInt(value(args, ++i, a)));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--free-ports" -> freePorts = true;
                    case "--ready-timeout" -> readyTimeout = Integer.parseInt(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            repo = repo.normalize();
            Path run = (data != null ? data : repo.resolve("deploy/local/target/run")).normalize();
            if (freePorts) {
                kafka = Ports.free();
                pg = Ports.free();
                oidc = Ports.free();
            }
            return new Options(repo, run, kafka, pg, oidc, residents, keep, smoke, readyTimeout, devIssuer, help, seed,
                    freePorts);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            return args[i];
        }

        private static int port(String s) {
            int p = Integer.parseInt(s);
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("bad port " + s);
            }
            return p;
        }
    }
}
