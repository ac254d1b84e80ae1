package no.nystart.settlement.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Sex;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.platform.validation.constraints.CountryCodeAlpha3;

/** A household that skips reception (resettlement quota, family reunification). */
public record RegisterCaseRequest(
        @NotNull(message = "case.required: arrivalRoute is required") ArrivalRoute arrivalRoute,
        @NotEmpty(message = "case.persons: at least one person") @Size(max = 30, message = "case.persons: at most 30 persons") List<@NotNull @Valid Person> persons) {

    public record Person(
            @NotBlank(message = "person.required: firstName is required") @Size(max = 200, message = "person.max-length: at most 200 characters") String firstName,
            @NotBlank(message = "person.required: lastName is required") @Size(max = 200, message = "person.max-length: at most 200 characters") String lastName,
            @NotNull(message = "person.required: birthDate is required") LocalDate birthDate,
            @NotNull(message = "person.required: sex is required") Sex sex,
            @NotNull(message = "person.required: citizenship is required") @CountryCodeAlpha3 String citizenship,
            String nationalId,
            @NotNull(message = "person.required: permitType is required") PermitType permitType,
            @NotNull(message = "person.required: permitDate is required") LocalDate permitDate,
            LocalDate arrivalDate,
            boolean unaccompaniedMinor) {
    }
}
