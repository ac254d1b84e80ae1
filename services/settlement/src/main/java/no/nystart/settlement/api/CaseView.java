package no.nystart.settlement.api;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.EducationLevel;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.Sex;
import no.nystart.contracts.settlement.ArrivalRoute;
import no.nystart.contracts.settlement.SettlementType;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.domain.CloseReason;
import no.nystart.settlement.persistence.SettlementCaseEntity;

public record CaseView(UUID caseId, UUID personId, UUID householdId, CaseStatus status, ArrivalRoute arrivalRoute,
        String hostMunicipality, LocalDate registeredOn, String firstName, String lastName, LocalDate birthDate, Sex sex,
        String citizenship, PermitType permitType, LocalDate permitDate, Regime regime, Boolean unaccompaniedMinor,
        String proposedMunicipality, UUID matchingRunId, String settledMunicipality, LocalDate settledOn,
        SettlementType settlementType, String overrideReason, String currentMunicipality, EducationLevel educationLevel,
        CloseReason closeReason, LocalDate closedOn, String closeNote) {

    static CaseView of(SettlementCaseEntity c) {
        return new CaseView(c.id, c.personId, c.householdId, c.status, c.arrivalRoute, c.hostMunicipality, c.registeredOn,
                c.firstName, c.lastName, c.birthDate, c.sex, c.citizenship, c.permitType, c.permitDate, c.regime,
                c.unaccompaniedMinor, c.proposedMunicipality, c.matchingRunId, c.settledMunicipality, c.settledOn,
                c.settlementType, c.overrideReason, c.currentMunicipality, c.educationLevel, c.closeReason, c.closedOn,
                c.closeNote);
    }
}
