package no.nystart.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import no.nystart.platform.events.EventEnvelope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The idempotent consumer. {@link #router} gives a consumer its declarative {@link EventRouter};
 * every event it dispatches goes through {@link #processOnce}:
 *
 * <ol>
 *   <li>the work runs on a NEW safe (isolated) Vert.x duplicated context, so each record gets its
 *       own Hibernate Reactive session whatever thread or context the Kafka connector called us
 *       on (the "requires a safe (isolated) Vert.x sub-context" and "session is currently
 *       connecting" pitfalls are handled here once, not in each service);</li>
 *   <li>in ONE reactive transaction: insert {@code (consumer group, ce_id)} into
 *       {@code nystart_inbox}; when the row already existed the event was processed before and
 *       nothing else happens; otherwise the handler runs in the same transaction;</li>
 *   <li>transient failures (database or network unavailable, serialization conflicts) are retried
 *       with exponential backoff without limit: the partition waits, nothing is lost or
 *       dead-lettered because a database restarted, however long it is away (the platform turns off SmallRye's
 *       unprocessed-record max age, which would close the consumer; the waiting shows in the
 *       {@code nystart_inbox_retrying} gauges); any other failure is retried a few times and
 *       then fails the message, which the connector's {@code dead-letter-queue} strategy sends to
 *       the dead-letter topic with the reason.</li>
 *   <li>once the application shuts down, a transient failure is no longer retried (the database pool
 *       is closing: retrying would only keep the process from stopping). The event is then neither
 *       acknowledged nor failed, so it is not dead-lettered and its offset is not committed: Kafka
 *       delivers it again after the restart.</li>
 * </ol>
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    static final String INSERT = "insert into nystart_inbox (consumer_group, event_id, ce_type, topic, kafka_partition, kafka_offset) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing";

    private final Vertx vertx;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final int otherFailureRetries;
    private volatile boolean stopping;
    /** Events in a transient-failure retry now (consumer group / ce_id), with the time of their first failure. */
    private final Map<String, Instant> retrying = new ConcurrentHashMap<>();

    public Inbox(Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "nystart.inbox.backoff-initial", defaultValue = "PT0.2S") Duration backoffInitial,
            @ConfigProperty(name = "nystart.inbox.backoff-max", defaultValue = "PT30S") Duration backoffMax,
            @ConfigProperty(name = "nystart.inbox.other-failure-retries", defaultValue = "2") int otherFailureRetries) {
        this.vertx = vertx;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.otherFailureRetries = otherFailureRetries;
        Gauge.builder("nystart.inbox.retrying", retrying, Map::size)
                .description("Events waiting in a transient-failure retry (database unavailable); their partitions wait")
                .register(registry);
        Gauge.builder("nystart.inbox.retrying.oldest.age.seconds", this, Inbox::oldestRetryAgeSeconds)
                .description("Seconds since the first failure of the longest-waiting event in a transient-failure retry")
                .register(registry);
    }

    /** Seconds since the first transient failure of the event that has waited longest, 0 when none waits. */
    public double oldestRetryAgeSeconds() {
        return retrying.values().stream().min(Instant::compareTo)
                .map(first -> (double) Duration.between(first, Instant.now()).toSeconds()).orElse(0.0);
    }

    /** How many events wait in a transient-failure retry now. */
    public int retrying() {
        return retrying.size();
    }

    /** A router for one consumer group; register handlers with {@link EventRouter#on}. */
    public EventRouter router(String consumerGroup) {
        return new EventRouter(this, consumerGroup);
    }

    /**
     * Runs {@code work} at most once per {@code (consumerGroup, envelope.id())}, in one transaction
     * with the inbox record. Emits {@code true} when the work ran, {@code false} for a duplicate.
     */
    public Uni<Boolean> processOnce(String consumerGroup, EventEnvelope envelope, Supplier<Uni<Void>> work) {
        Uni<Boolean> once = onSafeContext(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, consumerGroup)
                        .setParameter(2, envelope.id())
                        .setParameter(3, envelope.type())
                        .setParameter(4, envelope.topic())
                        .setParameter(5, envelope.partition())
                        .setParameter(6, envelope.offset())
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.debugf("%s: event %s (%s) already processed, skipped", consumerGroup, envelope.id(), envelope.type());
                        return Uni.createFrom().item(false);
                    }
                    return work.get().replaceWith(true);
                })));
        String key = consumerGroup + "/" + envelope.id();
        return once
                .onFailure(e -> TransientFailures.isTransient(e) && !stopping).invoke(e -> {
                    retrying.putIfAbsent(key, Instant.now());
                    LOG.warnf("%s: transient failure on event %s, retrying: %s", consumerGroup, envelope.id(), e.toString());
                })
                .onFailure(e -> TransientFailures.isTransient(e) && !stopping).retry().withBackOff(backoffInitial, backoffMax)
                .indefinitely()
                // shutting down: leave the event unacknowledged (not dead-lettered, offset not committed)
                .onFailure(e -> TransientFailures.isTransient(e) && stopping).recoverWithUni(e -> {
                    LOG.infof("%s: shutting down; event %s (%s) %s-%d@%d left unacknowledged after a transient failure (%s), "
                            + "Kafka delivers it again after the restart", consumerGroup, envelope.id(), envelope.type(),
                            envelope.topic(), envelope.partition(), envelope.offset(), e.toString());
                    return Uni.createFrom().nothing();
                })
                .onFailure(e -> !TransientFailures.isPoison(e)).invoke(e -> LOG.warnf(e,
                        "%s: event %s (%s) failed; retried up to %d times, then dead-lettered", consumerGroup,
                        envelope.id(), envelope.type(), otherFailureRetries))
                .onFailure(e -> !TransientFailures.isPoison(e)).retry().withBackOff(backoffInitial, backoffMax)
                .atMost(otherFailureRetries)
                // the dead-letter record carries only the message; the log keeps the cause with its stack trace
                .onFailure(e -> !TransientFailures.isPoison(e)).invoke(e -> LOG.errorf(e,
                        "%s: event %s (%s) %s-%d@%d failed after %d retries and goes to the dead-letter topic",
                        consumerGroup, envelope.id(), envelope.type(), envelope.topic(), envelope.partition(),
                        envelope.offset(), otherFailureRetries))
                .onTermination().invoke(() -> retrying.remove(key));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** For tests: behave as during a shutdown (or not). */
    void stopping(boolean value) {
        stopping = value;
    }

    /** Subscribes to the work on a fresh duplicated context flagged safe, and emits its result back. */
    <T> Uni<T> onSafeContext(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            return Uni.createFrom().<T>emitter(emitter -> context.runOnContext(ignored -> {
                try {
                    work.get().subscribe().with(emitter::complete, emitter::fail);
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            }));
        });
    }
}
