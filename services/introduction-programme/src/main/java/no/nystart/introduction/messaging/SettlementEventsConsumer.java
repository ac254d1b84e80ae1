package no.nystart.introduction.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.introduction.service.SettlementEventHandlers;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What introduction-programme reacts to on {@code settlement.events.v1}. */
@ApplicationScoped
public class SettlementEventsConsumer {
    private final EventRouter router;

    public SettlementEventsConsumer(Inbox inbox, SettlementEventHandlers participants) {
        this.router = inbox.router("introduction-programme")
                .on(PersonSettled.class, participants::onSettled)
                .on(PersonRelocated.class, participants::onRelocated);
    }

    @Incoming("settlement-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return router.dispatch(record);
    }
}
