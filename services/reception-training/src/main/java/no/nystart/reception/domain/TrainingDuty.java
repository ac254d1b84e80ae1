package no.nystart.reception.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.contracts.reception.TrainingModule;

/**
 * Whether a resident has the duty to take mandatory training in reception, and in which modules with how
 * many hours (docs/domain/reception.md#1a/1b). Pure rule; no framework.
 *
 * @param regime         the regime by registration date (shown even when there is no duty)
 * @param ageAtRegistration whole years at the registration date
 * @param noDutyReason   empty when the duty applies
 */
public record TrainingDuty(TrainingRegime regime, int ageAtRegistration, Optional<NoDutyReason> noDutyReason) {

    /**
     * Assesses the duty.
     *
     * @param birthDate         date of birth
     * @param registeredOn      date registered in the centre (decides the regime, docs/domain/reception.md#1a)
     * @param procedure         the asylum procedure
     * @param permitDecidedOn   date of a permit decision, if one exists
     * @param asOf              the day the duty is assessed for; a permit decided on or before it ends the duty
     */
    public static TrainingDuty assess(LocalDate birthDate, LocalDate registeredOn, AsylumProcedure procedure,
            Optional<LocalDate> permitDecidedOn, LocalDate asOf) {
        TrainingRegime regime = TrainingRegime.forRegistrationDate(registeredOn);
        int age = Period.between(birthDate, registeredOn).getYears();
        NoDutyReason reason = null;
        if (!regime.imposesDuty()) {
            reason = NoDutyReason.REGISTERED_BEFORE_2018_09_01;
        } else if (procedure == AsylumProcedure.FAST_TRACK) {
            reason = NoDutyReason.FAST_TRACK_PROCEDURE;
        } else if (procedure == AsylumProcedure.DUBLIN) {
            reason = NoDutyReason.DUBLIN_PROCEDURE;
        } else if (procedure == AsylumProcedure.COLLECTIVE_PROTECTION) {
            reason = NoDutyReason.COLLECTIVE_PROTECTION;
        } else if (age < regime.minimumAge()) {
            reason = NoDutyReason.BELOW_AGE_LIMIT;
        } else if (permitDecidedOn.isPresent() && !permitDecidedOn.get().isAfter(asOf)) {
            reason = NoDutyReason.PERMIT_DECISION;
        }
        return new TrainingDuty(regime, age, Optional.ofNullable(reason));
    }

    public boolean applies() {
        return noDutyReason.isEmpty();
    }

    /** Required hours per module while the duty applies; empty otherwise. */
    public Map<TrainingModule, Integer> requiredHours() {
        return applies() ? regime.requiredHours() : Map.of();
    }

    /** Whether the duty covers {@code module}. */
    public boolean covers(TrainingModule module) {
        return requiredHours().containsKey(module);
    }
}
