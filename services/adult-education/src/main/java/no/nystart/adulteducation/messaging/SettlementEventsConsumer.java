package no.nystart.adulteducation.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import no.nystart.adulteducation.service.LearnerService;
import no.nystart.contracts.settlement.PersonRelocated;
import no.nystart.contracts.settlement.PersonSettled;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What adult-education reacts to on {@code settlement.events.v1}. */
@ApplicationScoped
public class SettlementEventsConsumer {
    private final EventRouter router;

    public SettlementEventsConsumer(Inbox inbox, LearnerService learners) {
        this.router = inbox.router("adult-education")
                .on(PersonSettled.class, learners::onSettled)
                .on(PersonRelocated.class, learners::onRelocated);
    }

    @Incoming("settlement-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return router.dispatch(record);
    }
}
