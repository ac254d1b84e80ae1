package no.nystart.settlement.api;

import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.Sex;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.persistence.SettlementCaseEntity;

public record CaseView(UUID caseId, UUID personId, UUID householdId, CaseStatus status, String hostMunicipality,
        LocalDate registeredOn, LocalDate birthDate, Sex sex, String citizenship) {

    static CaseView of(SettlementCaseEntity c) {
        return new CaseView(c.id, c.personId, c.householdId, c.status, c.hostMunicipality, c.registeredOn, c.birthDate,
                c.sex, c.citizenship);
    }
}
