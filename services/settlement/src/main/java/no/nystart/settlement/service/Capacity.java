package no.nystart.settlement.service;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.nystart.contracts.settlement.SettlementType;
import no.nystart.settlement.domain.CaseStatus;
import no.nystart.settlement.persistence.SettlementCaseEntity;

/** Persons counted against a municipality's decision for a year. */
final class Capacity {
    /**
     * Settlement by agreement and agreed self-settlement count against the municipality's decision; self-settlement
     * without agreement does not (docs/domain/settlement.md#2, "Bosetting etter avtale vs selvbosetting").
     */
    static final Set<SettlementType> COUNTING = EnumSet.of(SettlementType.BY_AGREEMENT, SettlementType.SELF_SETTLED_BY_AGREEMENT);

    private Capacity() {
    }

    static LocalDate yearStart(int year) {
        return LocalDate.of(year, 1, 1);
    }

    static LocalDate nextYearStart(int year) {
        return LocalDate.of(year + 1, 1, 1);
    }

    static boolean countsAsSettled(SettlementCaseEntity c, int year) {
        return c.status == CaseStatus.SETTLED && c.settledOn != null && c.settledOn.getYear() == year
                && COUNTING.contains(c.settlementType);
    }

    static boolean countsAsProposed(SettlementCaseEntity c, int year) {
        return c.status == CaseStatus.PROPOSED && c.proposalYear != null && c.proposalYear == year;
    }

    static int minors(List<SettlementCaseEntity> cases) {
        return (int) cases.stream().filter(c -> Boolean.TRUE.equals(c.unaccompaniedMinor)).count();
    }
}
