package no.nystart.contracts.grants;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * A reversal entry was appended to the grant ledger, cancelling an earlier claim. amountNok is the reversal's signed ledger amount, the negation of the reversed claim's amount, so a consumer sums entries to get the net.
 *
 * @param claimId             The reversal's own ledger entry.
 * @param reversedClaimId     The ledger entry being reversed.
 * @param personId            The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality        Kommunenummer of the municipality of the reversed claim.
 * @param grantCode           The grant code of the reversed claim.
 * @param budgetYear          The budget year of the reversed claim.
 * @param settlementYearIndex Year of the grant period of the reversed claim; absent for one-off grants.
 * @param payoutQuarter       The payout quarter (1-4) in which the reversal is settled.
 * @param amountNok           Signed amount in whole Norwegian kroner; the negation of the reversed claim's amount.
 * @param rateTableVersion    Version of the rate table of the reversed claim.
 * @param reason              Why the claim was reversed.
 * @param causingEventId      ce_id of the event that caused the reversal.
 * @param registeredOn        Date the reversal was appended to the ledger.
 */
@EventType(name = "GrantClaimReversed", topic = Topics.GRANTS)
public record GrantClaimReversed(
        UUID claimId,
        UUID reversedClaimId,
        UUID personId,
        String municipality,
        GrantCode grantCode,
        int budgetYear,
        @Nullable Integer settlementYearIndex,
        int payoutQuarter,
        long amountNok,
        String rateTableVersion,
        ReversalReason reason,
        UUID causingEventId,
        LocalDate registeredOn) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
