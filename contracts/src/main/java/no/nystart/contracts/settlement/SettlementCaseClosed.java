package no.nystart.contracts.settlement;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A person's settlement case was closed: the person will not be settled through the scheme. Published once for the person whose case was closed; the rest of the household stays open.
 *
 * @param personId                      The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param householdId                   The household the person belonged to; its other members are not closed by this event.
 * @param reason                        Why the case was closed.
 * @param closedOn                      Date the case was closed.
 * @param withdrawnProposalMunicipality Kommunenummer of the municipality whose proposal for the person was withdrawn by the closing; absent when the case had no proposal.
 */
@EventType(name = "SettlementCaseClosed", topic = Topics.SETTLEMENT)
public record SettlementCaseClosed(
        UUID personId,
        UUID householdId,
        CaseCloseReason reason,
        LocalDate closedOn,
        @Nullable String withdrawnProposalMunicipality) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
