package no.nystart.contracts.reception;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Topics;

/**
 * A resident's attended hours in one module of the mandatory reception training reached the requirement. Published once per person and module.
 *
 * @param personId          The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param module            The completed training module.
 * @param regime            The regime the training duty followed (decided by the date registered in the centre).
 * @param hoursRequired     The required hours of the module that were reached (175, 50 or 25).
 * @param completedOn       Date of the session in which the requirement was reached.
 * @param receptionCentreId The reception centre where the training took place.
 * @param hostMunicipality  Kommunenummer of the host municipality that provided the training (receives the reception-training grant).
 */
@EventType(name = "MandatoryTrainingCompleted", topic = Topics.RECEPTION)
public record MandatoryTrainingCompleted(
        UUID personId,
        TrainingModule module,
        Regime regime,
        int hoursRequired,
        LocalDate completedOn,
        UUID receptionCentreId,
        String hostMunicipality) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
