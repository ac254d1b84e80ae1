package no.nystart.settlement.domain.matching;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A household waiting for settlement, as matching sees it. A household is never split (docs/services/settlement.md).
 *
 * @param householdId          the household
 * @param size                 persons in the household (≥ 1)
 * @param unaccompaniedMinors  of whom unaccompanied minors; they need minor places (docs/domain/settlement.md#2, "Enslige mindreårige")
 * @param memberOccupationGroups per adult member with mapped competence: the STYRK-08 major groups of their work
 *                             experience (may be empty per member, and the list may be shorter than size)
 */
public record HouseholdDemand(UUID householdId, int size, int unaccompaniedMinors, List<Set<Integer>> memberOccupationGroups) {
    public HouseholdDemand {
        if (size < 1 || unaccompaniedMinors < 0 || unaccompaniedMinors > size) {
            throw new IllegalArgumentException("a household has at least one person, and no more minors than persons");
        }
        memberOccupationGroups = memberOccupationGroups == null ? List.of() : List.copyOf(memberOccupationGroups);
    }
}
