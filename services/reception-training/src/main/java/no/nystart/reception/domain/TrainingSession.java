package no.nystart.reception.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import no.nystart.contracts.reception.TrainingModule;

/** Attended hours of one module on one day. */
public record TrainingSession(TrainingModule module, LocalDate date, BigDecimal hours) {
}
