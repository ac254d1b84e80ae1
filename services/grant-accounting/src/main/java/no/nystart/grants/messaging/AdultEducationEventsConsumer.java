package no.nystart.grants.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import no.nystart.contracts.adulteducation.LearnerRightsEstablished;
import no.nystart.grants.service.TrainingGrantService;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What grant-accounting reacts to on {@code adult-education.events.v1}: the Norwegian-training person grant (docs/domain/grants.md#5f). */
@ApplicationScoped
public class AdultEducationEventsConsumer {
    private final EventRouter router;

    public AdultEducationEventsConsumer(Inbox inbox, TrainingGrantService grants) {
        this.router = inbox.router("grant-accounting")
                .on(LearnerRightsEstablished.class, grants::onLearnerRights);
    }

    @Incoming("adult-education-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return router.dispatch(record);
    }
}
