package no.nystart.settlement.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import no.nystart.settlement.domain.CloseReason;

/** Closes one person's settlement case (status CLOSED): the reason, the date, and a note (required for OTHER). */
public record CloseCaseRequest(
        @NotNull(message = "case.close-required: reason is required") CloseReason reason,
        @NotNull(message = "case.close-required: closedOn is required") LocalDate closedOn,
        @Size(max = 1000, message = "case.close-note: at most 1000 characters") String note) {
}
