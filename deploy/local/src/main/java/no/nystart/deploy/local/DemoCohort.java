package no.nystart.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The demo cohort, pushed through the five services' public REST APIs with Keycloak tokens, as the
 * users with those roles would: reference data (settlement decisions and profiles of five
 * municipalities for the current year, a rate table for the current budget year), then a generated
 * cohort of arrivals in households at the seeded reception centres, a few training hours each, a
 * residence permit per household, competence mapping of the adults, a matching run, and the
 * settlement of every proposed household. The rest follows through Kafka: participants in
 * introduction-programme, learners in adult-education, year-1 grant claims in grant-accounting.
 * Each of those is checked against what the settled cases make due, with a time limit.
 *
 * <p>All names, numbers and figures are INVENTED demo data (the rate table repeats the 2024 figures
 * of docs/domain/grants.md#5c–5f for the current year and says so in each line's source).
 */
final class DemoCohort {
    /** A demo municipality: kommunenummer, name, share of the cohort's places, its caseworker in the realm (or null). */
    record Municipality(String number, String name, int sharePercent, String caseworker) {
    }

    static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("0301", "Oslo", 32, "maja.saksbehandler"),
            new Municipality("4601", "Bergen", 22, "mons.saksbehandler"),
            new Municipality("5001", "Trondheim", 18, null),
            new Municipality("1103", "Stavanger", 15, null),
            new Municipality("3301", "Drammen", 13, null));

    /** Year-1 and related rates of the demo table (docs/domain/grants.md#5c–5f, 2024 figures, all unverified). */
    static final Map<String, Long> RATES = rates();

    /** The reception centres seeded by reception-training's migrations (invented names). */
    static final List<UUID> CENTRES = List.of(
            UUID.fromString("0b5f3f7e-2c1d-4e8a-b1f2-9a8c7d6e5f40"),
            UUID.fromString("6a1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"),
            UUID.fromString("9c8b7a69-5847-4362-b1a0-f9e8d7c6b5a4"));

    static final int MAX = 2000;

    private static final String[][] NAMES = {
        // citizenship, language (ISO 639-3), first names (female ...|male ...), last names
        {"ERI", "tir", "Selam Helen Senait Ruth|Yonas Dawit Samuel Tesfay", "Tesfay Gebre Haile Kidane Berhane"},
        {"SYR", "apc", "Rania Lina Huda Nour|Omar Ahmad Khaled Yousef", "Haddad Khalil Nasser Saleh Darwish"},
        {"AFG", "prs", "Mariam Zahra Fatima Parisa|Omid Ali Reza Farid", "Rahimi Ahmadi Karimi Hosseini Sultani"},
        {"SOM", "som", "Hodan Amina Faadumo Sahra|Abdirahman Mohamed Hassan Ali", "Warsame Farah Ahmed Osman Jama"},
        {"SDN", "apd", "Mariam Amal Samira Hiba|Yasir Osman Tarig Mohamed", "Yousef Abdalla Ibrahim Elamin Hamid"},
        {"ETH", "amh", "Hanna Meron Tigist Liya|Dawit Abel Henok Yared", "Gebremedhin Tadesse Bekele Alemu Girma"},
    };
    private static final String[] STYRK = {"5120", "7112", "2221", "9112", "8322", "5322", "7411", "6111", "3112", "5223"};

    record Person(int index, String dufNumber, String firstName, String lastName, LocalDate birthDate, String sex,
            String citizenship, String language, UUID centre, LocalDate registeredOn) {
        boolean adultOn(LocalDate day) {
            return Period.between(birthDate, day).getYears() >= 18;
        }
    }

    record Household(UUID householdId, List<Person> members, String permitType, LocalDate permitDate) {
    }

    /** What the cohort left in each service, for the printed summary. */
    record Summary(int residents, int households, int trainingSessions, int permits, int mappings, String matching,
            Map<String, Integer> settledByMunicipality, Map<String, Integer> participants, Map<String, Integer> learners,
            Map<String, Long> grantsNok, int budgetYear) {
    }

    private final Function<String, Api> services;
    private final Map<String, String> tokens;
    private final BiConsumer<String, String> step;
    private final LocalDate today;
    private final ExecutorService pool = Executors.newFixedThreadPool(6);

    /**
     * @param services a service's API by service name
     * @param tokens   access tokens by demo user name (the system client under its client id)
     * @param step     prints one progress line
     */
    DemoCohort(Function<String, Api> services, Map<String, String> tokens, LocalDate today, BiConsumer<String, String> step) {
        this.services = services;
        this.tokens = tokens;
        this.today = today;
        this.step = step;
    }

    private Api api(String service, String user) {
        return services.apply(service).as(tokens.get(user));
    }

    /** Runs the whole cohort; null when settlement already holds cases (a kept data directory). */
    Summary run(int size, long seed) throws Exception {
        try {
            return doRun(size, seed);
        } finally {
            pool.shutdownNow();
        }
    }

    private Summary doRun(int size, long seed) throws Exception {
        Api settlement = api("settlement", "sigurd.bosetting");
        if (settlement.get("/api/v1/cases?limit=1").expect(200).size() > 0) {
            step.accept("demo data", "settlement already holds cases (--keep-data): no new cohort");
            return null;
        }
        int year = today.getYear();
        referenceData(year, size);

        List<Household> households = generate(size, new Random(seed));
        List<Person> persons = households.stream().flatMap(h -> h.members().stream()).toList();
        Api reception = api("reception-training", "rita.resepsjon");
        Map<Integer, UUID> personIds = new java.util.concurrent.ConcurrentHashMap<>();
        parallel(households, h -> {
            for (Person p : h.members()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("dufNumber", p.dufNumber());
                body.put("firstName", p.firstName());
                body.put("lastName", p.lastName());
                body.put("birthDate", p.birthDate().toString());
                body.put("sex", p.sex());
                body.put("citizenship", p.citizenship());
                body.put("receptionCentreId", p.centre().toString());
                body.put("registeredOn", p.registeredOn().toString());
                body.put("householdId", h.members().size() > 1 ? h.householdId().toString() : null);
                body.put("asylumProcedure", "NORMAL");
                JsonNode created = reception.post("/api/v1/residents", body).expect(201);
                personIds.put(p.index(), UUID.fromString(created.path("personId").asText()));
            }
        });
        step.accept("demo arrivals", persons.size() + " residents in " + households.size()
                + " households registered (POST /api/v1/residents, reception-staff)");

        AtomicInteger sessions = new AtomicInteger();
        parallel(persons.stream().filter(p -> p.adultOn(p.registeredOn())).toList(), p -> {
            String path = "/api/v1/residents/" + personIds.get(p.index()) + "/training-sessions";
            // one session each keeps the start short; the end-to-end test takes one person to completion
            reception.post(path, Map.of("module", p.index() % 3 == 0 ? "SOCIAL_STUDIES" : "NORWEGIAN",
                    "date", p.registeredOn().plusDays(1).toString(), "hours", 7.5)).expect(201);
            sessions.incrementAndGet();
        });
        step.accept("demo training", sessions.get() + " sessions of mandatory training in reception (integreringsloven § 5)");

        AtomicInteger permits = new AtomicInteger();
        parallel(households, h -> {
            for (Person p : h.members()) {
                reception.post("/api/v1/residents/" + personIds.get(p.index()) + "/residence-permit",
                        Map.of("permitType", h.permitType(), "decisionDate", h.permitDate().toString())).expect(201, 200);
                permits.incrementAndGet();
            }
        });
        step.accept("demo permits", permits.get() + " residence permits (REFUGEE/HUMANITARIAN)");

        AtomicInteger mappings = new AtomicInteger();
        List<Object[]> adults = new ArrayList<>();
        for (Household h : households) {
            for (Person p : h.members()) {
                if (p.adultOn(h.permitDate())) {
                    adults.add(new Object[] {p, h});
                }
            }
        }
        parallel(adults, a -> {
            Person p = (Person) a[0];
            Household h = (Household) a[1];
            Random r = new Random(seed * 31 + p.index());
            String[] levels = {"NO_COMPLETED_PRIMARY", "PRIMARY", "UPPER_SECONDARY", "HIGHER"};
            int level = r.nextInt(levels.length);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("mappedOn", h.permitDate().plusDays(2).toString());
            body.put("languages", List.of(Map.of("languageCode", p.language(), "proficiency", "NATIVE"),
                    Map.of("languageCode", "eng", "proficiency", r.nextBoolean() ? "BASIC" : "GOOD")));
            body.put("educationLevel", levels[level]);
            body.put("educationYears", new int[] {3, 9, 12, 16}[level]);
            body.put("workExperience", List.of(Map.of("styrkCode", STYRK[r.nextInt(STYRK.length)], "years", 1 + r.nextInt(10))));
            body.put("otherCompetence", r.nextBoolean() ? List.of("DRIVING_LICENCE") : List.of("DIGITAL_SKILLS"));
            reception.put("/api/v1/residents/" + personIds.get(p.index()) + "/competence-mapping", body).expect(201, 200);
            mappings.incrementAndGet();
        });
        step.accept("demo mapping", mappings.get() + " competence mappings of adults (integreringsloven § 6)");

        awaitCount(() -> settlement.getAll("/api/v1/cases?status=READY").size(), persons.size(), 90,
                "settlement cases READY (permits through reception.events.v1)");
        step.accept("demo cases READY", persons.size() + " cases ready for settlement in settlement");

        JsonNode report = settlement.post("/api/v1/matching-runs", Map.of("year", year, "timeLimitSeconds", 10)).expect(201, 200);
        String matching = report.path("status").asText("?") + ", objective " + report.path("objective").asText("?")
                + ", greedy " + report.path("greedyObjective").asText("?") + ", " + report.path("solveMillis").asText("?") + " ms";
        JsonNode proposed = settlement.getAll("/api/v1/cases?status=PROPOSED");
        step.accept("demo matching", proposed.size() + " persons proposed (POST /api/v1/matching-runs: " + matching + ")");

        Map<String, JsonNode> byHousehold = new LinkedHashMap<>();
        for (JsonNode c : proposed) {
            byHousehold.putIfAbsent(c.path("householdId").asText(), c);
        }
        parallel(new ArrayList<>(byHousehold.values()), c -> settlement.post("/api/v1/cases/" + c.path("caseId").asText()
                + "/settlement", Map.of("municipality", c.path("proposedMunicipality").asText(),
                        "settledOn", today.toString(), "settlementType", "BY_AGREEMENT")).expect(200));
        JsonNode settled = settlement.getAll("/api/v1/cases?status=SETTLED");
        Map<String, Integer> settledBy = new TreeMap<>();
        settled.forEach(c -> settledBy.merge(c.path("settledMunicipality").asText(), 1, Integer::sum));
        step.accept("demo settlement", settled.size() + " persons in " + byHousehold.size() + " households settled "
                + settledBy + " (POST /api/v1/cases/{id}/settlement)");

        // what the settled cases make due downstream
        Map<String, Integer> householdSize = new LinkedHashMap<>();
        settled.forEach(c -> householdSize.merge(c.path("householdId").asText(), 1, Integer::sum));
        Map<String, Integer> expectedParticipants = new TreeMap<>();
        Map<String, Integer> expectedLearners = new TreeMap<>();
        Map<String, Long> expectedGrants = new TreeMap<>();
        for (JsonNode c : settled) {
            String k = c.path("settledMunicipality").asText();
            LocalDate birth = LocalDate.parse(c.path("birthDate").asText());
            int ageAtPermit = Period.between(birth, LocalDate.parse(c.path("permitDate").asText())).getYears();
            // integreringsloven § 8 (docs/domain/introduction-programme.md#3a): 18-55 at the permit date, settled by agreement
            if (ageAtPermit >= 18 && ageAtPermit <= 55) {
                expectedParticipants.merge(k, 1, Integer::sum);
            }
            // integreringsloven §§ 26-27 (docs/domain/adult-education.md#4a): 18-67 at the permit date
            if (ageAtPermit >= 18 && ageAtPermit <= 67) {
                expectedLearners.merge(k, 1, Integer::sum);
            }
            expectedGrants.merge(k, yearOneNok(birth, today, householdSize.get(c.path("householdId").asText())), Long::sum);
        }
        int budgetYear = MonthDay.from(today).isAfter(MonthDay.of(12, 15)) ? year + 1 : year; // docs/domain/grants.md#5a payout terms

        Map<String, Integer> participants = new TreeMap<>();
        Map<String, Integer> learners = new TreeMap<>();
        for (Municipality m : MUNICIPALITIES) {
            if (m.caseworker() == null) {
                continue;
            }
            Api intro = api("introduction-programme", m.caseworker());
            Api adult = api("adult-education", m.caseworker());
            int wantP = expectedParticipants.getOrDefault(m.number(), 0);
            int wantL = expectedLearners.getOrDefault(m.number(), 0);
            participants.put(m.number(), awaitCount(() -> intro.getAll("/api/v1/participants").size(), wantP, 60,
                    "introduction-programme participants in " + m.number()));
            learners.put(m.number(), awaitCount(() -> adult.getAll("/api/v1/learners").size(), wantL, 60,
                    "adult-education learners in " + m.number()));
        }
        step.accept("demo programme", "participants " + participants + " (PersonSettled -> introduction-programme)");
        step.accept("demo learners", "learners " + learners + " (PersonSettled -> adult-education)");

        Api grants = api("grant-accounting", "gry.tilskudd");
        Map<String, Long> grantTotals = new TreeMap<>();
        for (Map.Entry<String, Long> e : expectedGrants.entrySet()) {
            String path = "/api/v1/municipalities/" + e.getKey() + "/statement?year=" + budgetYear;
            grantTotals.put(e.getKey(), awaitAmount(() -> grants.get(path).expect(200).path("totalAmountNok").asLong(),
                    e.getValue(), 60, "grant-accounting statement of " + e.getKey()));
        }
        step.accept("demo grants", "year-1 claims (kr) " + grantTotals + " (PersonSettled -> grant-accounting, budget year "
                + budgetYear + ")");
        return new Summary(persons.size(), households.size(), sessions.get(), permits.get(), mappings.get(), matching,
                settledBy, participants, learners, grantTotals, budgetYear);
    }

    /** Year-1 claims of one settled person (docs/domain/grants.md#5a/5b) from the demo rate table. */
    static long yearOneNok(LocalDate birth, LocalDate settledOn, int householdSize) {
        int age = Period.between(birth, settledOn).getYears();
        long nok = age < 18 ? RATES.get("AR-1 B") : householdSize == 1 ? RATES.get("AR-1 EV") : RATES.get("AR-1");
        if (age >= 60) {
            nok += RATES.get("ELDR");
        }
        if (age <= 5) {
            nok += RATES.get("BHT");
        }
        return nok;
    }

    private void referenceData(int year, int size) {
        Api settlement = api("settlement", "sigurd.bosetting");
        for (Municipality m : MUNICIPALITIES) {
            int places = (int) Math.ceil(size * m.sharePercent() / 100.0 * 1.1) + 4;
            settlement.put("/api/v1/municipalities/" + m.number() + "/settlement-decisions/" + year, Map.of(
                    "requestedTotal", places, "requestedUnaccompaniedMinors", 0,
                    "decidedTotal", places, "decidedUnaccompaniedMinors", 0,
                    "decidedOn", today.minusDays(30).toString())).expect(200, 201);
            Random r = new Random(Integer.parseInt(m.number()));
            List<Integer> demand = new ArrayList<>();
            for (int g = 0; g < 10; g++) {
                demand.add(100 + r.nextInt(800));
            }
            settlement.put("/api/v1/municipalities/" + m.number() + "/profile", Map.of("labourDemand", demand,
                    "resultRatePermille", 450 + r.nextInt(300), "immigrantSharePermille", 80 + r.nextInt(250))).expect(200, 201);
        }
        step.accept("demo decisions", MUNICIPALITIES.size() + " settlement decisions for " + year + " and profiles "
                + MUNICIPALITIES.stream().map(m -> m.number() + " " + m.name()).toList() + " (settlement-officer)");
        List<Map<String, Object>> lines = new ArrayList<>();
        RATES.forEach((code, nok) -> lines.add(Map.of("grantCode", code, "amountNok", nok, "source",
                "DEMO ONLY: the 2024 figure of docs/domain/grants.md#5c–5f repeated for " + year + ", not a real " + year + " rate",
                "verified", false)));
        JsonNode table = api("grant-accounting", "gry.tilskudd").put("/api/v1/rate-tables/" + year, Map.of("rates", lines))
                .expect(200, 201);
        step.accept("demo rate table", year + " version " + table.path("version").asText() + ", " + lines.size()
                + " rates (PUT /api/v1/rate-tables/" + year + ", grant-officer)");
    }

    /** Households of 1..5 persons; every household has an adult; one permit type and date per household. */
    private List<Household> generate(int size, Random r) {
        List<Household> households = new ArrayList<>();
        int index = 0;
        while (index < size) {
            int left = size - index;
            double d = r.nextDouble();
            int n = Math.min(left, d < 0.4 ? 1 : d < 0.55 ? 2 : d < 0.7 ? 3 : d < 0.85 ? 4 : 5);
            String[] names = NAMES[r.nextInt(NAMES.length)];
            String[] female = names[2].split("\\|")[0].split(" ");
            String[] male = names[2].split("\\|")[1].split(" ");
            String[] last = names[3].split(" ");
            String lastName = last[r.nextInt(last.length)];
            LocalDate registeredOn = today.minusDays(60 + r.nextInt(41));
            UUID centre = CENTRES.get(r.nextInt(CENTRES.size()));
            int adults = n == 1 ? 1 : n == 2 ? 1 + r.nextInt(2) : 2;
            List<Person> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean adult = i < adults;
                int age = adult ? 19 + r.nextInt(36) : r.nextInt(16);
                LocalDate birth = registeredOn.minusYears(age).minusDays(1 + r.nextInt(300));
                boolean woman = adult ? (i == 0 ? r.nextBoolean() : true) : r.nextBoolean();
                String[] firsts = woman ? female : male;
                members.add(new Person(index, String.format(Locale.ROOT, "%d%08d", registeredOn.getYear(), 4000 + index),
                        firsts[r.nextInt(firsts.length)], lastName, birth, woman ? "FEMALE" : "MALE", names[0], names[1],
                        centre, registeredOn));
                index++;
            }
            String permit = r.nextInt(100) < 85 ? "REFUGEE" : "HUMANITARIAN";
            LocalDate permitDate = registeredOn.plusDays(21 + r.nextInt(15));
            households.add(new Household(UUID.nameUUIDFromBytes(("nystart-demo-household-" + r.nextLong()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    members, permit, permitDate));
        }
        return households;
    }

    private <T> void parallel(List<T> items, Consumer<T> action) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> action.accept(item)));
        }
        Exception first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof Exception ex ? ex : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    interface Count {
        long get() throws Exception;
    }

    /** Polls until the count reaches {@code expected}; fails with the last count after {@code seconds}. */
    private static int awaitCount(Count count, int expected, int seconds, String what) throws Exception {
        return (int) awaitAmount(count, expected, seconds, what);
    }

    private static long awaitAmount(Count count, long expected, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long last;
        while (true) {
            last = count.get();
            if (last == expected) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": " + last + " after " + seconds + " s, expected " + expected);
            }
            Thread.sleep(300);
        }
    }

    private static Map<String, Long> rates() {
        Map<String, Long> r = new LinkedHashMap<>();
        r.put("AR-1 EV", 241_100L);
        r.put("AR-1", 194_400L);
        r.put("AR-1 B", 194_400L);
        r.put("ELDR", 180_600L);
        r.put("BHT", 27_800L);
        r.put("EMINB", 1_118_000L);
        r.put("EMINU", 705_000L);
        r.put("FHT1", 196_400L);
        r.put("FHT2", 1_608_000L);
        r.put("P37D-AR1", 48_400L);
        return java.util.Collections.unmodifiableMap(r);
    }
}
