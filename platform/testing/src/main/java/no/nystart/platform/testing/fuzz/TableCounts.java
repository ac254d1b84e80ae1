package no.nystart.platform.testing.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.nystart.platform.testing.NyStartTestResource;

/**
 * The row count of every table of the service's database (its own tables, {@code nystart_outbox}, {@code nystart_inbox},
 * {@code nystart_read_audit}; not Flyway's history), read in one query over one JDBC connection, for the fuzz suite's
 * check that a refused request wrote nothing.
 */
public final class TableCounts implements Supplier<Map<String, Long>>, AutoCloseable {
    private final Connection connection;
    private final List<String> tables = new ArrayList<>();
    private final String query;

    private TableCounts() {
        try {
            connection = NyStartTestResource.database().connect();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select table_name from information_schema.tables "
                            + "where table_schema = current_schema() and table_type = 'BASE TABLE' "
                            + "and table_name <> 'flyway_schema_history' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables of the service's database", e);
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("the service's database has no tables");
        }
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(select count(*) from \"").append(tables.get(i).replace("\"", "\"\"")).append("\")");
        }
        query = sql.toString();
    }

    /** Counts over the database of the running {@code @QuarkusTest} ({@link NyStartTestResource#database()}). */
    public static TableCounts ofServiceDatabase() {
        return new TableCounts();
    }

    public List<String> tables() {
        return List.copyOf(tables);
    }

    @Override
    public Map<String, Long> get() {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), rs.getLong(i + 1));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a test connection
        }
    }
}
