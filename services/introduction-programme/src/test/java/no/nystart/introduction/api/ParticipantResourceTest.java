package no.nystart.introduction.api;

import static io.restassured.RestAssured.given;
import static no.nystart.introduction.api.IntroTestSupport.BERGEN;
import static no.nystart.introduction.api.IntroTestSupport.OSLO;
import static no.nystart.introduction.api.IntroTestSupport.admission;
import static no.nystart.introduction.api.IntroTestSupport.caseworker;
import static no.nystart.introduction.api.IntroTestSupport.count;
import static no.nystart.introduction.api.IntroTestSupport.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Topics;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.contracts.introduction.IntroductionProgrammeCompleted;
import no.nystart.contracts.introduction.IntroductionProgrammePaused;
import no.nystart.contracts.introduction.IntroductionProgrammeResumed;
import no.nystart.contracts.introduction.IntroductionProgrammeStarted;
import no.nystart.contracts.introduction.PauseReason;
import no.nystart.contracts.introduction.ProgrammeOutcome;
import no.nystart.contracts.introduction.WeeklyHours;
import no.nystart.platform.security.Roles;
import no.nystart.platform.testing.ContractSchemas;
import no.nystart.platform.testing.KafkaTestClient;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "introduction_test"))
class ParticipantResourceTest {
    private static final String PROBLEM = "application/problem+json";

    private static UUID admit(String municipality) {
        UUID id = UUID.randomUUID();
        given().auth().oauth2(caseworker(municipality)).contentType(ContentType.JSON).body(admission(id, municipality))
                .when().post("/api/v1/participants")
                .then().statusCode(201).body("admission", equalTo("DECISION")).body("regime", equalTo("INTEGRERINGSLOVEN"))
                .body("startDeadline", equalTo("2025-09-02"));
        return id;
    }

    private static <E extends NyStartEvent> E awaitEvent(UUID personId, String name, Class<E> type) {
        String ceType = EventType.Attributes.ceType(NyStartEvent.typeOf(type));
        assertThat(ceType).contains(name);
        ConsumerRecord<String, byte[]> r = TestInfrastructure.get().kafka().awaitRecord(Topics.INTRODUCTION,
                rec -> personId.toString().equals(rec.key()) && ceType.equals(KafkaTestClient.header(rec, "ce_type")), Duration.ofSeconds(60));
        assertThat(KafkaTestClient.header(r, "ce_dataschema")).endsWith("/" + type.getSimpleName() + ".schema.json");
        assertThat(ContractSchemas.errors(type, KafkaTestClient.text(r.value()))).isEmpty();
        return EventJson.read(r.value(), type);
    }

    @Test
    void section_8_admission_by_decision_needs_a_reason_and_writes_nothing_without_it() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = admission(id, OSLO);
        body.put("reason", " ");
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/participants")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("reason")).body("violations.rule", hasItem("integreringsloven-8.admission-reason"));
        assertThat(count("select count(*) from participant where person_id = ?", id)).isZero();

        admit(OSLO);
    }

    @Test
    void sections_12_13_decision_too_short_is_422_and_nothing_changes_then_a_valid_decision_publishes_IntroductionProgrammeStarted() {
        UUID id = admit(OSLO);
        // § 13: 3 months from 2025-07-01 ends 2025-09-30; 2025-09-29 is 3 months minus a day
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(decision("2025-07-01", "2025-09-29"))
                .when().post("/api/v1/participants/{id}/programme", id)
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("plannedEndDate")).body("violations[0].rule", equalTo("integreringsloven-13.min-length"));
        assertThat(IntroTestSupport.text("select status from participant where person_id = ?", id)).isEqualTo("REGISTERED");
        assertThat(count("select count(*) from nystart_outbox where record_key = ?", id.toString())).isZero();

        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(decision("2025-07-01", "2027-06-30"))
                .when().post("/api/v1/participants/{id}/programme", id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        IntroductionProgrammeStarted started = awaitEvent(id, "IntroductionProgrammeStarted", IntroductionProgrammeStarted.class);
        assertThat(started).isEqualTo(new IntroductionProgrammeStarted(id, OSLO, Regime.INTEGRERINGSLOVEN, java.time.LocalDate.of(2025, 7, 1),
                java.time.LocalDate.of(2027, 6, 30), FinalGoal.EMPLOYMENT, EducationLevel.PRIMARY, WeeklyHours.HOURS_37_5));

        // a second § 12 decision → 409
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(decision("2025-07-01", "2027-06-30"))
                .when().post("/api/v1/participants/{id}/programme", id)
                .then().statusCode(409).contentType(PROBLEM).body("violations[0].rule", equalTo("integreringsloven-12.one-decision"));
    }

    @Test
    void section_12_start_after_the_deadline_without_a_reason_is_422() {
        UUID id = admit(OSLO);
        // settled 2025-06-02 → deadline 2025-09-02
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(decision("2025-09-03", "2026-09-02"))
                .when().post("/api/v1/participants/{id}/programme", id)
                .then().statusCode(422).body("violations[0].rule", equalTo("integreringsloven-12.start-deadline"));
        Map<String, Object> late = decision("2025-09-03", "2026-09-02");
        late.put("lateStartReason", "no place in Norwegian class before September");
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(late)
                .when().post("/api/v1/participants/{id}/programme", id)
                .then().statusCode(200).body("lateStartReason", equalTo("no place in Norwegian class before September"));
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/participants/{id}/history", id)
                .then().statusCode(200).body("detail", hasItem(containsString("LATE START")));
    }

    @Test
    void sections_15_16_a_plan_missing_livsmestring_is_rejected_with_the_rule_named_and_not_stored() {
        UUID id = admit(OSLO);
        Map<String, Object> plan = new java.util.LinkedHashMap<>();
        plan.put("finalGoal", "EMPLOYMENT");
        plan.put("norwegianGoal", Map.of("reading", "B1", "listening", "B1", "writing", "A2", "oral", "B1"));
        plan.put("elements", List.of("NORWEGIAN_AND_SOCIAL_STUDIES", "WORK_ORIENTED"));
        plan.put("longTermGoal", "work as an electrician");
        plan.put("mutualObligations", "the municipality provides the programme; the participant attends");
        plan.put("agreedOn", "2025-07-01");
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(plan)
                .when().put("/api/v1/participants/{id}/plan", id)
                .then().statusCode(422).contentType(PROBLEM)
                .body("violations.rule", hasItem("integreringsforskriften-2.mandatory.life-skills"));
        assertThat(count("select count(*) from integration_plan where person_id = ?", id)).isZero();

        plan.put("elements", List.of("NORWEGIAN_AND_SOCIAL_STUDIES", "WORK_ORIENTED", "LIFE_SKILLS_IN_A_NEW_COUNTRY"));
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(plan)
                .when().put("/api/v1/participants/{id}/plan", id)
                .then().statusCode(200).body("norwegianGoal.writing", equalTo("A2"));
    }

    @Test
    void sections_20_21_attendance_benefit_pause_resume_completion_and_certificate() {
        UUID id = admit(OSLO);
        String token = caseworker(OSLO);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(decision("2025-07-01", "2027-06-30"))
                .when().post("/api/v1/participants/{id}/programme", id).then().statusCode(200);

        // hours that do not add up → 422, nothing written
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2025-07-01", "plannedHours", 7.5, "attendedHours", 3.75, "absence", Map.of("UNEXCUSED", 3)))
                .when().post("/api/v1/participants/{id}/attendance", id)
                .then().statusCode(422).contentType(PROBLEM).body("violations[0].rule", equalTo("attendance.hours-add-up"));
        assertThat(count("select count(*) from attendance where person_id = ?", id)).isZero();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2025-07-01", "plannedHours", 7.5, "attendedHours", 3.75, "absence", Map.of("UNEXCUSED", 3.75)))
                .when().post("/api/v1/participants/{id}/attendance", id).then().statusCode(201);

        // July 2025, full month, G 130 160: 260 320 / 12 = 21 693.33 → 21 693; half the recorded hours unexcused:
        // 21 693 × 1/2 = 10 846.5 → 10 847 ≥ 50 % and ≥ 1/12 G (10 846.67) → decision required; net 10 846
        given().auth().oauth2(token).when().get("/api/v1/participants/{id}/benefit/2025-07", id)
                .then().statusCode(200)
                .body("workingDaysInMonth", equalTo(23)).body("programmeWorkingDays", equalTo(23))
                .body("grossKroner", equalTo(21693)).body("reductionShare", equalTo("1/2"))
                .body("reductionKroner", equalTo(10847)).body("netKroner", equalTo(10846))
                .body("decisionRequired", equalTo(true)).body("segments[0].g", equalTo(130160));
        given().auth().oauth2(token).when().get("/api/v1/participants/{id}/benefit/2025-13", id)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].rule", equalTo("month.format"));

        // § 18: temporary suspension longer than 3 months → 422
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "TEMPORARY_SUSPENSION", "from", "2025-08-04", "expectedResumeOn", "2025-11-05", "reason", "extensive absence"))
                .when().post("/api/v1/participants/{id}/pauses", id)
                .then().statusCode(422).body("violations[0].rule", equalTo("integreringsloven-18.temporary-max-3-months"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "TEMPORARY_SUSPENSION", "from", "2025-08-04", "expectedResumeOn", "2025-09-01", "reason", "extensive absence"))
                .when().post("/api/v1/participants/{id}/pauses", id).then().statusCode(201);
        IntroductionProgrammePaused paused = awaitEvent(id, "IntroductionProgrammePaused", IntroductionProgrammePaused.class);
        assertThat(paused.reason()).isEqualTo(PauseReason.TEMPORARY_SUSPENSION);
        assertThat(paused.pausedFrom()).isEqualTo(java.time.LocalDate.of(2025, 8, 4));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("resumedOn", "2025-09-01"))
                .when().post("/api/v1/participants/{id}/resumption", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        IntroductionProgrammeResumed resumed = awaitEvent(id, "IntroductionProgrammeResumed", IntroductionProgrammeResumed.class);
        assertThat(resumed.resumedOn()).isEqualTo(java.time.LocalDate.of(2025, 9, 1));

        // August 2025: 21 working days, suspended 4–31 August → only Friday 1 August counts:
        // 260 320 / 12 × 1/21 = 1 033.02 → 1 033
        given().auth().oauth2(token).when().get("/api/v1/participants/{id}/benefit/2025-08", id)
                .then().statusCode(200).body("workingDaysInMonth", equalTo(21)).body("programmeWorkingDays", equalTo(1))
                .body("grossKroner", equalTo(1033)).body("netKroner", equalTo(1033));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("completedOn", "2025-12-19", "outcome", "EMPLOYMENT", "finalGoalReached", true))
                .when().post("/api/v1/participants/{id}/completion", id).then().statusCode(200).body("status", equalTo("COMPLETED"));
        IntroductionProgrammeCompleted completed = awaitEvent(id, "IntroductionProgrammeCompleted", IntroductionProgrammeCompleted.class);
        assertThat(completed.outcome()).isEqualTo(ProgrammeOutcome.EMPLOYMENT);
        assertThat(completed.completedOn()).isEqualTo(java.time.LocalDate.of(2025, 12, 19));
        assertThat(completed.finalGoalReached()).isTrue();

        String html = given().auth().oauth2(token).when().get("/api/v1/participants/{id}/certificate", id)
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(html).contains("Deltakerbevis").contains("2025-07-01 – 2025-12-19").contains("EMPLOYMENT");
        assertThat(count("select count(*) from nystart_read_audit where person_id = ? and action = 'certificate'", id)).isEqualTo(1);
    }

    @Test
    void attendance_working_day_a_public_holiday_or_weekend_is_422_unless_the_plan_schedules_activity_that_day() {
        UUID id = admit(OSLO);
        String token = caseworker(OSLO);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(decision("2025-07-01", "2027-06-30"))
                .when().post("/api/v1/participants/{id}/programme", id).then().statusCode(200);
        // Christmas Day 2025 (a Thursday, helligdagsloven § 2 j) and Saturday 6 December: 422, the rule named, nothing written
        for (String day : List.of("2025-12-25", "2025-12-06")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("date", day, "plannedHours", 7.5, "attendedHours", 7.5))
                    .when().post("/api/v1/participants/{id}/attendance", id)
                    .then().statusCode(422).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("date")).body("violations[0].rule", equalTo("attendance.working-day"))
                    .body("violations[0].message", containsString(day.equals("2025-12-25") ? "1. juledag" : "Saturday"));
        }
        // 1 May 2026 (a Friday; lov om 1. og 17. mai som høgtidsdager § 1): refused as well
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2026-05-01", "plannedHours", 7.5, "attendedHours", 7.5))
                .when().post("/api/v1/participants/{id}/attendance", id)
                .then().statusCode(422).body("violations[0].rule", equalTo("attendance.working-day"))
                .body("violations[0].message", containsString("1. mai"));
        assertThat(count("select count(*) from attendance where person_id = ?", id)).isZero();

        // the plan schedules activity on Saturday 6 December: that day is accepted, Christmas Day still not
        Map<String, Object> plan = new java.util.LinkedHashMap<>();
        plan.put("finalGoal", "EMPLOYMENT");
        plan.put("norwegianGoal", Map.of("reading", "B1", "listening", "B1", "writing", "A2", "oral", "B1"));
        plan.put("elements", List.of("NORWEGIAN_AND_SOCIAL_STUDIES", "WORK_ORIENTED", "LIFE_SKILLS_IN_A_NEW_COUNTRY"));
        plan.put("longTermGoal", "work as an electrician");
        plan.put("mutualObligations", "the municipality provides the programme; the participant attends");
        plan.put("agreedOn", "2025-07-01");
        plan.put("scheduledNonWorkingDays", List.of("2025-12-06", "2025-12-06"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(plan)
                .when().put("/api/v1/participants/{id}/plan", id)
                .then().statusCode(200).body("scheduledNonWorkingDays", equalTo(List.of("2025-12-06")));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2025-12-06", "plannedHours", 4, "attendedHours", 0, "absence", Map.of("UNEXCUSED", 4)))
                .when().post("/api/v1/participants/{id}/attendance", id).then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2025-12-25", "plannedHours", 7.5, "attendedHours", 7.5))
                .when().post("/api/v1/participants/{id}/attendance", id)
                .then().statusCode(422).body("violations[0].rule", equalTo("attendance.working-day"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2025-12-24", "plannedHours", 4, "attendedHours", 4))
                .when().post("/api/v1/participants/{id}/attendance", id).then().statusCode(201);

        // December 2025: 23 weekdays less Christmas Day and Boxing Day = 21 working days, all paid: 260 320 / 12 → 21 693;
        // § 21 over the recorded hours: the scheduled Saturday's 4 h unexcused of 8 h planned = 1/2 → 10 847
        given().auth().oauth2(token).when().get("/api/v1/participants/{id}/benefit/2025-12", id)
                .then().statusCode(200)
                .body("workingDaysInMonth", equalTo(21)).body("programmeWorkingDays", equalTo(21))
                .body("grossKroner", equalTo(21693)).body("plannedHours", equalTo(8.0f))
                .body("reductionShare", equalTo("1/2")).body("reductionKroner", equalTo(10847));
    }

    @Test
    void existence_rule_a_participant_of_another_municipality_is_404_exactly_like_an_unknown_id() {
        UUID inOslo = admit(OSLO);
        for (UUID id : List.of(inOslo, UUID.randomUUID())) {
            given().auth().oauth2(caseworker(BERGEN)).when().get("/api/v1/participants/{id}", id)
                    .then().statusCode(404).contentType(PROBLEM)
                    .body("title", equalTo("Not found")).body("detail", equalTo("participant " + id + " does not exist"));
        }
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/participants/{id}", inOslo).then().statusCode(200);
    }

    @Test
    void authorization_matrix_other_municipality_sees_404_wrong_role_403_no_token_401() {
        UUID id = admit(OSLO);
        given().when().get("/api/v1/participants/{id}", id).then().statusCode(401);
        given().auth().oauth2(IntroTestSupport.token(Roles.SETTLEMENT_OFFICER)).when().get("/api/v1/participants/{id}", id)
                .then().statusCode(403);
        given().auth().oauth2(caseworker(BERGEN)).when().get("/api/v1/participants/{id}", id)
                .then().statusCode(404).contentType(PROBLEM).body("detail", not(containsString(OSLO)));
        given().auth().oauth2(caseworker(BERGEN)).contentType(ContentType.JSON).body(decision("2025-07-01", "2027-06-30"))
                .when().post("/api/v1/participants/{id}/programme", id).then().statusCode(404);
        assertThat(no.nystart.platform.testing.TestPages.values(caseworker(BERGEN), "/api/v1/participants", "personId"))
                .doesNotContain(id.toString());
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/participants/{id}", id).then().statusCode(200)
                .body("municipality", equalTo(OSLO));
        assertThat(no.nystart.platform.testing.TestPages.values(caseworker(OSLO), "/api/v1/participants", "personId"))
                .contains(id.toString());
        // a caseworker of Oslo cannot admit for Bergen
        UUID other = UUID.randomUUID();
        given().auth().oauth2(caseworker(OSLO)).contentType(ContentType.JSON).body(admission(other, BERGEN))
                .when().post("/api/v1/participants").then().statusCode(403);
        assertThat(count("select count(*) from participant where person_id = ?", other)).isZero();
        assertThat(count("select count(*) from nystart_read_audit where person_id = ? and reader = ?", id, "saksbehandler-" + OSLO)).isPositive();
    }

    @Test
    void section_12_caseworker_view_lists_who_passes_the_start_deadline_within_14_days() {
        String municipality = "5001";
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo"));
        UUID soon = UUID.randomUUID();
        Map<String, Object> a = admission(soon, municipality);
        a.put("settledOn", today.minusMonths(3).plusDays(10).toString());
        given().auth().oauth2(caseworker(municipality)).contentType(ContentType.JSON).body(a).when().post("/api/v1/participants")
                .then().statusCode(201);
        UUID later = UUID.randomUUID();
        Map<String, Object> b = admission(later, municipality);
        b.put("settledOn", today.minusMonths(1).toString());
        given().auth().oauth2(caseworker(municipality)).contentType(ContentType.JSON).body(b).when().post("/api/v1/participants")
                .then().statusCode(201);
        given().auth().oauth2(caseworker(municipality)).queryParam("deadlineWithinDays", 14).when().get("/api/v1/participants")
                .then().statusCode(200).body("personId", hasItem(soon.toString())).body("personId", not(hasItem(later.toString())));
        given().auth().oauth2(caseworker(municipality)).when().get("/api/v1/participants")
                .then().statusCode(200).body("personId", hasItem(later.toString()));
    }

    @Test
    void sections_20_21_benefit_for_all_participants_of_a_month_and_who_is_behind_plan() {
        String municipality = "1103";
        String token = caseworker(municipality);
        UUID first = admit(municipality);
        UUID second = admit(municipality);
        for (UUID id : List.of(first, second)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(decision("2025-07-01", "2027-06-30"))
                    .when().post("/api/v1/participants/{id}/programme", id).then().statusCode(200);
        }
        // second: 1.5 of 7.5 h unexcused = 1/5 → 21 693 × 1/5 = 4 338.6 → 4 339; net 17 354; over the 10 % guidance
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2025-07-02", "plannedHours", 7.5, "attendedHours", 6, "absence", Map.of("UNEXCUSED", 1.5)))
                .when().post("/api/v1/participants/{id}/attendance", second).then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("date", "2025-07-02", "plannedHours", 7.5, "attendedHours", 6, "absence", Map.of("UNEXCUSED", 1.5)))
                .when().post("/api/v1/participants/{id}/attendance", second).then().statusCode(409)
                .body("violations[0].rule", equalTo("attendance.one-per-day"));
        List<Map<String, Object>> all = given().auth().oauth2(token).when().get("/api/v1/participants/benefits/2025-07")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(all).hasSize(2);
        Map<String, Object> s = all.stream().filter(m -> second.toString().equals(m.get("personId"))).findFirst().orElseThrow();
        assertThat(s.get("grossKroner")).isEqualTo(21693);
        assertThat(s.get("reductionKroner")).isEqualTo(4339);
        assertThat(s.get("netKroner")).isEqualTo(17354);
        Map<String, Object> f = all.stream().filter(m -> first.toString().equals(m.get("personId"))).findFirst().orElseThrow();
        assertThat(f.get("netKroner")).isEqualTo(21693);

        given().auth().oauth2(token).when().get("/api/v1/participants/behind-plan").then().statusCode(200)
                .body("personId", hasItem(second.toString())).body("personId", not(hasItem(first.toString())));
        given().auth().oauth2(token).when().get("/api/v1/participants/{id}/absence", second).then().statusCode(200)
                .body("overGuidanceThreshold", equalTo(true));
    }
}
