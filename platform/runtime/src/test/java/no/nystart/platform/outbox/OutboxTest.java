package no.nystart.platform.outbox;

import static io.restassured.RestAssured.given;
import static no.nystart.platform.testing.TestSql.count;
import static no.nystart.platform.testing.TestSql.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.Topics;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import no.nystart.platform.testing.TestSql;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The outbox and its relay against the real PostgreSQL and Kafka broker. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform_test"))
class OutboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;

    @Test
    void append_outside_a_transaction_fails_loudly_and_writes_nothing() {
        long before = count("select count(*) from nystart_outbox");
        given().when().post("/probe/outside-transaction")
                .then().statusCode(200).body(equalTo(OutboxOutsideTransactionException.class.getName()));
        assertThat(count("select count(*) from nystart_outbox")).isEqualTo(before);
    }

    @Test
    void a_service_cannot_append_events_of_another_services_topic() {
        long before = count("select count(*) from nystart_outbox");
        given().when().post("/probe/foreign-event")
                .then().statusCode(200).body(containsString("settlement.events.v1 belongs to settlement"));
        assertThat(count("select count(*) from nystart_outbox")).isEqualTo(before);
    }

    @Test
    void a_rolled_back_transaction_leaves_neither_the_state_change_nor_its_events() {
        long notes = count("select count(*) from test_note");
        long events = count("select count(*) from nystart_outbox");
        given().queryParam("events", 2).queryParam("fail", true).when().post("/probe/notes").then().statusCode(500);
        assertThat(count("select count(*) from test_note")).isEqualTo(notes);
        assertThat(count("select count(*) from nystart_outbox")).isEqualTo(events);
    }

    @Test
    void events_of_one_key_are_published_in_the_order_they_were_appended_and_marked_sent() throws Exception {
        String personId = given().queryParam("events", 5).when().post("/probe/notes").then().statusCode(200).extract().asString();
        List<ConsumerRecord<String, byte[]>> records = TestInfrastructure.get().kafka()
                .awaitRecords(Topics.RECEPTION, r -> personId.equals(r.key()), 5, Duration.ofSeconds(30));
        List<String> days = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            days.add(JSON.readTree(record.value()).get("registeredOn").asText());
        }
        assertThat(days).containsExactly("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                count("select count(*) from nystart_outbox where record_key = ? and sent_at is not null", personId)).isEqualTo(5));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("nystart_outbox_published_total"))
                .body(containsString("nystart_outbox_pending"))
                .body(containsString("nystart_outbox_oldest_pending_age_seconds"));
    }

    @Test
    void a_bulk_row_publishes_its_source_events_in_order_in_chunks_and_nothing_after_it_overtakes_them() throws Exception {
        int events = 2_500; // the test configuration's chunk is 1,000: three chunks
        String personId = given().queryParam("events", events).when().post("/probe/bulk").then().statusCode(200).extract().asString();
        List<ConsumerRecord<String, byte[]>> records = TestInfrastructure.get().kafka()
                .awaitRecords(Topics.RECEPTION, r -> personId.equals(r.key()), events + 2, Duration.ofSeconds(60));
        assertThat(records).hasSize(events + 2);
        // the event appended before the bulk row first, the one appended after it last, the bulk events in between
        assertThat(JSON.readTree(records.get(0).value()).get("registeredOn").asText()).isEqualTo("2026-01-01");
        assertThat(JSON.readTree(records.get(events + 1).value()).get("registeredOn").asText()).isEqualTo("2026-02-01");
        List<Integer> order = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records.subList(1, events + 1)) {
            order.add(JSON.readTree(record.value()).get("n").asInt());
            ids.add(no.nystart.platform.testing.KafkaTestClient.header(record, "ce_id"));
            assertThat(no.nystart.platform.testing.KafkaTestClient.header(record, "ce_type")).isEqualTo("no.nystart.ResidentRegistered.v1");
            assertThat(no.nystart.platform.testing.KafkaTestClient.header(record, "ce_subject")).isEqualTo(personId);
        }
        assertThat(order).isEqualTo(java.util.stream.IntStream.rangeClosed(1, events).boxed().toList());
        // each event carries the id its source gave it, so a republished event is recognised by consumers
        assertThat(ids).containsExactlyElementsOf(TestSql.strings(
                "select cast(e.event_id as text) from test_bulk_event e where e.person_id = ? order by e.position", personId));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count("select count(*) from nystart_outbox "
                + "where bulk_source = 'test_bulk_events' and sent_at is not null and bulk_position = (select max(position) "
                + "from test_bulk_event where person_id = ?)", personId)).isEqualTo(1));
    }

    @Test
    void a_bulk_row_resumes_after_the_position_it_recorded() throws Exception {
        // as after a crash between two chunks: the first 1,200 events were acknowledged and recorded, 800 remain
        String personId = UUID.randomUUID().toString();
        String batch = UUID.randomUUID().toString();
        execute("insert into test_bulk_event (batch, event_id, person_id, n) select ?, gen_random_uuid(), ?, i "
                + "from generate_series(1, 2000) i", batch, personId);
        long recorded = count("select position from test_bulk_event where batch = ? and n = 1200", batch);
        execute("insert into nystart_outbox (event_id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, "
                + "ce_dataschema, payload, bulk_source, bulk_argument, bulk_position) values (gen_random_uuid(), ?, '*', "
                + "'no.nystart.ResidentRegistered.v1', '/nystart/reception-training', '*', now(), 'https://nystart.no/probe', '', "
                + "'test_bulk_events', ?, ?)", Topics.RECEPTION, batch, recorded);
        List<ConsumerRecord<String, byte[]>> records = TestInfrastructure.get().kafka()
                .awaitRecords(Topics.RECEPTION, r -> personId.equals(r.key()), 800, Duration.ofSeconds(60));
        List<Integer> order = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            order.add(JSON.readTree(record.value()).get("n").asInt());
        }
        assertThat(order).isEqualTo(java.util.stream.IntStream.rangeClosed(1201, 2000).boxed().toList());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count("select count(*) from nystart_outbox "
                + "where bulk_argument = ? and sent_at is not null", batch)).isEqualTo(1));
    }

    @Test
    void a_bulk_source_must_be_a_plain_function_name() {
        given().when().post("/probe/bulk-bad-source").then().statusCode(200).body(containsString("lower-case SQL function name"));
    }

    @Test
    void a_row_kafka_can_never_accept_is_parked_and_holds_back_only_the_later_rows_of_its_own_key() throws Exception {
        String key = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String insert = "insert into nystart_outbox (event_id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, "
                + "ce_dataschema, payload) values (?, ?, ?, 'no.nystart.Probe.v1', '/nystart/reception-training', ?, now(), "
                + "'https://nystart.no/probe', ?)";
        // larger than the producer's max.request.size (1 MiB by default): Kafka refuses it however often it is sent
        String tooLarge = "{\"n\":1,\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
        execute(insert, UUID.randomUUID(), Topics.RECEPTION, key, key, tooLarge);
        execute(insert, UUID.randomUUID(), Topics.RECEPTION, key, key, "{\"n\":2}");
        execute(insert, UUID.randomUUID(), Topics.RECEPTION, other, other, "{\"n\":3}");

        // another key is not held up by the parked row
        TestInfrastructure.get().kafka().awaitRecords(Topics.RECEPTION, r -> other.equals(r.key()), 1, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                "select count(*) from nystart_outbox where record_key = ? and parked_at is not null "
                        + "and last_error like '%RecordTooLargeException%'", key)).isEqualTo(1));
        // the later row of the same key waits, untried, so the key's order is kept
        assertThat(count("select count(*) from nystart_outbox where record_key = ? and sent_at is null and parked_at is null "
                + "and attempts = 0", key)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/health/well")
                .then().statusCode(503).body("checks.find { it.name == 'nystart-outbox' }.data.parked", equalTo(1)));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("nystart_outbox_parked "));

        // the operator's fix (docs/runbook.md): a payload Kafka accepts, then clear parked_at
        execute("update nystart_outbox set payload = '{\"n\":1}', parked_at = null where record_key = ? and parked_at is not null", key);
        List<ConsumerRecord<String, byte[]>> records = TestInfrastructure.get().kafka()
                .awaitRecords(Topics.RECEPTION, r -> key.equals(r.key()), 2, Duration.ofSeconds(30));
        List<Integer> order = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            order.add(JSON.readTree(record.value()).get("n").asInt());
        }
        assertThat(order).containsExactly(1, 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/well")
                .then().statusCode(200).body("checks.find { it.name == 'nystart-outbox' }.data.parked", equalTo(0)));
    }

    @Test
    void only_record_level_refusals_park_a_row_and_a_broker_outage_never_does() {
        assertThat(OutboxRelay.neverAcceptable(new org.apache.kafka.common.errors.RecordTooLargeException("big"))).isTrue();
        assertThat(OutboxRelay.neverAcceptable(new org.apache.kafka.common.errors.SerializationException("bad"))).isTrue();
        assertThat(OutboxRelay.neverAcceptable(new org.apache.kafka.common.errors.TimeoutException("broker down"))).isFalse();
        assertThat(OutboxRelay.neverAcceptable(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moving")))
                .isFalse();
        assertThat(OutboxRelay.neverAcceptable(new org.apache.kafka.common.errors.TopicAuthorizationException("acl")))
                .isFalse();
    }

    @Test
    void sent_rows_older_than_the_retention_are_pruned_and_younger_ones_kept() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        String insert = "insert into nystart_outbox (event_id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, "
                + "ce_dataschema, payload, created_at, sent_at) values (?, 'pruning.test', ?, 't', 's', 'x', now(), 'd', '{}', "
                + "now() - interval '30 days', %s)";
        execute(insert.formatted("now() - interval '30 days'"), old, old.toString());
        execute(insert.formatted("now() - interval '1 day'"), recent, recent.toString());
        assertThat(relay.prune()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from nystart_outbox where event_id = ?", old)).isZero();
        assertThat(count("select count(*) from nystart_outbox where event_id = ?", recent)).isEqualTo(1);
    }

    @Test
    void the_health_check_turns_down_when_the_outbox_stops_draining_and_up_when_it_drains_again() {
        var broker = TestInfrastructure.get().broker();
        broker.stop();
        try {
            given().queryParam("events", 1).when().post("/probe/notes").then().statusCode(200);
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().when().get("/q/health/well")
                    .then().statusCode(503).body("checks.find { it.name == 'nystart-outbox' }.status", equalTo("DOWN")));
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().when().get("/q/health/well")
                .then().statusCode(200).body("status", equalTo("UP")));
        assertThat(count("select count(*) from nystart_outbox where sent_at is null")).isZero();
    }
    @Test
    void events_kafka_acknowledged_before_the_database_failed_are_marked_sent_later_not_published_again() throws Exception {
        // the database refuses to mark rows sent while test_fail_mark has a row: as when it goes away right after
        // Kafka acknowledged a batch (seen in the fault suite's database outage: events on the topic twice)
        execute("create table if not exists test_fail_mark (on_purpose boolean primary key)");
        execute("create or replace function test_fail_mark_sent() returns trigger language plpgsql as $$ begin "
                + "if exists (select 1 from test_fail_mark) then raise exception 'test: marking sent refused'; end if; "
                + "return new; end $$");
        execute("drop trigger if exists test_fail_mark_sent on nystart_outbox");
        execute("create trigger test_fail_mark_sent before update of sent_at on nystart_outbox for each row "
                + "when (old.sent_at is null and new.sent_at is not null) execute function test_fail_mark_sent()");
        String personId;
        execute("insert into test_fail_mark values (true)");
        try {
            personId = given().queryParam("events", 1).when().post("/probe/notes").then().statusCode(200).extract().asString();
            TestInfrastructure.get().kafka().awaitRecord(Topics.RECEPTION, r -> personId.equals(r.key()), Duration.ofSeconds(30));
            // the relay's retries (backoff 0.5 s, 1 s, 2 s) run while the marking is still refused
            Thread.sleep(4_000);
            assertThat(count("select count(*) from nystart_outbox where record_key = ? and sent_at is null", personId))
                    .as("not marked while the database refuses").isEqualTo(1);
        } finally {
            execute("delete from test_fail_mark");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                count("select count(*) from nystart_outbox where record_key = ? and sent_at is not null", personId)).isEqualTo(1));
        execute("drop trigger if exists test_fail_mark_sent on nystart_outbox");
        long copies = TestInfrastructure.get().kafka().readAll(Topics.RECEPTION, Duration.ofSeconds(20)).stream()
                .filter(r -> personId.equals(r.key())).count();
        assertThat(copies).as("the event on the topic once, although its first marking failed").isEqualTo(1);
    }
}
