package no.nystart.introduction.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import no.nystart.contracts.adulteducation.NorwegianTestCompleted;
import no.nystart.contracts.reception.CompetenceMapped;
import no.nystart.contracts.reception.MandatoryTrainingCompleted;
import no.nystart.introduction.service.FollowUpService;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What introduction-programme follows on {@code reception.events.v1} and {@code adult-education.events.v1}. */
@ApplicationScoped
public class OtherEventsConsumers {
    private final EventRouter reception;
    private final EventRouter adultEducation;

    public OtherEventsConsumers(Inbox inbox, FollowUpService followUp) {
        this.reception = inbox.router("introduction-programme")
                .on(CompetenceMapped.class, followUp::onCompetenceMapped)
                .on(MandatoryTrainingCompleted.class, followUp::onMandatoryTraining);
        this.adultEducation = inbox.router("introduction-programme")
                .on(NorwegianTestCompleted.class, followUp::onNorwegianTest);
    }

    @Incoming("reception-events")
    public Uni<Void> consumeReception(ConsumerRecord<String, byte[]> record) {
        return reception.dispatch(record);
    }

    @Incoming("adult-education-events")
    public Uni<Void> consumeAdultEducation(ConsumerRecord<String, byte[]> record) {
        return adultEducation.dispatch(record);
    }
}
