package no.nystart.grants.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.Topics;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.contracts.settlement.SettlementType;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.CloudEventRecords;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;

/** Fixtures of the grant-accounting integration tests: the test rate table, events, tokens, database sums. */
final class GrantTestSupport {
    /** The hand-computation rate table, the same for every test budget year 2031-2037. */
    static final Map<String, Long> TEST_RATES = new LinkedHashMap<>();

    static {
        TEST_RATES.put("AR-1 EV", 200_000L);
        TEST_RATES.put("AR-1", 180_000L);
        TEST_RATES.put("AR-1 B", 170_000L);
        TEST_RATES.put("ELDR", 150_000L);
        TEST_RATES.put("BHT", 30_000L);
        TEST_RATES.put("AR-2", 120_000L);
        TEST_RATES.put("AR-3", 100_002L);
        TEST_RATES.put("AR-4", 80_000L);
        TEST_RATES.put("AR-5", 60_000L);
        TEST_RATES.put("EMINB", 1_000_000L);
        TEST_RATES.put("EMINU", 700_000L);
        TEST_RATES.put("P-AR1-H", 30_000L);
        TEST_RATES.put("P-AR2-H", 60_000L);
        TEST_RATES.put("P-AR3-H", 45_000L);
        TEST_RATES.put("P-AR1-L", 13_000L);
        TEST_RATES.put("P-AR2-L", 24_000L);
        TEST_RATES.put("P-AR3-L", 15_000L);
        TEST_RATES.put("P37D-AR1", 48_000L);
        TEST_RATES.put("NYSTART-MOTTAK-OPPL", 18_000L);
        TEST_RATES.put("NYSTART-MOTTAK-KART", 1_300L);
    }

    private static boolean ratesInstalled;

    private GrantTestSupport() {
    }

    static String officer() {
        return TestInfrastructure.get().tokens().token().user("imdi-tilskudd").roles(Roles.GRANT_OFFICER).sign();
    }

    static String finance(String municipality) {
        return TestInfrastructure.get().tokens().token().user("okonomi-" + municipality).roles(Roles.MUNICIPAL_FINANCE)
                .claim("municipality", municipality).sign();
    }

    static String caseworker(String municipality) {
        return TestInfrastructure.get().tokens().token().user("saksbehandler").roles(Roles.MUNICIPAL_CASEWORKER)
                .claim("municipality", municipality).sign();
    }

    static Map<String, Object> rateTableBody(Map<String, Long> rates) {
        List<Map<String, Object>> lines = new ArrayList<>();
        rates.forEach((code, amount) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("grantCode", code);
            line.put("amountNok", amount);
            line.put("source", "test rate table for hand-computed examples");
            line.put("verified", true);
            lines.add(line);
        });
        return Map.of("rates", lines);
    }

    static synchronized void installTestRates() {
        if (ratesInstalled) {
            return;
        }
        for (int year = 2031; year <= 2037; year++) {
            given().auth().oauth2(officer()).contentType(ContentType.JSON).body(rateTableBody(TEST_RATES))
                    .when().put("/api/v1/rate-tables/" + year).then().statusCode(200);
        }
        ratesInstalled = true;
    }

    static PersonSettled settled(UUID personId, LocalDate birthDate, int householdSize, boolean unaccompanied,
            String municipality, LocalDate settledOn, PermitType permit, UUID householdId) {
        return new PersonSettled(personId, birthDate, Sex.FEMALE, "SYR", permit, settledOn.minusMonths(2),
                Regime.INTEGRERINGSLOVEN, ArrivalRoute.ASYLUM, unaccompanied, householdId, householdSize,
                SettlementType.BY_AGREEMENT, municipality, settledOn);
    }

    static PersonSettled settled(LocalDate birthDate, int householdSize, String municipality, LocalDate settledOn) {
        return settled(UUID.randomUUID(), birthDate, householdSize, false, municipality, settledOn, PermitType.REFUGEE,
                UUID.randomUUID());
    }

    /** Publishes to partition 0, so a later record being processed proves the earlier ones were. */
    static void publish(NyStartEvent event, String eventId) {
        TestInfrastructure.get().kafka().send(Topics.SETTLEMENT, 0, event.key(), CloudEventRecords.headers(event, eventId),
                EventJson.write(event));
    }

    /** Publishes to partition 0 of the event's own topic (reception, adult education, settlement). */
    static void publishOwn(NyStartEvent event, String eventId) {
        TestInfrastructure.get().kafka().send(NyStartEvent.typeOf(event.getClass()).topic(), 0, event.key(),
                CloudEventRecords.headers(event, eventId), EventJson.write(event));
    }

    static String publishOwn(NyStartEvent event) {
        String id = UUID.randomUUID().toString();
        publishOwn(event, id);
        return id;
    }

    /** Waits until the inbox of grant-accounting has processed the event with this ce_id. */
    static void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> count("select count(*) from nystart_inbox where consumer_group = 'grant-accounting' and event_id = ?",
                        eventId) == 1);
    }

    static String publish(NyStartEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    static void awaitPerson(UUID personId) {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> count("select count(*) from person_basis where person_id = ?", personId) == 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // say why when the event was dead-lettered
            StringBuilder why = new StringBuilder("person " + personId + " not settled within 90 s");
            for (var record : TestInfrastructure.get().kafka().readAll(Topics.SETTLEMENT + Topics.DLQ_INFIX + "grant-accounting",
                    Duration.ofSeconds(5))) {
                if (personId.toString().equals(record.key())) {
                    record.headers().forEach(h -> why.append("; ").append(h.key()).append('=')
                            .append(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
            throw new AssertionError(why.toString(), e);
        }
    }

    static void annualRuns(int from, int to) {
        for (int year = from; year <= to; year++) {
            given().auth().oauth2(officer()).when().post("/api/v1/annual-runs/" + year).then().statusCode(200);
        }
    }

    /** Net ledger amount of a municipality in a budget year. */
    static long net(String municipality, int budgetYear) {
        return count("select coalesce(sum(amount_nok), 0) from ledger_entry where municipality = ? and budget_year = ?",
                municipality, budgetYear);
    }

    static long count(String sql, Object... params) {
        return no.nystart.platform.testing.TestSql.count(sql, params);
    }

    /** Rows of a query as "col1|col2|…" strings, in query order. */
    static List<String> rows(String sql, Object... params) {
        try (Connection connection = NyStartTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        if (c > 1) {
                            sb.append('|');
                        }
                        sb.append(rs.getString(c));
                    }
                    rows.add(sb.toString());
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection connection = NyStartTestResource.database().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
