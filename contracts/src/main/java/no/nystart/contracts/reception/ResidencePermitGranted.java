package no.nystart.contracts.reception;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Topics;

/**
 * UDI granted a residence permit to a resident of a reception centre. The permit type and date decide the regime and the target groups of the introduction programme and adult education.
 *
 * @param personId          The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param permitType        Permit type per the Immigration Act.
 * @param permitDate        Date of the permit decision.
 * @param regime            The law that governs the person's integration rights and duties, derived from permit type and dates.
 * @param receptionCentreId The reception centre the resident lives in.
 * @param hostMunicipality  Kommunenummer of the centre's host municipality.
 */
@EventType(name = "ResidencePermitGranted", topic = Topics.RECEPTION)
public record ResidencePermitGranted(
        UUID personId,
        PermitType permitType,
        LocalDate permitDate,
        Regime regime,
        UUID receptionCentreId,
        String hostMunicipality) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
