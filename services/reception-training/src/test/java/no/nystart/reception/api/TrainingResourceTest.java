package no.nystart.reception.api;

import static no.nystart.platform.events.ClockProducer.OSLO;
import static io.restassured.RestAssured.given;
import static no.nystart.reception.api.ReceptionTestSupport.arrival;
import static no.nystart.reception.api.ReceptionTestSupport.awaitValidEvent;
import static no.nystart.reception.api.ReceptionTestSupport.count;
import static no.nystart.reception.api.ReceptionTestSupport.newDufNumber;
import static no.nystart.reception.api.ReceptionTestSupport.outboxCount;
import static no.nystart.reception.api.ReceptionTestSupport.post;
import static no.nystart.reception.api.ReceptionTestSupport.register;
import static no.nystart.reception.api.ReceptionTestSupport.registerAdult;
import static no.nystart.reception.api.ReceptionTestSupport.session;
import static no.nystart.reception.api.ReceptionTestSupport.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import no.nystart.contracts.Topics;
import no.nystart.contracts.reception.MandatoryTrainingCompleted;
import no.nystart.contracts.reception.TrainingExemptionGranted;
import no.nystart.platform.testing.NyStartTestResource;
import org.junit.jupiter.api.Test;

/** Mandatory training in reception through the API (docs/domain/reception.md#1a/1b), real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "reception_test"))
class TrainingResourceTest {
    private static final String SESSIONS = "/api/v1/residents/{id}/training-sessions";
    private static final String EXEMPTIONS = "/api/v1/residents/{id}/exemptions";

    private static long sessionRows(String personId) {
        return count("select count(*) from training_session where person_id = ?::uuid", personId);
    }

    @Test
    void integreringsloven_5_exactly_175_Norwegian_hours_publish_MandatoryTrainingCompleted_once_per_the_contract() {
        String personId = registerAdult(40);
        LocalDate first = LocalDate.now(OSLO).minusDays(30);
        for (int i = 0; i < 21; i++) { // 168 hours
            post(SESSIONS, session("NORWEGIAN", first.plusDays(i), "8"), personId).statusCode(201);
        }
        assertThat(outboxCount(personId, "MandatoryTrainingCompleted")).isZero();
        LocalDate last = first.plusDays(21);
        post(SESSIONS, session("NORWEGIAN", last, "7"), personId).statusCode(201)
                .body("modules.find { it.module == 'NORWEGIAN' }.attendedHours", equalTo(175.0f))
                .body("modules.find { it.module == 'NORWEGIAN' }.remainingHours", equalTo(0.0f))
                .body("modules.find { it.module == 'NORWEGIAN' }.completedOn", equalTo(last.toString()));
        // a further session is refused: the duty of the module is fulfilled, nothing more is published
        post(SESSIONS, session("NORWEGIAN", last.plusDays(1), "2"), personId).statusCode(422)
                .body("violations.rule", hasItem("mandatory-training.already-completed"));
        assertThat(outboxCount(personId, "MandatoryTrainingCompleted")).isEqualTo(1);

        JsonNode event = awaitValidEvent(Topics.RECEPTION, MandatoryTrainingCompleted.class, personId);
        assertThat(event.get("module").asText()).isEqualTo("NORWEGIAN");
        assertThat(event.get("regime").asText()).isEqualTo("INTEGRERINGSLOVEN");
        assertThat(event.get("hoursRequired").asInt()).isEqualTo(175);
        assertThat(event.get("completedOn").asText()).isEqualTo(last.toString());
        assertThat(event.get("hostMunicipality").asText()).isEqualTo("3301");
    }

    @Test
    void GET_explains_regime_duty_and_required_attended_remaining_per_module_integreringsloven_5() {
        String personId = registerAdult(10);
        post(SESSIONS, session("NORWEGIAN", LocalDate.now(OSLO).minusDays(2), "3.5"), personId).statusCode(201);
        post(SESSIONS, session("SOCIAL_STUDIES", LocalDate.now(OSLO).minusDays(2), "2"), personId).statusCode(201);
        given().auth().oauth2(staffToken()).when().get("/api/v1/residents/{id}", personId)
                .then().statusCode(200)
                .body("training.regime", equalTo("INTEGRERINGSLOVEN_5"))
                .body("training.law", equalTo("INTEGRERINGSLOVEN"))
                .body("training.dutyApplies", equalTo(true))
                .body("training.noDutyReason", nullValue())
                .body("training.modules.module", hasItems("NORWEGIAN", "SOCIAL_STUDIES"))
                .body("training.modules.find { it.module == 'NORWEGIAN' }.requiredHours", equalTo(175))
                .body("training.modules.find { it.module == 'NORWEGIAN' }.attendedHours", equalTo(3.5f))
                .body("training.modules.find { it.module == 'NORWEGIAN' }.remainingHours", equalTo(171.5f))
                .body("training.modules.find { it.module == 'SOCIAL_STUDIES' }.requiredHours", equalTo(25))
                .body("training.modules.find { it.module == 'SOCIAL_STUDIES' }.remainingHours", equalTo(23.0f));
    }

    @Test
    void registration_date_decides_the_regime_2018_08_31_none_2020_12_31_introduksjonsloven_20a_2021_01_01_integreringsloven_5() {
        Map<String, Object> before = arrival(newDufNumber());
        before.put("registeredOn", "2018-08-31");
        String voluntary = register(before);
        given().auth().oauth2(staffToken()).when().get("/api/v1/residents/{id}", voluntary).then().statusCode(200)
                .body("training.regime", equalTo("VOLUNTARY_BEFORE_2018_09_01"))
                .body("training.dutyApplies", equalTo(false))
                .body("training.noDutyReason", equalTo("REGISTERED_BEFORE_2018_09_01"));
        post(SESSIONS, session("NORWEGIAN", LocalDate.of(2018, 9, 3), "2"), voluntary).statusCode(422)
                .body("violations.rule", hasItem("mandatory-training.no-duty"));

        Map<String, Object> regimeA = arrival(newDufNumber());
        regimeA.put("registeredOn", "2020-12-31");
        regimeA.put("birthDate", "2004-12-31"); // exactly 16: introduksjonsloven § 20 a applies from 16
        String a = register(regimeA);
        post(SESSIONS, session("CULTURE_AND_VALUES", LocalDate.of(2020, 12, 31), "4"), a).statusCode(201)
                .body("regime", equalTo("INTRODUKSJONSLOVEN_20A"))
                .body("modules.find { it.module == 'CULTURE_AND_VALUES' }.requiredHours", equalTo(50));
        post(SESSIONS, session("SOCIAL_STUDIES", LocalDate.of(2021, 1, 4), "4"), a).statusCode(422)
                .body("violations.rule", hasItem("mandatory-training.module-not-in-regime"));

        Map<String, Object> regimeB = arrival(newDufNumber());
        regimeB.put("registeredOn", "2021-01-01");
        regimeB.put("birthDate", "2003-01-01"); // exactly 18: integreringsloven § 5 applies from 18
        String b = register(regimeB);
        post(SESSIONS, session("SOCIAL_STUDIES", LocalDate.of(2021, 1, 4), "4"), b).statusCode(201)
                .body("regime", equalTo("INTEGRERINGSLOVEN_5"));
        post(SESSIONS, session("CULTURE_AND_VALUES", LocalDate.of(2021, 1, 5), "4"), b).statusCode(422)
                .body("violations.rule", hasItem("mandatory-training.module-not-in-regime"));
    }

    @Test
    void integreringsloven_5_age_17_at_registration_and_fast_track_procedure_have_no_duty_and_nothing_is_written() {
        Map<String, Object> minor = arrival(newDufNumber());
        minor.put("registeredOn", LocalDate.now(OSLO).minusDays(5).toString());
        minor.put("birthDate", LocalDate.now(OSLO).minusDays(5).minusYears(18).plusDays(1).toString());
        String seventeen = register(minor);
        post(SESSIONS, session("NORWEGIAN", LocalDate.now(OSLO).minusDays(1), "2"), seventeen).statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("module"))
                .body("violations.rule", hasItem("mandatory-training.no-duty"));
        given().auth().oauth2(staffToken()).when().get("/api/v1/residents/{id}", seventeen).then()
                .body("training.noDutyReason", equalTo("BELOW_AGE_LIMIT")).body("training.ageAtRegistration", equalTo(17));

        Map<String, Object> fastTrack = arrival(newDufNumber());
        fastTrack.put("asylumProcedure", "FAST_TRACK");
        String ft = register(fastTrack);
        post(SESSIONS, session("NORWEGIAN", LocalDate.now(OSLO).minusDays(1), "2"), ft).statusCode(422)
                .body("violations.rule", hasItem("mandatory-training.no-duty"));
        assertThat(sessionRows(seventeen) + sessionRows(ft)).isZero();
    }

    @Test
    void fritak_exemption_then_session_is_422_and_TrainingExemptionGranted_is_published_once() {
        String personId = registerAdult(10);
        Map<String, Object> exemption = Map.of("module", "SOCIAL_STUDIES", "reason", "HEALTH",
                "grantedOn", LocalDate.now(OSLO).minusDays(1).toString());
        post(EXEMPTIONS, exemption, personId).statusCode(201)
                .body("modules.find { it.module == 'SOCIAL_STUDIES' }.exempt", equalTo(true))
                .body("modules.find { it.module == 'SOCIAL_STUDIES' }.exemptionReason", equalTo("HEALTH"))
                .body("modules.find { it.module == 'SOCIAL_STUDIES' }.remainingHours", equalTo(0.0f));
        post(SESSIONS, session("SOCIAL_STUDIES", LocalDate.now(OSLO), "2"), personId).statusCode(422)
                .body("violations.rule", hasItem("mandatory-training.exempt"));
        post(EXEMPTIONS, exemption, personId).statusCode(409).body("violations[0].rule", equalTo("exemption.once-per-module"));
        assertThat(sessionRows(personId)).isZero();
        assertThat(outboxCount(personId, "TrainingExemptionGranted")).isEqualTo(1);

        JsonNode event = awaitValidEvent(Topics.RECEPTION, TrainingExemptionGranted.class, personId);
        assertThat(event.get("module").asText()).isEqualTo("SOCIAL_STUDIES");
        assertThat(event.get("reason").asText()).isEqualTo("HEALTH");
        assertThat(event.get("regime").asText()).isEqualTo("INTEGRERINGSLOVEN");
    }

    @Test
    void hours_out_of_range_or_missing_fields_are_400_naming_the_field_and_nothing_is_written() {
        String personId = registerAdult(10);
        long outbox = count("select count(*) from nystart_outbox");
        post(SESSIONS, session("NORWEGIAN", LocalDate.now(OSLO), "0"), personId).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("hours")).body("violations.rule", hasItem("training-session.hours-range"));
        post(SESSIONS, session("NORWEGIAN", LocalDate.now(OSLO), "8.5"), personId).statusCode(400)
                .body("violations.field", hasItem("hours")).body("violations.rule", hasItem("training-session.hours-range"));
        post(SESSIONS, session("NORWEGIAN", LocalDate.now(OSLO), "-1"), personId).statusCode(400);
        Map<String, Object> noModule = session("NORWEGIAN", LocalDate.now(OSLO), "2");
        noModule.remove("module");
        post(SESSIONS, noModule, personId).statusCode(400).body("violations.field", hasItem("module"));
        Map<String, Object> badModule = session("KNITTING", LocalDate.now(OSLO), "2");
        post(SESSIONS, badModule, personId).statusCode(400).body("violations.field", hasItem("module"));
        assertThat(sessionRows(personId)).isZero();
        assertThat(count("select count(*) from nystart_outbox")).isEqualTo(outbox);
    }

    @Test
    void sessions_before_registration_in_the_future_or_over_8_hours_a_day_are_422_and_nothing_is_written() {
        String personId = registerAdult(10);
        post(SESSIONS, session("NORWEGIAN", LocalDate.now(OSLO).minusDays(11), "2"), personId).statusCode(422)
                .body("violations.field", hasItem("date")).body("violations.rule", hasItem("training-session.before-registration"));
        post(SESSIONS, session("NORWEGIAN", LocalDate.now(OSLO).plusDays(1), "2"), personId).statusCode(422)
                .body("violations.rule", hasItem("date.not-in-future"));
        LocalDate day = LocalDate.now(OSLO).minusDays(3);
        post(SESSIONS, session("NORWEGIAN", day, "6"), personId).statusCode(201);
        post(SESSIONS, session("SOCIAL_STUDIES", day, "2.5"), personId).statusCode(422)
                .body("violations.field", hasItem("hours")).body("violations.rule", hasItem("training-session.max-hours-per-day"));
        post(SESSIONS, session("SOCIAL_STUDIES", day, "2"), personId).statusCode(201);
        assertThat(sessionRows(personId)).isEqualTo(2);
        given().auth().oauth2(staffToken()).contentType(ContentType.JSON).body(session("NORWEGIAN", day, "1"))
                .when().post(SESSIONS, java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void two_concurrent_sessions_reaching_175_hours_publish_MandatoryTrainingCompleted_exactly_once() throws Exception {
        String personId = registerAdult(40);
        LocalDate first = LocalDate.now(OSLO).minusDays(30);
        for (int i = 0; i < 21; i++) { // 168 hours
            post(SESSIONS, session("NORWEGIAN", first.plusDays(i), "8"), personId).statusCode(201);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Integer> a = pool.submit(() -> post(SESSIONS,
                    session("NORWEGIAN", first.plusDays(21), "7"), personId).extract().statusCode());
            java.util.concurrent.Future<Integer> b = pool.submit(() -> post(SESSIONS,
                    session("NORWEGIAN", first.plusDays(22), "7"), personId).extract().statusCode());
            // the resident row is locked: one request completes the module, the other then sees it completed
            assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(201, 422);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outboxCount(personId, "MandatoryTrainingCompleted")).isEqualTo(1);
        assertThat(count("select count(*) from training_completion where person_id = ?::uuid", personId)).isEqualTo(1);
        assertThat(sessionRows(personId)).isEqualTo(22);
    }

    @Test
    void staff_record_a_departure_LEFT_NORWAY_once_and_no_training_after_it() {
        String personId = registerAdult(10);
        String departure = "/api/v1/residents/{id}/departure";
        post(departure, Map.of("leftOn", LocalDate.now(OSLO).minusDays(11).toString(), "reason", "LEFT_NORWAY"), personId)
                .statusCode(422).body("violations.rule", hasItem("departure.before-registration"));
        post(departure, Map.of("leftOn", LocalDate.now(OSLO).toString(), "reason", "SETTLED"), personId)
                .statusCode(422).body("violations.rule", hasItem("departure.settled-by-settlement"));
        post(departure, Map.of("leftOn", LocalDate.now(OSLO).minusDays(2).toString(), "reason", "LEFT_NORWAY"), personId)
                .statusCode(201);
        post(departure, Map.of("leftOn", LocalDate.now(OSLO).toString(), "reason", "OTHER"), personId).statusCode(409)
                .body("violations.rule", hasItem("departure.once"));
        post(SESSIONS, session("NORWEGIAN", LocalDate.now(OSLO).minusDays(1), "2"), personId).statusCode(422)
                .body("violations.rule", hasItem("training-session.after-leaving"));
        assertThat(outboxCount(personId, "ResidentLeftReception")).isEqualTo(1);
        JsonNode event = awaitValidEvent(Topics.RECEPTION, no.nystart.contracts.reception.ResidentLeftReception.class, personId);
        assertThat(event.get("reason").asText()).isEqualTo("LEFT_NORWAY");
        assertThat(event.has("causingEventId")).isFalse();
    }
}
