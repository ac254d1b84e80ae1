package no.nystart.settlement.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import no.nystart.contracts.settlement.SettlementType;

/** Settles the whole household of a case. {@code override} lets a settlement exceed the decision, with a reason. */
public record SettleRequest(
        @NotBlank(message = "settlement.required: municipality is required") String municipality,
        @NotNull(message = "settlement.required: settledOn is required") LocalDate settledOn,
        @NotNull(message = "settlement.required: settlementType is required") SettlementType settlementType,
        @Valid Override override) {

    public record Override(@NotBlank(message = "settlement.override-reason: an override needs a reason") @Size(max = 1000, message = "settlement.override-reason: at most 1000 characters") String reason) {
    }
}
