package no.nystart.contracts.reception;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A resident moved out of a reception centre (after settlement, or for another reason).
 *
 * @param personId          The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param receptionCentreId The reception centre the resident left.
 * @param hostMunicipality  Kommunenummer of the centre's host municipality.
 * @param leftOn            Date the resident moved out.
 * @param reason            Why the resident left.
 * @param causingEventId    ce_id of the event that caused the departure (e.g. PersonSettled); absent when recorded by staff.
 */
@EventType(name = "ResidentLeftReception", topic = Topics.RECEPTION)
public record ResidentLeftReception(
        UUID personId,
        UUID receptionCentreId,
        String hostMunicipality,
        LocalDate leftOn,
        DepartureReason reason,
        @Nullable UUID causingEventId) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
