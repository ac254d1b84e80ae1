package no.nystart.settlement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import no.nystart.contracts.settlement.RelocationType;

public record RelocationRequest(
        @NotBlank(message = "relocation.required: toMunicipality is required") String toMunicipality,
        @NotNull(message = "relocation.required: movedOn is required") LocalDate movedOn,
        @NotNull(message = "relocation.required: relocationType is required") RelocationType relocationType) {
}
