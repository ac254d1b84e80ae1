package no.nystart.introduction.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.List;
import no.nystart.contracts.CefrLevel;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.adulteducation.NorwegianTestCompleted;
import no.nystart.contracts.adulteducation.NorwegianTestType;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.platform.testing.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.Topics;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.contracts.settlement.RelocationType;
import no.nystart.contracts.settlement.SettlementType;
import no.nystart.platform.testing.CloudEventRecords;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * introduction-programme consumes {@code settlement.events.v1} through the inbox from the real broker.
 * Every record goes to partition 0, so a later record being processed proves the earlier ones were.
 */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "introduction_test"))
class SettlementEventsConsumerTest {
    private static final LocalDate PERMIT = LocalDate.of(2025, 2, 10);
    private static final LocalDate SETTLED = LocalDate.of(2025, 5, 31);

    private static PersonSettled settled(LocalDate birthDate, PermitType permit, SettlementType type) {
        return new PersonSettled(UUID.randomUUID(), birthDate, Sex.FEMALE, "SYR", permit, PERMIT, Regime.INTEGRERINGSLOVEN,
                ArrivalRoute.ASYLUM, false, UUID.randomUUID(), 1, type, "0301", SETTLED);
    }

    private static void publish(Object event, String eventId) {
        if (event instanceof PersonSettled s) {
            TestInfrastructure.get().kafka().send(Topics.SETTLEMENT, 0, s.key(), CloudEventRecords.headers(s, eventId), EventJson.write(s));
        } else if (event instanceof PersonRelocated r) {
            TestInfrastructure.get().kafka().send(Topics.SETTLEMENT, 0, r.key(), CloudEventRecords.headers(r, eventId), EventJson.write(r));
        }
    }

    private static void awaitParticipant(UUID personId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from participant where person_id = ?", personId) == 1);
    }

    @Test
    void section_8_age_18_at_the_permit_date_becomes_a_participant_with_the_section_12_deadline_settlement_plus_3_months() {
        PersonSettled e = settled(PERMIT.minusYears(18), PermitType.REFUGEE, SettlementType.BY_AGREEMENT);
        publish(e, UUID.randomUUID().toString());
        awaitParticipant(e.personId());
        assertThat(text("select start_deadline::text from participant where person_id = ?", e.personId())).isEqualTo("2025-08-31");
        assertThat(text("select regime || ' ' || admission || ' ' || status || ' ' || municipality from participant where person_id = ?",
                e.personId())).isEqualTo("INTEGRERINGSLOVEN TARGET_GROUP REGISTERED 0301");
    }

    @Test
    void section_8_age_17_and_56_at_the_permit_date_other_permits_and_self_settled_are_not_created_without_error() {
        PersonSettled age17 = settled(PERMIT.minusYears(18).plusDays(1), PermitType.REFUGEE, SettlementType.BY_AGREEMENT);
        PersonSettled age56 = settled(PERMIT.minusYears(56), PermitType.REFUGEE, SettlementType.BY_AGREEMENT);
        PersonSettled other = settled(LocalDate.of(1990, 1, 1), PermitType.OTHER, SettlementType.BY_AGREEMENT);
        PersonSettled self = settled(LocalDate.of(1990, 1, 1), PermitType.REFUGEE, SettlementType.SELF_SETTLED);
        PersonSettled age55 = settled(PERMIT.minusYears(56).plusDays(1), PermitType.FAMILY_REUNIFICATION, SettlementType.SELF_SETTLED);
        for (PersonSettled e : new PersonSettled[] {age17, age56, other, self, age55}) {
            publish(e, UUID.randomUUID().toString());
        }
        awaitParticipant(age55.personId());
        assertThat(count("select count(*) from participant where person_id in (?, ?, ?, ?)", age17.personId(), age56.personId(),
                other.personId(), self.personId())).isZero();
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'introduction-programme' and event_id is not null")).isPositive();
    }

    @Test
    void a_duplicate_PersonSettled_changes_nothing_and_PersonRelocated_moves_the_participant_keeping_history() {
        PersonSettled e = settled(LocalDate.of(1992, 3, 3), PermitType.RESETTLEMENT, SettlementType.BY_AGREEMENT);
        String eventId = UUID.randomUUID().toString();
        publish(e, eventId);
        publish(e, eventId);
        PersonSettled again = new PersonSettled(e.personId(), e.birthDate(), e.sex(), e.citizenship(), e.permitType(), e.permitDate(),
                e.regime(), e.arrivalRoute(), false, e.householdId(), 1, e.settlementType(), "4601", SETTLED);
        publish(again, UUID.randomUUID().toString());
        publish(new PersonRelocated(e.personId(), "0301", "1103", LocalDate.of(2025, 7, 1), RelocationType.BY_AGREEMENT, null),
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> "1103".equals(text("select municipality from participant where person_id = ?",
                e.personId())));
        assertThat(count("select count(*) from participant where person_id = ?", e.personId())).isEqualTo(1);
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'introduction-programme' and event_id = ?", eventId))
                .isEqualTo(1);
        assertThat(count("select count(*) from participant_history where person_id = ? and kind = 'SETTLED'", e.personId())).isEqualTo(1);
        assertThat(text("select detail from participant_history where person_id = ? and kind = 'RELOCATED'", e.personId()))
                .contains("from 0301 to 1103");
    }

    @Test
    void CompetenceMapped_before_settlement_prefills_the_background_and_NorwegianTestCompleted_records_progress() {
        PersonSettled e = settled(LocalDate.of(1988, 8, 8), PermitType.REFUGEE, SettlementType.BY_AGREEMENT);
        CompetenceMapped mapped = new CompetenceMapped(e.personId(), LocalDate.of(2025, 3, 1), "3301", List.of(),
                EducationLevel.UPPER_SECONDARY, 12, List.of(), List.of());
        TestInfrastructure.get().kafka().send(Topics.RECEPTION, 0, mapped.key(), CloudEventRecords.headers(mapped, UUID.randomUUID().toString()),
                EventJson.write(mapped));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from prior_record where person_id = ?", e.personId()) == 1);
        publish(e, UUID.randomUUID().toString());
        awaitParticipant(e.personId());
        assertThat(text("select education_level from participant where person_id = ?", e.personId())).isEqualTo("UPPER_SECONDARY");
        assertThat(count("select count(*) from participant_history where person_id = ? and kind = 'COMPETENCE_MAPPED'", e.personId()))
                .isEqualTo(1);

        NorwegianTestCompleted test = new NorwegianTestCompleted(e.personId(), "0301", NorwegianTestType.NORSKPROVE_A1_B2,
                LocalDate.of(2025, 11, 20), CefrLevel.B1, CefrLevel.A2, null, CefrLevel.B1);
        TestInfrastructure.get().kafka().send(Topics.ADULT_EDUCATION, 0, test.key(), CloudEventRecords.headers(test, UUID.randomUUID().toString()),
                EventJson.write(test));
        await().atMost(Duration.ofSeconds(60)).until(() -> text("select norwegian_progress from participant where person_id = ?",
                e.personId()) != null);
        assertThat(text("select norwegian_progress from participant where person_id = ?", e.personId()))
                .contains("reading B1").contains("writing not tested");
    }

    @Test
    void a_poison_PersonSettled_goes_to_the_dead_letter_topic_and_the_next_record_is_processed() {
        PersonSettled poisoned = settled(LocalDate.of(1990, 1, 1), PermitType.REFUGEE, SettlementType.BY_AGREEMENT);
        TestInfrastructure.get().kafka().send(Topics.SETTLEMENT, 0, poisoned.key(), CloudEventRecords.headers(poisoned),
                "{\"personId\":\"%s\"}".formatted(poisoned.personId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        PersonSettled next = settled(LocalDate.of(1990, 1, 1), PermitType.REFUGEE, SettlementType.BY_AGREEMENT);
        publish(next, UUID.randomUUID().toString());
        awaitParticipant(next.personId());
        ConsumerRecord<String, byte[]> dead = TestInfrastructure.get().kafka().awaitRecord("settlement.events.v1.dlq.introduction-programme",
                r -> poisoned.key().equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("not a valid PersonSettled");
        assertThat(count("select count(*) from participant where person_id = ?", poisoned.personId())).isZero();
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
