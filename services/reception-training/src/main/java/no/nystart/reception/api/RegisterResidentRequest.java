package no.nystart.reception.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.Sex;
import no.nystart.contracts.reception.AsylumProcedure;
import no.nystart.reception.domain.Arrival;

/** {@code POST /api/v1/residents}: an arrival at a reception centre. */
public record RegisterResidentRequest(
        @NotNull @Pattern(regexp = "[0-9]{12}", message = "duf-number.format: must be 12 digits") String dufNumber,
        @NotBlank @Size(max = 200) String firstName,
        @NotBlank @Size(max = 200) String lastName,
        @NotNull LocalDate birthDate,
        @NotNull Sex sex,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "citizenship.iso3166-alpha3: must be an ISO 3166-1 alpha-3 code") String citizenship,
        @NotNull UUID receptionCentreId,
        @NotNull LocalDate registeredOn,
        UUID householdId,
        @NotNull AsylumProcedure asylumProcedure) {

    public Arrival toArrival() {
        return new Arrival(dufNumber, firstName.strip(), lastName.strip(), birthDate, sex, citizenship, receptionCentreId,
                registeredOn, householdId, asylumProcedure);
    }
}
