package no.nystart.contracts.grants;

/**
 * One line of a municipality's grant statement: total per grant code and payout quarter.
 *
 * @param grantCode     The grant code.
 * @param payoutQuarter The payout quarter (1-4) of the budget year.
 * @param claimCount    Number of ledger entries summed in this line (claims and reversals).
 * @param amountNok     Net amount in whole Norwegian kroner (claims minus reversals).
 */
public record StatementLine(
        GrantCode grantCode,
        int payoutQuarter,
        int claimCount,
        long amountNok) {
}
