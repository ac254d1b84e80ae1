package no.nystart.settlement.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.ResidencePermitGranted;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import no.nystart.settlement.service.CaseService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What settlement reacts to on {@code reception.events.v1}. */
@ApplicationScoped
public class ReceptionEventsConsumer {
    private final EventRouter router;

    public ReceptionEventsConsumer(Inbox inbox, CaseService cases) {
        this.router = inbox.router("settlement")
                .on(ResidentRegistered.class, cases::openForArrival)
                .on(ResidencePermitGranted.class, cases::onPermit)
                .on(CompetenceMapped.class, cases::onCompetence);
    }

    @Incoming("reception-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return router.dispatch(record);
    }
}
