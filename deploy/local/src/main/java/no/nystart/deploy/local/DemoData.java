package no.nystart.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Demo data pushed through the services' public REST API, as a user with the right role would:
 * a few arrivals registered in reception, then a check that each one reached settlement as a case
 * (the {@code ResidentRegistered} event crossed Kafka). Issue 9 replaces this with a full cohort.
 */
final class DemoData {
    /** The reception centres seeded by reception-training's migrations. */
    static final List<UUID> CENTRES = List.of(
            UUID.fromString("0b5f3f7e-2c1d-4e8a-b1f2-9a8c7d6e5f40"),
            UUID.fromString("6a1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"),
            UUID.fromString("9c8b7a69-5847-4362-b1a0-f9e8d7c6b5a4"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** Fictional people: first name, last name, birth date, sex, citizenship, asylum procedure. */
    private static final String[][] PEOPLE = {
        {"Selam", "Tesfay", "1994-03-12", "FEMALE", "ERI", "NORMAL"},
        {"Yonas", "Tesfay", "1991-07-30", "MALE", "ERI", "NORMAL"},
        {"Rania", "Haddad", "1987-11-02", "FEMALE", "SYR", "NORMAL"},
        {"Omid", "Rahimi", "2001-01-19", "MALE", "AFG", "FAST_TRACK"},
        {"Olena", "Kovalenko", "1979-05-25", "FEMALE", "UKR", "NORMAL"},
        {"Abdirahman", "Warsame", "1998-09-08", "MALE", "SOM", "DUBLIN"},
        {"Mariam", "Yousef", "2003-12-24", "FEMALE", "SDN", "NORMAL"},
        {"Dawit", "Gebremedhin", "1985-04-16", "MALE", "ETH", "NORMAL"},
    };

    record Result(int registered, int alreadyPresent, List<UUID> personIds) {
    }

    private DemoData() {
    }

    /** Registers {@code count} residents (at most {@value #MAX}) with a reception-staff token. */
    static Result registerResidents(String receptionBaseUrl, String receptionStaffToken, int count)
            throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        UUID household = UUID.nameUUIDFromBytes("nystart-demo-household-tesfay".getBytes());
        List<UUID> created = new ArrayList<>();
        int already = 0;
        for (int i = 0; i < Math.min(count, MAX); i++) {
            String[] p = PEOPLE[i];
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dufNumber", String.format("%d%08d", today.getYear(), 4711 + i));
            body.put("firstName", p[0]);
            body.put("lastName", p[1]);
            body.put("birthDate", p[2]);
            body.put("sex", p[3]);
            body.put("citizenship", p[4]);
            body.put("receptionCentreId", CENTRES.get(i % CENTRES.size()).toString());
            body.put("registeredOn", today.minusDays(14 - i).toString());
            body.put("householdId", i < 2 ? household.toString() : null); // the first two arrived together
            body.put("asylumProcedure", p[5]);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(receptionBaseUrl + "/api/v1/residents"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + receptionStaffToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                created.add(UUID.fromString(JSON.readTree(response.body()).path("personId").asText()));
            } else if (response.statusCode() == 409) {
                already++; // kept data from an earlier run (--keep-data)
            } else {
                throw new IllegalStateException("POST /api/v1/residents answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
        return new Result(created.size(), already, created);
    }

    static final int MAX = PEOPLE.length;

    /**
     * Waits until settlement lists a case for every person in {@code personIds}; returns the ones
     * still missing after {@code timeout} (empty = all arrived).
     */
    static Set<UUID> awaitSettlementCases(String settlementBaseUrl, String settlementOfficerToken, List<UUID> personIds,
            Duration timeout) throws IOException, InterruptedException {
        Set<UUID> missing = new LinkedHashSet<>(personIds);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!missing.isEmpty()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(settlementBaseUrl + "/api/v1/cases"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + settlementOfficerToken)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/cases answered " + response.statusCode() + ": "
                        + response.body());
            }
            for (JsonNode c : JSON.readTree(response.body())) {
                String personId = c.path("personId").asText("");
                if (!personId.isEmpty()) {
                    missing.remove(UUID.fromString(personId));
                }
            }
            if (missing.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(250);
        }
        return missing;
    }
}
