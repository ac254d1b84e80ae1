package no.nystart.platform.inbox;

import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.platform.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * A consumer's declaration of what it reacts to, in the manner of a river: one handler per event
 * type; every other type on the topic is acknowledged and ignored (a topic carries more types than
 * any one consumer needs, and new types may appear within v1).
 *
 * <pre>{@code
 * router = inbox.router("settlement")
 *         .on(ResidentRegistered.class, cases::openForArrival)
 *         .on(ResidencePermitGranted.class, cases::permitGranted);
 *
 * @Incoming("reception-events")
 * Uni<Void> consume(ConsumerRecord<String, byte[]> record) { return router.dispatch(record); }
 * }</pre>
 */
public final class EventRouter {
    private static final Logger LOG = Logger.getLogger(EventRouter.class);

    private final Inbox inbox;
    private final String consumerGroup;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();

    EventRouter(Inbox inbox, String consumerGroup) {
        this.inbox = inbox;
        this.consumerGroup = consumerGroup;
    }

    private record Route<E extends NyStartEvent>(Class<E> eventClass, EventHandler<E> handler) {
        /** Reads the payload before any transaction starts, so an unreadable one never touches the database. */
        java.util.function.Supplier<Uni<Void>> prepare(byte[] payload, EventEnvelope envelope) {
            E event;
            try {
                event = EventJson.read(payload, eventClass);
            } catch (RuntimeException e) {
                throw new PoisonEventException("payload of " + envelope.type() + " is not a valid "
                        + eventClass.getSimpleName() + ": " + e.getMessage(), e);
            }
            if (event == null) {
                throw new PoisonEventException("payload of " + envelope.type() + " is empty");
            }
            return () -> handler.handle(event, envelope);
        }
    }

    /** Handles events of this type; one handler per type. */
    public <E extends NyStartEvent> EventRouter on(Class<E> eventClass, EventHandler<E> handler) {
        String ceType = EventType.Attributes.ceType(NyStartEvent.typeOf(eventClass));
        if (routes.putIfAbsent(ceType, new Route<>(eventClass, handler)) != null) {
            throw new IllegalStateException(consumerGroup + " already has a handler for " + ceType);
        }
        return this;
    }

    public Set<String> handledTypes() {
        return routes.keySet();
    }

    /**
     * Validates the envelope, and runs the handler of the event's type exactly once per ce_id.
     * A malformed record fails with {@link PoisonEventException} (the connector dead-letters it).
     */
    public Uni<Void> dispatch(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        java.util.function.Supplier<Uni<Void>> work;
        try {
            envelope = EventEnvelope.from(record);
            Route<?> route = routes.get(envelope.type());
            if (route == null) {
                LOG.debugf("%s ignores %s (%s)", consumerGroup, envelope.type(), envelope.id());
                return Uni.createFrom().voidItem();
            }
            work = route.prepare(record.value(), envelope);
        } catch (PoisonEventException e) {
            LOG.warnf("%s: poison record %s-%d@%d goes to the dead-letter topic: %s", consumerGroup,
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return inbox.processOnce(consumerGroup, envelope, work).replaceWithVoid();
    }
}
