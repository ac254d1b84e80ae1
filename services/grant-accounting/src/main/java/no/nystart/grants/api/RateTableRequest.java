package no.nystart.grants.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The whole rate table of a budget year: one amount per grant code. */
public record RateTableRequest(
        @NotEmpty(message = "rate-table.rates-required: at least one rate is required")
        List<@Valid @NotNull(message = "rate-table.rate-required: a rate line must not be null") RateLine> rates) {
}
