package no.nystart.grants.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.grants.service.ClaimService;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What grant-accounting reacts to on {@code settlement.events.v1}. */
@ApplicationScoped
public class SettlementEventsConsumer {
    private final EventRouter router;

    public SettlementEventsConsumer(Inbox inbox, ClaimService claims) {
        this.router = inbox.router("grant-accounting")
                .on(PersonSettled.class, claims::onSettled)
                .on(PersonRelocated.class, claims::onRelocated);
    }

    @Incoming("settlement-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return router.dispatch(record);
    }
}
