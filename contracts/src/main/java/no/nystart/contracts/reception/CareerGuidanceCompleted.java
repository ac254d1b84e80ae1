package no.nystart.contracts.reception;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * The county completed career guidance for a person (Integration Act § 11), based on the competence mapping.
 *
 * @param personId         The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param completedOn      Date the guidance was completed.
 * @param county           Fylkesnummer (two digits) of the county that gave the guidance.
 * @param hostMunicipality Kommunenummer of the municipality the person lived in.
 */
@EventType(name = "CareerGuidanceCompleted", topic = Topics.RECEPTION)
public record CareerGuidanceCompleted(
        UUID personId,
        LocalDate completedOn,
        String county,
        String hostMunicipality) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
