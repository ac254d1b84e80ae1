package no.nystart.reception.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import no.nystart.reception.service.DepartureService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What reception-training reacts to on {@code settlement.events.v1} (consumer group reception-training). */
@ApplicationScoped
public class SettlementEventsConsumer {
    private final EventRouter router;

    public SettlementEventsConsumer(Inbox inbox, DepartureService departures) {
        this.router = inbox.router("reception-training")
                .on(PersonSettled.class, departures::onSettled);
    }

    @Incoming("settlement-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return router.dispatch(record);
    }
}
