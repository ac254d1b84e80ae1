package no.nystart.contracts.settlement;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A matching run proposed a municipality for a household. Published once per household member (keyed by personId, so it stays ordered with the person's other events); members share householdId and matchingRunId.
 *
 * @param personId           The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param householdId        The household; a household is settled together.
 * @param householdSize      Number of persons in the household.
 * @param municipality       Kommunenummer of the proposed municipality.
 * @param matchingRunId      The matching run that made the proposal.
 * @param proposedOn         Date of the proposal.
 * @param unaccompaniedMinor True for an unaccompanied minor.
 */
@EventType(name = "SettlementProposed", topic = Topics.SETTLEMENT)
public record SettlementProposed(
        UUID personId,
        UUID householdId,
        int householdSize,
        String municipality,
        UUID matchingRunId,
        LocalDate proposedOn,
        boolean unaccompaniedMinor) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
