package no.nystart.grants.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.grants.service.TrainingGrantService;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What grant-accounting reacts to on {@code reception.events.v1}: the reception-phase grants (docs/domain/reception.md#1d, docs/domain/grants.md#5g). */
@ApplicationScoped
public class ReceptionEventsConsumer {
    private final EventRouter router;

    public ReceptionEventsConsumer(Inbox inbox, TrainingGrantService grants) {
        this.router = inbox.router("grant-accounting")
                .on(ResidentRegistered.class, grants::onResidentRegistered)
                .on(CompetenceMapped.class, grants::onCompetenceMapped);
    }

    @Incoming("reception-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return router.dispatch(record);
    }
}
