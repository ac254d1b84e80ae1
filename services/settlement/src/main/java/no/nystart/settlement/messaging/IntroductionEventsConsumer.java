package no.nystart.settlement.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import no.nystart.contracts.introduction.IntroductionProgrammeCompleted;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import no.nystart.settlement.service.MunicipalityService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Programme results on {@code introduction.events.v1} feed the municipalities' result rates. */
@ApplicationScoped
public class IntroductionEventsConsumer {
    private final EventRouter router;

    public IntroductionEventsConsumer(Inbox inbox, MunicipalityService municipalities) {
        this.router = inbox.router("settlement")
                .on(IntroductionProgrammeCompleted.class, municipalities::onProgrammeCompleted);
    }

    @Incoming("introduction-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return router.dispatch(record);
    }
}
