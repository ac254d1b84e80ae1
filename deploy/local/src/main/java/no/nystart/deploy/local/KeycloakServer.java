package no.nystart.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} zip from Maven Central, unpacked by the build
 * into {@code deploy/local/target/keycloak}) running as a child process in development mode
 * ({@code kc.sh start-dev}: plain HTTP, embedded H2 database), on 127.0.0.1 only, with the realm
 * {@code nystart} imported from {@code deploy/local/keycloak/nystart-realm.json}.
 *
 * <p>The issuer is pinned with {@code --hostname}, so tokens carry
 * {@code iss = http://127.0.0.1:<port>/realms/nystart} whichever address a client used; that is the
 * issuer the services expect ({@code NYSTART_OIDC_URL}).
 *
 * <p>The H2 database lives in a directory of the caller's choice. Keycloak imports the realm only
 * when the realm does not exist yet, so the database is deleted when the realm file has changed
 * since it was imported (a SHA-256 of the file is kept next to it). A kept database makes a
 * restart much faster: the schema creation and the import are skipped.
 *
 * <p>DEV ONLY: the realm's passwords and client secret are fixed values from the realm file.
 */
final class KeycloakServer implements AutoCloseable {
    static final String REALM = "nystart";
    /** Public client of the staff roles; password grant enabled (dev only). */
    static final String STAFF_CLIENT = "nystart-staff";
    /** Confidential client whose service account holds the role {@code system}. */
    static final String SYSTEM_CLIENT = "nystart-system";
    /** DEV ONLY, as in the realm file. */
    static final String SYSTEM_CLIENT_SECRET = "nystart-system-dev-secret";
    /** DEV ONLY: the password of every demo user in the realm file. */
    static final String DEMO_PASSWORD = "nystart-dev";
    /** DEV ONLY: the temporary admin of the master realm (admin console at /admin). */
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "nystart-admin";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path logFile;

    private final Path hashFile;
    private final String realmHash;

    private KeycloakServer(Process process, int port, Path logFile, Path hashFile, String realmHash) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.hashFile = hashFile;
        this.realmHash = realmHash;
    }

    /** The unpacked distribution of a repository checkout, or a clear error if the build has not unpacked it. */
    static Path distribution(Path repoRoot) {
        Path home = repoRoot.resolve("deploy/local/target/keycloak");
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked: " + home.resolve("bin/kc.sh")
                    + " is missing (run deploy/local/up, whose build unpacks it, or ./mvnw -pl deploy/local generate-resources)");
        }
        return home;
    }

    static Path realmFile(Path repoRoot) {
        return repoRoot.resolve("deploy/local/keycloak/nystart-realm.json");
    }

    /**
     * Starts {@code kc.sh start-dev} and returns at once; {@link #awaitReady} waits for the realm.
     *
     * @param home      the unpacked distribution ({@link #distribution})
     * @param realmFile the realm to import
     * @param dataDir   where the H2 database lives (kept between starts unless the realm file changed)
     * @param port      HTTP port on 127.0.0.1
     * @param logFile   Keycloak's console output
     */
    static KeycloakServer start(Path home, Path realmFile, Path dataDir, int port, Path logFile) throws IOException {
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("realm file " + realmFile + " is missing");
        }
        Files.createDirectories(logFile.getParent());
        String realmHash = sha256(realmFile);
        Path hashFile = dataDir.resolve("realm.sha256");
        if (Files.exists(dataDir) && !(Files.exists(hashFile) && Files.readString(hashFile).trim().equals(realmHash))) {
            deleteTree(dataDir); // a database of another realm file: import the current one afresh
        }
        Files.createDirectories(dataDir);
        // the hash is written once Keycloak is ready (awaitReady): a start stopped half-way through the
        // schema creation or the import leaves no hash, so the next start begins with a fresh database

        // --import-realm reads <home>/data/import; only our realm file is there
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        try (Stream<Path> old = Files.list(importDir)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.copy(realmFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);

        String baseUrl = "http://127.0.0.1:" + port;
        List<String> command = List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--hostname=" + baseUrl,
                "--db=dev-file",
                "--db-url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE",
                "--import-realm");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // kc.sh's default heap is -Xms64m -Xmx512m; a smaller cap and C1-only JIT suit a shared 2-core machine
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("KC_LOG_CONSOLE_COLOR", "false");
        return new KeycloakServer(pb.start(), port, logFile, hashFile, realmHash);
    }

    /** The issuer of the realm, as the services expect it. */
    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /** Polls the realm's discovery document until it answers 200; fails early if Keycloak exits. */
    void awaitReady(Duration timeout) {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + logFile + ":\n" + tail(40));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && issuer().equals(JSON.readTree(r.body()).path("issuer").asText())) {
                    Files.writeString(hashFile, realmHash + "\n"); // the database holds the imported realm now
                    return;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready within " + timeout.toSeconds() + " s (" + last
                        + "). Last lines of " + logFile + ":\n" + tail(40));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
    }

    /** An access token for a demo user by the password grant of the public staff client (dev only). */
    String passwordGrant(String username, String password) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "password", "client_id", STAFF_CLIENT, "username", username,
                "password", password));
    }

    /** An access token of the {@code nystart-system} service account by the client-credentials grant. */
    String clientCredentialsGrant() throws IOException, InterruptedException {
        return token(Map.of("grant_type", "client_credentials", "client_id", SYSTEM_CLIENT,
                "client_secret", SYSTEM_CLIENT_SECRET));
    }

    private String token(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak token endpoint answered " + r.statusCode() + " for "
                    + form.get("grant_type") + " grant (" + form.getOrDefault("username", form.get("client_id")) + "): "
                    + r.body());
        }
        String token = JSON.readTree(r.body()).path("access_token").asText("");
        if (token.isEmpty()) {
            throw new IllegalStateException("Keycloak answered without access_token: " + r.body());
        }
        return token;
    }

    /** The claims of a JWT (payload only, no signature check: for display and tests). */
    static JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
    }

    /**
     * SIGTERM to Keycloak's JVM and to {@code kc.sh} (Quarkus shuts down gracefully), then SIGKILL
     * after {@code grace}. Returns the exit code of {@code kc.sh}, or -1 if it could not be stopped.
     */
    int stop(Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(process.toHandle().descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception timeout) {
                p.destroyForcibly();
            }
        }
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /** The last {@code lines} lines of the log file. */
    String tail(int lines) {
        try (RandomAccessFile raf = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 16_384);
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int start = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, start, all.length));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Users and roles of the realm file, for the printed summary (role -> user). */
    static Map<String, String> demoUsers(Path realmFile) throws IOException {
        Map<String, String> users = new LinkedHashMap<>();
        for (JsonNode u : JSON.readTree(realmFile.toFile()).path("users")) {
            if (u.hasNonNull("serviceAccountClientId")) {
                continue;
            }
            for (JsonNode role : u.path("realmRoles")) {
                users.put(role.asText(), u.path("username").asText());
            }
        }
        return users;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
