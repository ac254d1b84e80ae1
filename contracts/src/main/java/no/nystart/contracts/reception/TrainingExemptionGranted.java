package no.nystart.contracts.reception;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Topics;

/**
 * A resident was exempted from one module of the mandatory reception training.
 *
 * @param personId         The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param module           The module the exemption applies to.
 * @param reason           The ground for the exemption.
 * @param grantedOn        Date of the exemption decision.
 * @param regime           The regime the training duty followed.
 * @param hostMunicipality Kommunenummer of the centre's host municipality.
 */
@EventType(name = "TrainingExemptionGranted", topic = Topics.RECEPTION)
public record TrainingExemptionGranted(
        UUID personId,
        TrainingModule module,
        ExemptionReason reason,
        LocalDate grantedOn,
        Regime regime,
        String hostMunicipality) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
