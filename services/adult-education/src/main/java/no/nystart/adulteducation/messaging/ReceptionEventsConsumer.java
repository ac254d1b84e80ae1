package no.nystart.adulteducation.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import no.nystart.adulteducation.service.LearnerService;
import no.nystart.contracts.reception.MandatoryTrainingCompleted;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What adult-education reacts to on {@code reception.events.v1}. */
@ApplicationScoped
public class ReceptionEventsConsumer {
    private final EventRouter router;

    public ReceptionEventsConsumer(Inbox inbox, LearnerService learners) {
        this.router = inbox.router("adult-education")
                .on(MandatoryTrainingCompleted.class, learners::onReceptionTraining);
    }

    @Incoming("reception-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return router.dispatch(record);
    }
}
