package no.nystart.platform.inbox;

import io.smallrye.mutiny.Uni;
import no.nystart.contracts.NyStartEvent;
import no.nystart.platform.events.EventEnvelope;

/**
 * Reacts to one event type. Runs inside the inbox's reactive transaction: whatever it changes
 * (entities, outbox appends) commits together with the record that the event was consumed.
 */
@FunctionalInterface
public interface EventHandler<E extends NyStartEvent> {
    Uni<Void> handle(E event, EventEnvelope envelope);
}
