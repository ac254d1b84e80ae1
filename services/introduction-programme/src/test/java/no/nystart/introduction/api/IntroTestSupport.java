package no.nystart.introduction.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;

/** Shared fixtures of the introduction-programme integration tests: signed tokens, bodies, database reads. */
final class IntroTestSupport {
    static final String OSLO = "0301";
    static final String BERGEN = "4601";

    private IntroTestSupport() {
    }

    static String caseworker(String municipality) {
        return TestInfrastructure.get().tokens().token().user("saksbehandler-" + municipality).roles(Roles.MUNICIPAL_CASEWORKER)
                .claim("municipality", municipality).sign();
    }

    static String token(String role) {
        return TestInfrastructure.get().tokens().token().user("user-" + role).roles(role).sign();
    }

    static Map<String, Object> admission(UUID personId, String municipality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", personId.toString());
        body.put("municipality", municipality);
        body.put("birthDate", "1990-05-05");
        body.put("permitType", "REFUGEE");
        body.put("permitDate", "2025-03-01");
        body.put("settledOn", "2025-06-02");
        body.put("reason", "settled without agreement; admitted by the municipality's decision");
        return body;
    }

    static Map<String, Object> decision(String start, String end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startDate", start);
        body.put("educationLevel", "PRIMARY");
        body.put("finalGoal", "EMPLOYMENT");
        body.put("plannedEndDate", end);
        body.put("weeklyHours", "HOURS_37_5");
        return body;
    }

    static long count(String sql, Object... params) {
        return no.nystart.platform.testing.TestSql.count(sql, params);
    }

    static String text(String sql, Object... params) {
        try (Connection connection = NyStartTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
