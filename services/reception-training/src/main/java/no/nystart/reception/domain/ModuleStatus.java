package no.nystart.reception.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import no.nystart.contracts.reception.ExemptionReason;
import no.nystart.contracts.reception.TrainingModule;

/** Required, attended and remaining hours of one module; remaining is 0 when exempt or completed. */
public record ModuleStatus(TrainingModule module, int requiredHours, BigDecimal attendedHours, BigDecimal remainingHours,
        boolean exempt, ExemptionReason exemptionReason, LocalDate completedOn) {
}
