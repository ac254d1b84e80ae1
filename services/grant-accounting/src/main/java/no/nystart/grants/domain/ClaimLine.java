package no.nystart.grants.domain;

import no.nystart.contracts.grants.GrantCode;

/**
 * A claim the rules say is due, before its rate is known: the amount is part {@code part} of {@code parts} of the
 * rate for {@code grantCode} in the rate table of {@code grantYear}.
 *
 * @param grantCode           the grant
 * @param grantYear           the calendar year the grant covers; its rate table applies (never another year's)
 * @param settlementYearIndex 1-5 for integration grants (the EM grant may run to 6+), null for one-off grants
 * @param term                when it is paid
 */
public record ClaimLine(GrantCode grantCode, int grantYear, Integer settlementYearIndex, PayoutTerm term, int part,
        int parts) {
}
