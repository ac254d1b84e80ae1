package no.nystart.reception.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;

/** Shared fixtures of the reception-training tests: tokens, request bodies, database counts. */
final class ReceptionTestSupport {
    static final String FJORDLYS = "0b5f3f7e-2c1d-4e8a-b1f2-9a8c7d6e5f40";
    static final String NORDLYS = "6a1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    private ReceptionTestSupport() {
    }

    static String staffToken() {
        return TestInfrastructure.get().tokens().token().user("mottak-ansatt").roles(Roles.RECEPTION_STAFF).sign();
    }

    static String token(String... roles) {
        return TestInfrastructure.get().tokens().token().user("user-" + String.join("-", roles)).roles(roles).sign();
    }

    /** A DUF number no other test uses: application year 2024 and eight random digits. */
    static String newDufNumber() {
        return "2024" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Map<String, Object> arrival(String dufNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dufNumber", dufNumber);
        body.put("firstName", "Amina");
        body.put("lastName", "Haile");
        body.put("birthDate", "1994-07-15");
        body.put("sex", "FEMALE");
        body.put("citizenship", "ERI");
        body.put("receptionCentreId", FJORDLYS);
        body.put("registeredOn", LocalDate.now().minusDays(3).toString());
        body.put("householdId", null);
        body.put("asylumProcedure", "NORMAL");
        return body;
    }

    static long count(String sql, Object... params) {
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

    static void execute(String sql) {
        try (Connection connection = NyStartTestResource.database().connect()) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
