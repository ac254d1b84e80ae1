package no.nystart.grants.domain;

import java.time.LocalDate;
import java.time.MonthDay;

/** A quarterly payout term (docs/domain/grants.md#5a: Q1 early April, Q2 early July, Q3 early October, Q4 mid December). */
public record PayoutTerm(int budgetYear, int quarter) {

    public PayoutTerm {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter 1-4, was " + quarter);
        }
    }

    /**
     * The first payout term whose cut-off is on or after {@code date}. After the last cut-off of a year the
     * claim waits for Q1 of the next budget year (docs/domain/grants.md#5b: "persons settled late in a year can get year 1 +
     * first term of year 2 in the next Q1 payout").
     */
    public static PayoutTerm firstOnOrAfter(LocalDate date, GrantRules rules) {
        MonthDay day = MonthDay.from(date);
        for (int q = 1; q <= 4; q++) {
            if (!day.isAfter(rules.payoutCutoffs().get(q - 1))) {
                return new PayoutTerm(date.getYear(), q);
            }
        }
        return new PayoutTerm(date.getYear() + 1, 1);
    }
}
