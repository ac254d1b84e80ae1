package no.nystart.adulteducation.api;

import static io.restassured.RestAssured.given;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.BERGEN;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.OSLO;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.awaitLearner;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.caseworker;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.count;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.outboxCount;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.publish;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.published;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.settled;
import static no.nystart.adulteducation.api.AdultEducationTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import no.nystart.platform.testing.NyStartTestResource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Topics;
import no.nystart.contracts.adulteducation.Entitlement;
import no.nystart.contracts.adulteducation.LearnerRightsEstablished;
import no.nystart.contracts.introduction.FinalGoal;
import no.nystart.contracts.introduction.IntroductionProgrammeStarted;
import no.nystart.contracts.introduction.WeeklyHours;
import no.nystart.contracts.reception.MandatoryTrainingCompleted;
import no.nystart.contracts.reception.TrainingModule;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.contracts.settlement.RelocationType;
import java.nio.charset.StandardCharsets;
import no.nystart.platform.testing.CloudEventRecords;
import no.nystart.platform.testing.KafkaTestClient;
import no.nystart.platform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Learners from settlement, introduction-programme and reception events, over the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "adult_education_test"))
class LearnerEventsTest {

    @Test
    void integreringsloven_27_PersonSettled_refugee_gets_right_and_duty_with_3_year_deadline_and_LearnerRightsEstablished() {
        LocalDate permit = today().minusMonths(4);
        PersonSettled event = settled(permit.minusYears(30), PermitType.REFUGEE, permit, OSLO);
        publish(Topics.SETTLEMENT, event);
        awaitLearner(event.personId(), OSLO);

        LearnerRightsEstablished rights = published(event.personId(), LearnerRightsEstablished.class, 1).get(0);
        // education background unknown at settlement: the configured default PRIMARY (3 years, B1 in all)
        assertThat(rights).isEqualTo(new LearnerRightsEstablished(event.personId(), OSLO, Entitlement.RIGHT_AND_DUTY,
                Regime.INTEGRERINGSLOVEN, permit, EducationLevel.PRIMARY, permit.plusYears(3).minusDays(1), CefrLevel.B1,
                CefrLevel.B1, CefrLevel.B1, CefrLevel.B1));
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/learners/{id}", event.personId())
                .then().statusCode(200)
                .body("learner.entitlement", equalTo("RIGHT_AND_DUTY"))
                .body("learner.educationKnown", equalTo(false))
                .body("learner.trainingDeadline", equalTo(permit.plusYears(3).minusDays(1).toString()));
        assertThat(count("select count(*) from nystart_read_audit where person_id = ? and reader = 'saksbehandler-0301'",
                event.personId())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void integreringsloven_27_aged_17_or_67_at_the_permit_date_gets_no_learner_record_and_no_event() {
        LocalDate permit = today().minusMonths(2);
        PersonSettled seventeen = settled(permit.minusYears(18).plusDays(1), PermitType.REFUGEE, permit, OSLO);
        PersonSettled sixtySeven = settled(permit.minusYears(67), PermitType.REFUGEE, permit, OSLO);
        PersonSettled eighteen = settled(permit.minusYears(18), PermitType.REFUGEE, permit, OSLO);
        publish(Topics.SETTLEMENT, seventeen);
        publish(Topics.SETTLEMENT, sixtySeven);
        publish(Topics.SETTLEMENT, eighteen);
        awaitLearner(eighteen.personId(), OSLO);

        assertThat(count("select count(*) from learner where person_id in (?, ?)", seventeen.personId(), sixtySeven.personId()))
                .isZero();
        assertThat(outboxCount(seventeen.personId(), "LearnerRightsEstablished")).isZero();
        assertThat(outboxCount(sixtySeven.personId(), "LearnerRightsEstablished")).isZero();
        assertThat(outboxCount(eighteen.personId(), "LearnerRightsEstablished")).isEqualTo(1);
    }

    @Test
    void integreringsloven_37d_collective_protection_right_only_12_months_from_settlement() {
        LocalDate permit = today().minusMonths(3);
        PersonSettled event = settled(LocalDate.of(1988, 4, 4), PermitType.COLLECTIVE_PROTECTION, permit, BERGEN);
        publish(Topics.SETTLEMENT, event);
        awaitLearner(event.personId(), BERGEN);
        LearnerRightsEstablished rights = published(event.personId(), LearnerRightsEstablished.class, 1).get(0);
        assertThat(rights.entitlement()).isEqualTo(Entitlement.RIGHT_ONLY);
        assertThat(rights.regime()).isEqualTo(Regime.KAP_6A);
        assertThat(rights.establishedOn()).isEqualTo(event.settledOn());
        assertThat(rights.trainingDeadline()).isEqualTo(event.settledOn().plusMonths(12).minusDays(1));
    }

    @Test
    void the_same_PersonSettled_delivered_twice_makes_one_learner_and_one_event() {
        LocalDate permit = today().minusMonths(1);
        PersonSettled event = settled(LocalDate.of(1995, 2, 2), PermitType.RESETTLEMENT, permit, OSLO);
        String eventId = UUID.randomUUID().toString();
        publish(Topics.SETTLEMENT, event, eventId);
        publish(Topics.SETTLEMENT, event, eventId);
        publish(Topics.SETTLEMENT, event); // same person, new event id: the learner stays as it is
        PersonSettled marker = settled(LocalDate.of(1995, 2, 2), PermitType.RESETTLEMENT, permit, OSLO);
        publish(Topics.SETTLEMENT, marker);
        awaitLearner(marker.personId(), OSLO);

        assertThat(count("select count(*) from learner where person_id = ?", event.personId())).isEqualTo(1);
        assertThat(outboxCount(event.personId(), "LearnerRightsEstablished")).isEqualTo(1);
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'adult-education' and event_id = ?", eventId))
                .isEqualTo(1);
    }

    @Test
    void domain_4b_PersonSettled_with_the_mapped_upper_secondary_education_gives_18_months_at_once() {
        LocalDate permit = today().minusMonths(3);
        PersonSettled plain = settled(LocalDate.of(1991, 5, 5), PermitType.REFUGEE, permit, OSLO);
        PersonSettled event = new PersonSettled(plain.personId(), plain.birthDate(), plain.sex(), plain.citizenship(),
                plain.permitType(), plain.permitDate(), plain.regime(), plain.arrivalRoute(), plain.unaccompaniedMinor(),
                plain.householdId(), plain.householdSize(), plain.settlementType(), plain.municipality(), plain.settledOn(),
                EducationLevel.UPPER_SECONDARY);
        publish(Topics.SETTLEMENT, event);
        awaitLearner(event.personId(), OSLO);

        LearnerRightsEstablished rights = published(event.personId(), LearnerRightsEstablished.class, 1).get(0);
        assertThat(rights.educationLevel()).isEqualTo(EducationLevel.UPPER_SECONDARY);
        assertThat(rights.trainingDeadline()).isEqualTo(permit.plusMonths(18).minusDays(1));
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/learners/{id}", event.personId())
                .then().statusCode(200).body("learner.educationKnown", equalTo(true));
    }

    @Test
    void domain_4b_IntroductionProgrammeStarted_with_upper_secondary_gives_18_months_and_B2_oral_and_republishes() {
        LocalDate permit = today().minusMonths(2);
        PersonSettled event = settled(LocalDate.of(1992, 7, 7), PermitType.REFUGEE, permit, OSLO);
        publish(Topics.SETTLEMENT, event);
        awaitLearner(event.personId(), OSLO);
        publish(Topics.INTRODUCTION, new IntroductionProgrammeStarted(event.personId(), OSLO, Regime.INTEGRERINGSLOVEN,
                today(), today().plusYears(2), FinalGoal.EMPLOYMENT, EducationLevel.UPPER_SECONDARY, WeeklyHours.HOURS_37_5));

        List<LearnerRightsEstablished> rights = published(event.personId(), LearnerRightsEstablished.class, 2);
        LearnerRightsEstablished latest = rights.get(rights.size() - 1);
        assertThat(latest.educationLevel()).isEqualTo(EducationLevel.UPPER_SECONDARY);
        assertThat(latest.trainingDeadline()).isEqualTo(permit.plusMonths(18).minusDays(1));
        assertThat(latest.oralGoal()).isEqualTo(CefrLevel.B2);
        assertThat(latest.readingGoal()).isEqualTo(CefrLevel.B1);
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/learners/{id}", event.personId())
                .then().statusCode(200).body("learner.inIntroductionProgramme", equalTo(true))
                .body("learner.educationKnown", equalTo(true));
    }

    @Test
    void reception_hours_before_settlement_show_in_the_history_and_relocation_hands_the_learner_over() {
        LocalDate permit = today().minusMonths(5);
        PersonSettled event = settled(LocalDate.of(1980, 1, 1), PermitType.HUMANITARIAN, permit, OSLO);
        publish(Topics.RECEPTION, new MandatoryTrainingCompleted(event.personId(), TrainingModule.NORWEGIAN,
                Regime.INTEGRERINGSLOVEN, 175, permit.minusMonths(1), UUID.randomUUID(), "3301"));
        publish(Topics.SETTLEMENT, event);
        awaitLearner(event.personId(), OSLO);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(caseworker(OSLO))
                .when().get("/api/v1/learners/{id}", event.personId())
                .then().statusCode(200).body("history.hours", hasItem(175)));

        publish(Topics.SETTLEMENT, new PersonRelocated(event.personId(), OSLO, BERGEN, today(), RelocationType.BY_AGREEMENT, null));
        awaitLearner(event.personId(), BERGEN);
        // moved away: to Oslo's caseworker the learner is now unknown (404, the existence rule)
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/learners/{id}", event.personId())
                .then().statusCode(404).contentType("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(no.nystart.platform.testing.TestPages.values(caseworker(BERGEN),
                "/api/v1/learners", "personId")).contains(event.personId().toString());
    }

    @Test
    void a_poison_PersonSettled_goes_to_the_adult_education_dead_letter_topic_and_the_next_is_processed() {
        PersonSettled broken = settled(LocalDate.of(1990, 1, 1), PermitType.REFUGEE, today().minusMonths(1), OSLO);
        TestInfrastructure.get().kafka().send(Topics.SETTLEMENT, 0, broken.key(), CloudEventRecords.headers(broken),
                "{\"personId\":\"%s\"}".formatted(broken.personId()).getBytes(StandardCharsets.UTF_8));
        PersonSettled next = settled(LocalDate.of(1990, 1, 1), PermitType.REFUGEE, today().minusMonths(1), OSLO);
        publish(Topics.SETTLEMENT, next);
        awaitLearner(next.personId(), OSLO);
        ConsumerRecord<String, byte[]> dead = TestInfrastructure.get().kafka().awaitRecord(
                "settlement.events.v1.dlq.adult-education", r -> broken.key().equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("not a valid PersonSettled");
        assertThat(count("select count(*) from learner where person_id = ?", broken.personId())).isZero();
    }

    @Test
    void domain_4b_IntroductionProgrammeStarted_before_PersonSettled_gives_the_known_education_at_once() {
        LocalDate permit = today().minusMonths(2);
        PersonSettled event = settled(LocalDate.of(1993, 3, 3), PermitType.REFUGEE, permit, OSLO);
        publish(Topics.INTRODUCTION, new IntroductionProgrammeStarted(event.personId(), OSLO, Regime.INTEGRERINGSLOVEN,
                today(), today().plusYears(1), FinalGoal.HIGHER_EDUCATION, EducationLevel.HIGHER, WeeklyHours.HOURS_37_5));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from learner_history where person_id = ? and kind = 'INTRODUCTION_PROGRAMME_STARTED'",
                event.personId()) == 1);
        publish(Topics.SETTLEMENT, event);
        awaitLearner(event.personId(), OSLO);

        LearnerRightsEstablished rights = published(event.personId(), LearnerRightsEstablished.class, 1).get(0);
        assertThat(rights.educationLevel()).isEqualTo(EducationLevel.HIGHER);
        assertThat(rights.trainingDeadline()).isEqualTo(permit.plusMonths(18).minusDays(1));
        assertThat(outboxCount(event.personId(), "LearnerRightsEstablished")).isEqualTo(1);
        given().auth().oauth2(caseworker(OSLO)).when().get("/api/v1/learners/{id}", event.personId())
                .then().statusCode(200).body("learner.inIntroductionProgramme", equalTo(true))
                .body("learner.educationKnown", equalTo(true));
    }
}
