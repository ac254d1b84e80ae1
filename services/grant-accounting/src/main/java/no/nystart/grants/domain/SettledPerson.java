package no.nystart.grants.domain;

import java.time.LocalDate;
import java.time.Period;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.settlement.SettlementType;

/** What the grant rules need to know about a settled person (from PersonSettled). */
public record SettledPerson(
        LocalDate birthDate,
        String citizenship,
        PermitType permitType,
        SettlementType settlementType,
        boolean unaccompaniedMinor,
        int householdSize,
        String municipality,
        LocalDate settledOn) {

    public int ageAtSettlement() {
        return Period.between(birthDate, settledOn).getYears();
    }

    public int settlementYear() {
        return settledOn.getYear();
    }
}
