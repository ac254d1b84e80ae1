package no.nystart.platform.inbox;

import static no.nystart.platform.testing.TestSql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.platform.PlatformTestSupport;
import no.nystart.platform.TestEventsConsumer;
import no.nystart.platform.testing.CloudEventRecords;
import no.nystart.platform.testing.KafkaTestClient;
import no.nystart.platform.testing.NyStartTestResource;
import no.nystart.platform.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The inbox behind a real SmallRye Kafka consumer: exactly-once effects, retries, dead letters. */
@QuarkusTest
@QuarkusTestResource(value = NyStartTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform_test"))
class InboxTest {
    @jakarta.inject.Inject
    InboxPruner pruner;

    @jakarta.inject.Inject
    Inbox inbox;

    private static final String TOPIC = "platform.test.v1";

    private static ResidentRegistered event(String citizenship) {
        ResidentRegistered base = PlatformTestSupport.event(UUID.randomUUID());
        return new ResidentRegistered(base.personId(), base.receptionCentreId(), base.hostMunicipality(),
                LocalDate.of(2026, 2, 1), base.birthDate(), base.sex(), citizenship, null, base.asylumProcedure());
    }

    private static void send(ResidentRegistered event, String eventId) {
        TestInfrastructure.get().kafka().send(TOPIC, 0, event.key(), CloudEventRecords.headers(event, eventId), EventJson.write(event));
    }

    private static void awaitHandled(ResidentRegistered event) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("select count(*) from test_note where text = ?", event.personId().toString()) == 1);
    }

    @Test
    void a_redelivered_event_runs_its_handler_once() {
        ResidentRegistered event = event("SYR");
        String eventId = UUID.randomUUID().toString();
        send(event, eventId);
        send(event, eventId);
        send(event, eventId);
        ResidentRegistered marker = event("SYR");
        send(marker, UUID.randomUUID().toString());
        awaitHandled(marker);

        assertThat(TestEventsConsumer.INVOCATIONS.get(event.personId()).get()).isEqualTo(1);
        assertThat(count("select count(*) from test_note where text = ?", event.personId().toString())).isEqualTo(1);
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'platform-test' and event_id = ?", eventId))
                .isEqualTo(1);
    }

    @Test
    void a_transient_failure_is_retried_until_it_passes_and_is_never_dead_lettered() {
        ResidentRegistered flaky = event("TRA");
        send(flaky, UUID.randomUUID().toString());
        awaitHandled(flaky);
        assertThat(TestEventsConsumer.INVOCATIONS.get(flaky.personId()).get()).isEqualTo(3);
    }

    @Test
    void at_shutdown_a_transient_failure_is_not_retried_and_the_event_is_neither_acknowledged_nor_dead_lettered() {
        @SuppressWarnings("unchecked")
        io.smallrye.mutiny.Uni<Boolean>[] holder = new io.smallrye.mutiny.Uni[1];
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        String eventId = UUID.randomUUID().toString();
        no.nystart.platform.events.EventEnvelope envelope = new no.nystart.platform.events.EventEnvelope(eventId,
                "/nystart/reception-training", "no.nystart.ResidentRegistered.v1", "p", java.time.OffsetDateTime.now(),
                "https://nystart.no/probe", "p", TOPIC, 0, 0);
        inbox.stopping(true);
        try {
            holder[0] = inbox.processOnce("platform-test-shutdown", envelope, () -> {
                attempts.incrementAndGet();
                return io.smallrye.mutiny.Uni.createFrom().failure(new java.net.ConnectException("simulated: pool closing"));
            });
            holder[0].subscribe().with(item -> outcome.set("item " + item), failure -> outcome.set("failure " + failure));
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 1);
            // well past the inbox's test backoff (50-200 ms): a retry would have run by now
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
            assertThat(attempts.get()).isEqualTo(1);
            assertThat(outcome.get()).as("neither acknowledged nor failed (a failure would be dead-lettered)").isNull();
            assertThat(count("select count(*) from nystart_inbox where event_id = ?", eventId)).isZero();
        } finally {
            inbox.stopping(false);
        }
    }

    @Test
    void a_failing_handler_is_retried_a_few_times_then_dead_lettered_with_the_reason_and_the_next_event_is_processed() {
        ResidentRegistered broken = event("BAD");
        String brokenId = UUID.randomUUID().toString();
        send(broken, brokenId);
        ResidentRegistered next = event("SYR");
        send(next, UUID.randomUUID().toString());
        awaitHandled(next);

        ConsumerRecord<String, byte[]> dead = TestInfrastructure.get().kafka()
                .awaitRecord(TOPIC + ".dlq.platform-test", r -> broken.key().equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("simulated: handler bug");
        assertThat(TestEventsConsumer.INVOCATIONS.get(broken.personId()).get()).isEqualTo(3);
        assertThat(count("select count(*) from test_note where text = ?", broken.personId().toString())).isZero();
        assertThat(KafkaTestClient.header(dead, "ce_id")).isEqualTo(brokenId);
        assertThat(count("select count(*) from nystart_inbox where event_id = ?", brokenId)).isZero();
    }

    @Test
    void inbox_rows_older_than_the_retention_are_pruned_and_recent_ones_kept() {
        no.nystart.platform.testing.TestSql.execute("insert into nystart_inbox (consumer_group, event_id, ce_type, topic, "
                + "kafka_partition, kafka_offset, processed_at) values ('prune-test', 'old', 't', 'x', 0, 1, now() - interval '40 days'), "
                + "('prune-test', 'recent', 't', 'x', 0, 2, now() - interval '2 days')");
        assertThat(pruner.prune()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'prune-test' and event_id = 'old'")).isZero();
        assertThat(count("select count(*) from nystart_inbox where consumer_group = 'prune-test' and event_id = 'recent'"))
                .isEqualTo(1);
    }

    @Test
    void event_types_the_consumer_does_not_handle_are_acknowledged_and_ignored() {
        ResidentRegistered event = event("SYR");
        var headers = CloudEventRecords.headers(event);
        headers.put("ce_type", "no.nystart.SomethingElse.v1");
        TestInfrastructure.get().kafka().send(TOPIC, 0, event.key(), headers, "{\"unrelated\":true}".getBytes());
        ResidentRegistered marker = event("SYR");
        send(marker, UUID.randomUUID().toString());
        awaitHandled(marker);
        assertThat(TestEventsConsumer.INVOCATIONS).doesNotContainKey(event.personId());
        assertThat(count("select count(*) from nystart_inbox where event_id = ?", headers.get("ce_id"))).isZero();
    }
}
