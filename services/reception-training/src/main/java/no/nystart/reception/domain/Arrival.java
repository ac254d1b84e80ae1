package no.nystart.reception.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.nystart.contracts.Sex;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.platform.validation.CountryCodes;
import no.nystart.platform.validation.DufNumber;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;

/**
 * An arrival to be registered in a reception centre, with the rules it must satisfy before it is
 * accepted. Pure domain code: no framework, no database.
 */
public record Arrival(
        String dufNumber,
        String firstName,
        String lastName,
        LocalDate birthDate,
        Sex sex,
        String citizenship,
        UUID receptionCentreId,
        LocalDate registeredOn,
        UUID householdId,
        AsylumProcedure asylumProcedure) {

    /**
     * Checks the rules that need no stored state; throws {@link RuleViolationException} listing all
     * broken ones.
     *
     * <ul>
     *   <li>DUF number: 12 digits starting with a plausible year of first application (docs/domain/identifiers.md#7b).</li>
     *   <li>Citizenship: ISO 3166-1 alpha-3 or an ICAO code for stateless/unknown (docs/services/).</li>
     *   <li>Dates in Europe/Oslo: registration not in the future; birth not after registration.</li>
     * </ul>
     */
    public void checkRules(LocalDate today, java.time.Clock clock) {
        List<Violation> violations = new ArrayList<>();
        DufNumber.validate("dufNumber", dufNumber, clock).ifPresent(violations::add);
        CountryCodes.validateCitizenship("citizenship", citizenship).ifPresent(violations::add);
        if (registeredOn.isAfter(today)) {
            violations.add(new Violation("registeredOn", "date.not-in-future",
                    "the registration date " + registeredOn + " is after today (" + today + ")"));
        }
        if (birthDate.isAfter(registeredOn)) {
            violations.add(new Violation("birthDate", "birth-date.before-registration",
                    "the birth date " + birthDate + " is after the registration date " + registeredOn));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }
}
