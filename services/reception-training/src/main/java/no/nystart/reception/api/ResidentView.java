package no.nystart.reception.api;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.Sex;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.reception.persistence.ResidentEntity;

/** A resident as staff see it. */
public record ResidentView(
        UUID personId,
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

    static ResidentView of(ResidentEntity r) {
        return new ResidentView(r.personId, r.dufNumber, r.firstName, r.lastName, r.birthDate, r.sex, r.citizenship,
                r.receptionCentreId, r.registeredOn, r.householdId, r.asylumProcedure);
    }
}
