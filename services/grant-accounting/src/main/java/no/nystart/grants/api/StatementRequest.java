package no.nystart.grants.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Which statement to issue: a budget year and the payout term (quarter 1-4) it is issued for. */
public record StatementRequest(
        @NotNull(message = "budget-year.required: budgetYear is required")
        @Min(value = 2000, message = "budget-year.range: year must be between 2000 and 2100")
        @Max(value = 2100, message = "budget-year.range: year must be between 2000 and 2100") Integer budgetYear,
        @NotNull(message = "payout-quarter.required: payoutQuarter is required")
        @Min(value = 1, message = "payout-quarter.range: a payout term is a quarter from 1 to 4")
        @Max(value = 4, message = "payout-quarter.range: a payout term is a quarter from 1 to 4") Integer payoutQuarter) {
}
