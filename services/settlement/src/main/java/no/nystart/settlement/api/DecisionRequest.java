package no.nystart.settlement.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** IMDi's request and the municipal council's decision (docs/domain/settlement.md#2, "Anmodning", "Vedtak"). */
public record DecisionRequest(
        @NotNull(message = "decision.required: requestedTotal is required") @Min(value = 0, message = "decision.non-negative: cannot be negative") @Max(value = 100000, message = "decision.max: at most 100000") Integer requestedTotal,
        @NotNull(message = "decision.required: requestedUnaccompaniedMinors is required") @Min(value = 0, message = "decision.non-negative: cannot be negative") @Max(value = 100000, message = "decision.max: at most 100000") Integer requestedUnaccompaniedMinors,
        @NotNull(message = "decision.required: decidedTotal is required") @Min(value = 0, message = "decision.non-negative: cannot be negative") @Max(value = 100000, message = "decision.max: at most 100000") Integer decidedTotal,
        @NotNull(message = "decision.required: decidedUnaccompaniedMinors is required") @Min(value = 0, message = "decision.non-negative: cannot be negative") @Max(value = 100000, message = "decision.max: at most 100000") Integer decidedUnaccompaniedMinors,
        @NotNull(message = "decision.required: decidedOn is required") LocalDate decidedOn) {
}
