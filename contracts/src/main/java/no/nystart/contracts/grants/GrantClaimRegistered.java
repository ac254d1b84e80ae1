package no.nystart.contracts.grants;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EventType;
import no.nystart.contracts.Nullable;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;

/**
 * An entry was appended to the grant ledger: a municipality claims a grant for a person. The ledger is append-only; a correction is a GrantClaimReversed plus a new GrantClaimRegistered.
 *
 * @param claimId             The ledger entry.
 * @param personId            The person's NyStart identifier (UUID); also the Kafka key and ce_subject.
 * @param municipality        Kommunenummer of the municipality that receives the grant.
 * @param grantCode           The grant code.
 * @param budgetYear          The budget year in which the grant is paid. Usually also the year of the rate; a year-1 claim for a settlement after the Q4 cut-off is paid in Q1 of the next budget year at the settlement year's rate (rateTableVersion names the table; ADR 0005).
 * @param settlementYearIndex Year of the grant period (1-5 for integration grants counted from the settlement year; 1-3 for Norwegian-training grants); absent for one-off grants.
 * @param payoutQuarter       The payout quarter (1-4) of the budget year.
 * @param amountNok           Amount in whole Norwegian kroner.
 * @param rateTableVersion    Version of the rate table the amount was taken from (e.g. 2026-1).
 * @param causingEventId      ce_id of the event (or annual-run id) that caused the claim.
 * @param registeredOn        Date the entry was appended to the ledger.
 */
@EventType(name = "GrantClaimRegistered", topic = Topics.GRANTS)
public record GrantClaimRegistered(
        UUID claimId,
        UUID personId,
        String municipality,
        GrantCode grantCode,
        int budgetYear,
        @Nullable Integer settlementYearIndex,
        int payoutQuarter,
        long amountNok,
        String rateTableVersion,
        UUID causingEventId,
        LocalDate registeredOn) implements NyStartEvent {

    @Override
    public String key() {
        return personId.toString();
    }
}
