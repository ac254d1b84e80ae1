package no.nystart.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.nystart.contracts.EventCatalog;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.platform.testing.ContractSchemas;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole chain on the local stack, started by the launcher's own classes ({@link LocalStack}) on
 * free ports with a fresh data directory under target/: real Kafka, PostgreSQL, Keycloak and the five
 * services as child processes. One person goes through every service by REST, with tokens from the
 * real Keycloak (password grant per demo user, client credentials for the system client); every
 * asynchronous step (Kafka) is polled with a time limit. Then every event on the five topics is read
 * by a county consumer (group {@code county-03-e2e}) from the start and checked against contracts/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTest {
    private static final Path MODULE = Path.of("").toAbsolutePath(); // surefire runs in deploy/local
    private static final Path REPO = MODULE.resolve("../..").normalize();
    private static final Path RUN = MODULE.resolve("target/e2e-run");
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Duration ASYNC = Duration.ofSeconds(90);
    private static final String OSLO_K = "0301";

    /** The rate table the test PUTs for the settlement year (whole kroner, invented test figures). */
    private static final Map<String, Long> RATES = Map.of("AR-1 EV", 250_000L, "AR-1", 200_000L, "AR-1 B", 190_000L,
            "ELDR", 180_000L, "BHT", 30_000L);

    private static LocalStack stack;
    private static final Map<String, String> TOKENS = new HashMap<>();

    // the person and the dates of the story (all in the past relative to today, Europe/Oslo)
    private static final LocalDate TODAY = LocalDate.now(OSLO);
    private static final LocalDate REGISTERED_ON = TODAY.minusDays(130);
    private static final LocalDate PERMIT_ON = TODAY.minusDays(95);
    private static final LocalDate SETTLED_ON = TODAY.minusDays(80);
    private static final int YEAR = SETTLED_ON.getYear();
    private static final LocalDate START = SETTLED_ON.withDayOfMonth(1).plusMonths(1);
    private static final YearMonth MONTH = YearMonth.from(START);
    private static UUID personId;
    private static String dufNumber;

    @BeforeAll
    static void startStack() throws Exception {
        awaitServicesBuilt();
        stack = SharedStack.get(); // shared with the portal's browser tests; stopped when the test JVM exits
        KeycloakServer kc = stack.keycloak();
        for (String user : List.of("rita.resepsjon", "sigurd.bosetting", "maja.saksbehandler", "mons.saksbehandler",
                "finn.okonomi", "gry.tilskudd")) {
            TOKENS.put(user, kc.passwordGrant(user, KeycloakServer.DEMO_PASSWORD));
        }
        TOKENS.put("system", kc.clientCredentialsGrant());
    }

    private static Api api(String service, String user) {
        return new Api(stack.spec(service).baseUrl(), TOKENS.get(user));
    }

    @Test
    @Order(1)
    void one_person_goes_through_every_service() throws Exception {
        Api reception = api("reception-training", "rita.resepsjon");
        Api settlement = api("settlement", "sigurd.bosetting");
        Api intro = api("introduction-programme", "maja.saksbehandler");
        Api adult = api("adult-education", "maja.saksbehandler");
        Api grants = api("grant-accounting", "gry.tilskudd");

        // 1. arrival in reception
        dufNumber = String.format("%d%08d", REGISTERED_ON.getYear(), 90_000_001);
        Map<String, Object> arrival = new LinkedHashMap<>();
        arrival.put("dufNumber", dufNumber);
        arrival.put("firstName", "Eden");
        arrival.put("lastName", "Testperson");
        arrival.put("birthDate", "1990-05-15");
        arrival.put("sex", "FEMALE");
        arrival.put("citizenship", "ERI");
        arrival.put("receptionCentreId", DemoCohort.CENTRES.get(0).toString());
        arrival.put("registeredOn", REGISTERED_ON.toString());
        arrival.put("householdId", null);
        arrival.put("asylumProcedure", "NORMAL");
        personId = UUID.fromString(reception.post("/api/v1/residents", arrival).expect(201).path("personId").asText());
        // ResidentRegistered crossed Kafka: settlement has a case waiting for the permit
        JsonNode waiting = await("settlement case WAITING_FOR_PERMIT", () -> caseOf(settlement, null),
                c -> c != null && c.path("status").asText().equals("WAITING_FOR_PERMIT"));
        String caseId = waiting.path("caseId").asText();

        // 2. mandatory training to completion: integreringsloven § 5 (docs/domain/reception.md#1b) 175 h Norwegian + 25 h social studies
        String sessions = "/api/v1/residents/" + personId + "/training-sessions";
        LocalDate day = REGISTERED_ON.plusDays(1);
        for (int i = 0; i < 22; i++, day = day.plusDays(1)) {
            reception.post(sessions, Map.of("module", "NORWEGIAN", "date", day.toString(), "hours", i < 21 ? 8 : 7)).expect(201);
        }
        LocalDate norwegianCompleted = day.minusDays(1);
        for (int i = 0; i < 4; i++, day = day.plusDays(1)) {
            reception.post(sessions, Map.of("module", "SOCIAL_STUDIES", "date", day.toString(), "hours", i < 3 ? 8 : 1)).expect(201);
        }
        LocalDate socialCompleted = day.minusDays(1);
        JsonNode resident = reception.get("/api/v1/residents/" + personId).expect(200);
        Map<String, JsonNode> modules = new HashMap<>();
        resident.path("training").path("modules").forEach(m -> modules.put(m.path("module").asText(), m));
        assertThat(modules.get("NORWEGIAN").path("requiredHours").asInt()).isEqualTo(175);
        assertThat(modules.get("NORWEGIAN").path("completedOn").asText()).isEqualTo(norwegianCompleted.toString());
        assertThat(modules.get("SOCIAL_STUDIES").path("requiredHours").asInt()).isEqualTo(25);
        assertThat(modules.get("SOCIAL_STUDIES").path("completedOn").asText()).isEqualTo(socialCompleted.toString());
        assertThat(new BigDecimal(modules.get("NORWEGIAN").path("remainingHours").asText())).isZero();

        // 3. residence permit, 4. competence mapping (integreringsloven § 6)
        reception.post("/api/v1/residents/" + personId + "/residence-permit",
                Map.of("permitType", "REFUGEE", "decisionDate", PERMIT_ON.toString())).expect(201);
        reception.put("/api/v1/residents/" + personId + "/competence-mapping", Map.of(
                "mappedOn", PERMIT_ON.plusDays(1).toString(),
                "languages", List.of(Map.of("languageCode", "tir", "proficiency", "NATIVE"),
                        Map.of("languageCode", "eng", "proficiency", "GOOD")),
                "educationLevel", "PRIMARY", "educationYears", 9,
                "workExperience", List.of(Map.of("styrkCode", "5120", "years", 4)),
                "otherCompetence", List.of("DIGITAL_SKILLS"))).expect(201, 200);
        resident = reception.get("/api/v1/residents/" + personId).expect(200);
        assertThat(resident.path("residencePermit").path("decisionDate").asText()).isEqualTo(PERMIT_ON.toString());
        assertThat(resident.path("competenceMappedOn").asText()).isEqualTo(PERMIT_ON.plusDays(1).toString());
        JsonNode ready = await("settlement case READY", () -> caseOf(settlement, caseId),
                c -> c.path("status").asText().equals("READY"));
        assertThat(ready.path("permitType").asText()).isEqualTo("REFUGEE");
        assertThat(ready.path("permitDate").asText()).isEqualTo(PERMIT_ON.toString());

        // 5. the municipality's decision and a matching run: Oslo is the only municipality with room
        settlement.put("/api/v1/municipalities/" + OSLO_K + "/settlement-decisions/" + YEAR, Map.of(
                "requestedTotal", 4, "requestedUnaccompaniedMinors", 0, "decidedTotal", 3,
                "decidedUnaccompaniedMinors", 0, "decidedOn", SETTLED_ON.minusDays(20).toString())).expect(200, 201);
        settlement.post("/api/v1/matching-runs", Map.of("year", YEAR, "timeLimitSeconds", 5)).expect(201);
        JsonNode proposed = caseOf(settlement, caseId);
        assertThat(proposed.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.path("proposedMunicipality").asText()).isEqualTo(OSLO_K);

        // grant-officer puts the rate table of the settlement year (the expected claims are computed from it)
        List<Map<String, Object>> lines = new ArrayList<>();
        RATES.forEach((code, nok) -> lines.add(Map.of("grantCode", code, "amountNok", nok, "source",
                "end-to-end test figure", "verified", false)));
        api("grant-accounting", "gry.tilskudd").put("/api/v1/rate-tables/" + YEAR, Map.of("rates", lines)).expect(200, 201);

        // 6. settlement by agreement in Oslo
        JsonNode settledCases = settlement.post("/api/v1/cases/" + caseId + "/settlement", Map.of("municipality", OSLO_K,
                "settledOn", SETTLED_ON.toString(), "settlementType", "BY_AGREEMENT")).expect(200);
        assertThat(settledCases.get(0).path("status").asText()).isEqualTo("SETTLED");
        assertThat(settledCases.get(0).path("settledMunicipality").asText()).isEqualTo(OSLO_K);
        // reception sees the departure (PersonSettled -> ResidentLeftReception)
        await("resident left reception", () -> reception.get("/api/v1/residents/" + personId).expect(200),
                r -> r.path("leftOn").asText().equals(SETTLED_ON.toString()));

        // 7. the participant exists with its § 12 start deadline: settlement date + 3 months
        JsonNode participant = await("introduction-programme participant",
                () -> intro.get("/api/v1/participants/" + personId), a -> a.status() == 200).json();
        assertThat(participant.path("municipality").asText()).isEqualTo(OSLO_K);
        assertThat(participant.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(participant.path("settledOn").asText()).isEqualTo(SETTLED_ON.toString());
        assertThat(participant.path("startDeadline").asText()).isEqualTo(SETTLED_ON.plusMonths(3).toString());

        // 8. programme start (§ 12 decision, § 13: 12 months, PRIMARY background allows up to 2 years)
        LocalDate plannedEnd = START.plusMonths(12).minusDays(1);
        JsonNode started = intro.post("/api/v1/participants/" + personId + "/programme", Map.of(
                "startDate", START.toString(), "educationLevel", "PRIMARY", "finalGoal", "EMPLOYMENT",
                "plannedEndDate", plannedEnd.toString(), "weeklyHours", "HOURS_37_5")).expect(200);
        assertThat(started.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(started.path("startDate").asText()).isEqualTo(START.toString());

        // 9. a month of attendance (every working day of the first month) with one day of illness (excused)
        //    and half a day of unexcused absence
        BigDecimal planned = new BigDecimal("7.5");
        BigDecimal plannedTotal = BigDecimal.ZERO;
        BigDecimal unexcused = new BigDecimal("3.75");
        int workingDays = 0;
        for (LocalDate d = MONTH.atDay(1); !d.isAfter(MONTH.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            workingDays++;
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("date", d.toString());
            a.put("plannedHours", planned);
            if (workingDays == 3) {
                a.put("attendedHours", BigDecimal.ZERO);
                a.put("absence", Map.of("ILLNESS", planned));
            } else if (workingDays == 7) {
                a.put("attendedHours", planned.subtract(unexcused));
                a.put("absence", Map.of("UNEXCUSED", unexcused));
            } else {
                a.put("attendedHours", planned);
            }
            intro.post("/api/v1/participants/" + personId + "/attendance", a).expect(201, 200);
            plannedTotal = plannedTotal.add(planned);
        }

        // 10. benefit for that month (integreringsloven §§ 20-21, docs/domain/introduction-programme.md#3g), computed by hand:
        //     age 25 or over, full month: 2 G / 12; reduction = gross × unexcused / planned hours, half up
        JsonNode benefit = intro.get("/api/v1/participants/" + personId + "/benefit/" + MONTH).expect(200);
        long g = benefit.path("segments").get(0).path("g").asLong();
        for (JsonNode s : benefit.path("segments")) {
            assertThat(s.path("g").asLong()).as("one G in force for the whole month").isEqualTo(g);
        }
        assertThat(g).as("G of " + MONTH + " (grunnbelop.csv)").isEqualTo(expectedG(MONTH.atDay(1)));
        long gross = BigDecimal.valueOf(2 * g).divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact();
        long reduction = BigDecimal.valueOf(gross).multiply(unexcused).divide(plannedTotal, 0, RoundingMode.HALF_UP)
                .longValueExact();
        assertThat(benefit.path("workingDaysInMonth").asInt()).isEqualTo(workingDays);
        assertThat(benefit.path("programmeWorkingDays").asInt()).isEqualTo(workingDays);
        assertThat(benefit.path("grossKroner").asLong()).isEqualTo(gross);
        assertThat(new BigDecimal(benefit.path("plannedHours").asText())).isEqualByComparingTo(plannedTotal);
        assertThat(new BigDecimal(benefit.path("unexcusedHours").asText())).isEqualByComparingTo(unexcused);
        assertThat(benefit.path("reductionKroner").asLong()).isEqualTo(reduction);
        assertThat(benefit.path("netKroner").asLong()).isEqualTo(gross - reduction);
        assertThat(benefit.path("decisionRequired").asBoolean()).isFalse();

        // 11. learner rights (integreringsloven § 27, docs/domain/adult-education.md#4a/4b): right and duty from the permit date,
        //     3 years with primary-school background, goal B1 in every skill
        JsonNode learner = await("adult-education learner in the programme",
                () -> adult.get("/api/v1/learners/" + personId),
                a -> a.status() == 200 && a.json().path("learner").path("inIntroductionProgramme").asBoolean()).json()
                .path("learner");
        assertThat(learner.path("municipality").asText()).isEqualTo(OSLO_K);
        assertThat(learner.path("entitlement").asText()).isEqualTo("RIGHT_AND_DUTY");
        assertThat(learner.path("educationLevel").asText()).isEqualTo("PRIMARY");
        LocalDate establishedOn = LocalDate.parse(learner.path("establishedOn").asText());
        assertThat(establishedOn).isEqualTo(PERMIT_ON);
        assertThat(learner.path("trainingDeadline").asText()).isEqualTo(establishedOn.plusMonths(36).minusDays(1).toString());
        for (String skill : List.of("reading", "listening", "writing", "oral")) {
            assertThat(learner.path("norwegianGoal").path(skill).asText()).as(skill).isEqualTo("B1");
        }

        // 12. Norwegian test at B1 in every skill: the goal is met; introduction-programme follows the progress
        LocalDate testDate = TODAY.minusDays(10);
        adult.post("/api/v1/learners/" + personId + "/norwegian-tests", Map.of("testType", "NORSKPROVE_A1_B2",
                "testDate", testDate.toString(), "readingLevel", "B1", "listeningLevel", "B1", "writingLevel", "B1",
                "oralLevel", "B1")).expect(201);
        assertThat(adult.get("/api/v1/learners/" + personId).expect(200).path("learner").path("norwegianGoalReachedOn")
                .asText()).isEqualTo(testDate.toString());
        await("Norwegian progress in introduction-programme", () -> intro.get("/api/v1/participants/" + personId).expect(200),
                p -> !p.path("norwegianProgress").isNull() && !p.path("norwegianProgress").asText().isBlank());

        // 13. completion of the programme
        JsonNode completed = intro.post("/api/v1/participants/" + personId + "/completion", Map.of(
                "completedOn", TODAY.minusDays(2).toString(), "outcome", "EMPLOYMENT", "finalGoalReached", true)).expect(200);
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("endedOn").asText()).isEqualTo(TODAY.minusDays(2).toString());

        // 14. the grant ledger: year 1 = calendar year of settlement, paid in full to the settlement municipality
        //     (docs/domain/grants.md#5b); a single adult in a household of one -> AR-1 EV only (docs/domain/grants.md#5a); paid in the
        //     first payout term whose cut-off (04-01, 07-01, 10-01, 12-15) is on or after the settlement date
        JsonNode claims = await("year-1 claims in grant-accounting", () -> grants.get("/api/v1/persons/" + personId + "/claims"),
                a -> a.status() == 200 && a.json().path("claims").size() > 0).json();
        assertThat(claims.path("inTargetGroup").asBoolean()).isTrue();
        assertThat(claims.path("settlementMunicipality").asText()).isEqualTo(OSLO_K);
        // other grants the service may claim (e.g. for training or mapping in reception, Norwegian-training person
        // grants) have no rate in the test's table: they wait as pending, never computed from another table
        for (JsonNode pending : claims.path("pending")) {
            assertThat(RATES).as("pending " + pending).doesNotContainKey(pending.path("grantCode").asText());
        }
        assertThat(claims.path("claims")).as("the ledger entries of the person").hasSize(1);
        JsonNode claim = claims.path("claims").get(0);
        int[] term = payoutTerm(SETTLED_ON);
        assertThat(claim.path("kind").asText()).isEqualTo("CLAIM");
        assertThat(claim.path("municipality").asText()).isEqualTo(OSLO_K);
        assertThat(claim.path("grantCode").asText()).isEqualTo("AR-1 EV");
        assertThat(claim.path("grantYear").asInt()).isEqualTo(YEAR);
        assertThat(claim.path("settlementYearIndex").asInt()).isEqualTo(1);
        assertThat(claim.path("budgetYear").asInt()).isEqualTo(term[0]);
        assertThat(claim.path("payoutQuarter").asInt()).isEqualTo(term[1]);
        assertThat(claim.path("amountNok").asLong()).isEqualTo(RATES.get("AR-1 EV"));
        assertThat(claim.path("rateTableVersion").asText()).startsWith(YEAR + "-");
        assertThat(claims.path("netAmountNok").asLong()).isEqualTo(RATES.get("AR-1 EV"));
        // the municipality's finance officer (claim municipality 0301) sees the same in the statement
        JsonNode statement = api("grant-accounting", "finn.okonomi")
                .get("/api/v1/municipalities/" + OSLO_K + "/statement?year=" + term[0]).expect(200);
        assertThat(statement.path("totalAmountNok").asLong()).isEqualTo(RATES.get("AR-1 EV"));
    }

    @Test
    @Order(2)
    void a_caseworker_of_another_municipality_cannot_read_the_person_and_the_system_role_is_refused() {
        assertThat(personId).as("the chain test ran first").isNotNull();
        Api bergen = api("introduction-programme", "mons.saksbehandler");
        Api.Answer answer = bergen.get("/api/v1/participants/" + personId);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain(OSLO_K).doesNotContain("Testperson");
        // Oslo's caseworker reads the same person
        assertThat(api("introduction-programme", "maja.saksbehandler").get("/api/v1/participants/" + personId).status())
                .isEqualTo(200);
        // Bergen's own list does not hold the person
        assertThat(bergen.getAll("/api/v1/participants").toString()).doesNotContain(personId.toString());
        // the system client's token (client credentials) is a valid token, but the role system reads no person data
        Api.Answer system = api("introduction-programme", "system").get("/api/v1/participants/" + personId);
        assertThat(system.status()).isEqualTo(403);
        // and without a token nothing is answered
        assertThat(new Api(stack.spec("introduction-programme").baseUrl(), null).get("/api/v1/participants/" + personId)
                .status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void a_county_consumer_reads_all_public_topics_and_every_event_validates_against_contracts() throws Exception {
        assertThat(personId).as("the chain test ran first").isNotNull();
        List<String> expectedForPerson = List.of("ResidentRegistered", "MandatoryTrainingCompleted", "ResidencePermitGranted",
                "CompetenceMapped", "SettlementProposed", "PersonSettled", "ResidentLeftReception",
                "IntroductionProgrammeStarted", "IntroductionProgrammeCompleted", "LearnerRightsEstablished",
                "NorwegianTestCompleted", "GrantClaimRegistered");
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "county-03-e2e");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        Map<String, Integer> forPerson = new HashMap<>();
        Map<String, Integer> byTopic = new HashMap<>();
        try (KafkaConsumer<String, byte[]> county = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            county.subscribe(LocalStack.TOPICS);
            long deadline = System.nanoTime() + ASYNC.toNanos();
            while (!forPerson.keySet().containsAll(expectedForPerson) || byTopic.size() < LocalStack.TOPICS.size()) {
                if (System.nanoTime() > deadline) {
                    fail("the county consumer saw " + forPerson + " for the person and records on " + byTopic
                            + " within " + ASYNC.toSeconds() + " s; expected " + expectedForPerson + " on all five topics");
                }
                for (ConsumerRecord<String, byte[]> r : county.poll(Duration.ofMillis(500))) {
                    records.add(r);
                    byTopic.merge(r.topic(), 1, Integer::sum);
                    String type = header(r, "ce_type");
                    String name = EventCatalog.byCeType(type).map(c -> NyStartEvent.typeOf(c).name()).orElse(type);
                    if (personId.toString().equals(r.key()) || personId.toString().equals(header(r, "ce_subject"))) {
                        forPerson.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(byTopic.keySet()).containsExactlyInAnyOrderElementsOf(LocalStack.TOPICS);
        assertThat(forPerson.get("MandatoryTrainingCompleted")).as("one per module").isEqualTo(2);
        assertThat(forPerson.get("PersonSettled")).isEqualTo(1);

        List<String> problems = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            String type = header(r, "ce_type");
            var eventClass = EventCatalog.byCeType(type);
            if (eventClass.isEmpty()) {
                problems.add(r.topic() + "@" + r.offset() + ": unknown ce_type " + type);
                continue;
            }
            EventType et = NyStartEvent.typeOf(eventClass.get());
            if (!et.topic().equals(r.topic())) {
                problems.add(r.topic() + "@" + r.offset() + ": " + type + " belongs on " + et.topic());
            }
            if (!EventType.Attributes.dataSchema(et).equals(header(r, "ce_dataschema"))) {
                problems.add(r.topic() + "@" + r.offset() + ": ce_dataschema " + header(r, "ce_dataschema"));
            }
            for (String required : List.of("ce_id", "ce_source", "ce_specversion", "ce_time")) {
                if (header(r, required) == null) {
                    problems.add(r.topic() + "@" + r.offset() + ": no " + required + " header");
                }
            }
            List<String> errors = ContractSchemas.errors(eventClass.get(), new String(r.value(), StandardCharsets.UTF_8));
            if (!errors.isEmpty()) {
                problems.add(r.topic() + "@" + r.offset() + " " + type + ": " + errors);
            }
            NyStartEvent event = EventJson.read(r.value(), type); // the contract record reads it
            assertThat(event).isInstanceOf(eventClass.get());
        }
        assertThat(problems).as(records.size() + " records checked").isEmpty();
        assertThat(records.size()).isGreaterThanOrEqualTo(expectedForPerson.size());
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode caseOf(Api settlement, String caseId) {
        if (caseId != null) {
            return settlement.get("/api/v1/cases/" + caseId).expect(200).get(0);
        }
        for (JsonNode c : settlement.getAll("/api/v1/cases")) {
            if (c.path("personId").asText().equals(personId.toString())) {
                return c;
            }
        }
        return null;
    }

    /** Polls {@code read} until {@code done} holds, at most {@link #ASYNC}; the step fails with the last value. */
    private static <T> T await(String what, Supplier<T> read, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + ASYNC.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(300);
        }
        return fail(what + " not reached within " + ASYNC.toSeconds() + " s; last: " + last);
    }

    /** The payout term (budget year, quarter) of a year-1 claim: docs/domain/grants.md#5a/5b with the default cut-offs. */
    private static int[] payoutTerm(LocalDate settledOn) {
        List<MonthDay> cutoffs = List.of(MonthDay.of(4, 1), MonthDay.of(7, 1), MonthDay.of(10, 1), MonthDay.of(12, 15));
        MonthDay day = MonthDay.from(settledOn);
        for (int q = 1; q <= 4; q++) {
            if (!day.isAfter(cutoffs.get(q - 1))) {
                return new int[] {settledOn.getYear(), q};
            }
        }
        return new int[] {settledOn.getYear() + 1, 1};
    }

    /** G in force on a day (folketrygdens grunnbeløp, changed every 1 May; 2025 and 2026 unverified in the service's data). */
    private static long expectedG(LocalDate day) {
        Map<Integer, Long> fromMay = Map.of(2023, 118_620L, 2024, 124_028L, 2025, 130_160L, 2026, 136_549L);
        int year = day.getMonthValue() >= 5 ? day.getYear() : day.getYear() - 1;
        Long g = fromMay.get(year);
        if (g == null) {
            g = fromMay.get(fromMay.keySet().stream().max(Comparator.naturalOrder()).orElseThrow());
        }
        return g;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * In a shared checkout another developer's build may be rewriting a service's target/quarkus-app right now:
     * wait (at most 5 minutes) until every service's fast-jar exists and nothing in it changed for 20 s. In CI
     * the reactor has just packaged them, so this returns at once.
     */
    static void awaitServicesBuilt() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            List<String> notReady = new ArrayList<>();
            for (ServiceSpec s : ServiceSpec.ALL) {
                Path jar = s.jar(REPO);
                if (!Files.isRegularFile(jar)) {
                    notReady.add(s.name() + " (no " + jar + ")");
                    continue;
                }
                long newest;
                try (Stream<Path> files = Files.walk(jar.getParent())) {
                    newest = files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
                }
                if (System.currentTimeMillis() - newest < 20_000) {
                    notReady.add(s.name() + " (being rebuilt)");
                }
            }
            if (notReady.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("services not built: " + notReady + "; build them first (see docs/local-stack.md)");
            }
            System.out.println("waiting for the services' build: " + notReady);
            Thread.sleep(5000);
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
    @Test
    @Order(4)
    void the_portal_answers_and_a_demo_user_signs_in_by_the_code_flow() throws Exception {
        String keycloak = stack.keycloak().baseUrl();
        PortalSession rita = new PortalSession("rita.resepsjon", KeycloakServer.DEMO_PASSWORD, stack.portalUrl());
        // before sign-in: the start page answers and offers the sign-in; a page of a role sends to Keycloak
        var start = rita.get("/");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("lang=\"nb\"").contains("/logg-inn").doesNotContain("Logg ut");
        var residents = rita.get("/beboere");
        assertThat(residents.statusCode()).isEqualTo(302);
        assertThat(residents.headers().firstValue("Location").orElse("")).startsWith(keycloak);
        // the code flow with PKCE on Keycloak's own login form, then the portal's pages with the session cookie
        rita.signIn(keycloak);
        assertThat(rita.hasSessionCookie()).isTrue();
        var signedIn = rita.get("/");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("Logg ut").contains("href=\"/beboere\"").doesNotContain("href=\"/bosetting/matching\"");
        var list = rita.get("/beboere");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Beboere");
    }
}
