package no.nystart.settlement.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A matching run for the decisions of one year; timeLimitSeconds caps the solver (default from configuration). */
public record MatchingRunRequest(
        @NotNull(message = "matching.required: year is required") @Min(value = 2000, message = "matching.year: 2000..2100") @Max(value = 2100, message = "matching.year: 2000..2100") Integer year,
        @Min(value = 1, message = "matching.time-limit: 1..120 seconds") @Max(value = 120, message = "matching.time-limit: 1..120 seconds") Integer timeLimitSeconds) {
}
