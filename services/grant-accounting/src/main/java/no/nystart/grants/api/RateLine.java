package no.nystart.grants.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import no.nystart.contracts.grants.GrantCode;

/**
 * One rate of a rate table: whole kroner (a BigDecimal so that 1.5 is refused, not rounded), its source and
 * whether it is verified.
 */
public record RateLine(
        @NotNull(message = "rate-table.grant-code-required: grantCode is required") GrantCode grantCode,
        @NotNull(message = "money.amount-required: amountNok is required")
        @PositiveOrZero(message = "money.not-negative: amountNok must not be negative")
        @Digits(integer = 12, fraction = 0, message = "money.whole-kroner: amountNok must be whole kroner (no øre, no fractions)")
        BigDecimal amountNok,
        @NotBlank(message = "rate-table.source-required: source (where the figure comes from) is required") String source,
        @NotNull(message = "rate-table.verified-required: verified (true/false) is required") Boolean verified) {
}
