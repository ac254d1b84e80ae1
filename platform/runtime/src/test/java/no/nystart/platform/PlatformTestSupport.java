package no.nystart.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.Sex;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.platform.testing.NyStartTestResource;

public final class PlatformTestSupport {
    private PlatformTestSupport() {
    }

    public static ResidentRegistered event(UUID personId) {
        return new ResidentRegistered(personId, UUID.randomUUID(), "0301", LocalDate.of(2026, 1, 5),
                LocalDate.of(1988, 4, 2), Sex.FEMALE, "AFG", null, AsylumProcedure.NORMAL);
    }

    public static long count(String sql, Object... params) {
        try (Connection connection = NyStartTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql, Object... params) {
        try (Connection connection = NyStartTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
