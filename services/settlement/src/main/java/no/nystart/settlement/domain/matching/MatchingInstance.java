package no.nystart.settlement.domain.matching;

import java.util.List;

/**
 * One matching problem: households (in the order they have waited, longest first) and municipalities with room.
 * Constraints (docs/services/settlement.md; docs/domain/settlement.md#2): persons placed in a municipality ≤ its remaining capacity;
 * unaccompanied minors ≤ its remaining minor places; a household goes whole to at most one municipality.
 */
public record MatchingInstance(List<HouseholdDemand> households, List<MunicipalitySupply> municipalities, ScoreModel scores) {
    public MatchingInstance {
        households = List.copyOf(households);
        municipalities = List.copyOf(municipalities);
    }

    /** Each municipality's remaining room in persons, as a fresh array the caller may use up. */
    public int[] capacities() {
        return municipalities.stream().mapToInt(MunicipalitySupply::capacity).toArray();
    }

    /** Each municipality's remaining places for unaccompanied minors, as a fresh array the caller may use up. */
    public int[] minorCapacities() {
        return municipalities.stream().mapToInt(MunicipalitySupply::minorCapacity).toArray();
    }

    /** Whether household h alone fits in municipality m's remaining room. */
    public boolean fits(int h, int m) {
        HouseholdDemand household = households.get(h);
        MunicipalitySupply supply = municipalities.get(m);
        return household.size() <= supply.capacity() && household.unaccompaniedMinors() <= supply.minorCapacity();
    }

    public Score score(int h, int m) {
        return scores.score(households.get(h), municipalities.get(m).profile());
    }

    /**
     * Checks a complete assignment (index of municipality per household, −1 for none) against every constraint and
     * returns its objective; throws if a constraint is broken.
     */
    public long evaluate(int[] choice) {
        if (choice.length != households.size()) {
            throw new IllegalArgumentException("one choice per household");
        }
        int[] persons = new int[municipalities.size()];
        int[] minors = new int[municipalities.size()];
        long objective = 0;
        for (int h = 0; h < choice.length; h++) {
            int m = choice[h];
            if (m < 0) {
                continue;
            }
            persons[m] += households.get(h).size();
            minors[m] += households.get(h).unaccompaniedMinors();
            objective += score(h, m).total();
        }
        for (int m = 0; m < persons.length; m++) {
            if (persons[m] > municipalities.get(m).capacity()) {
                throw new IllegalStateException("capacity of " + municipalities.get(m).municipality() + " exceeded");
            }
            if (minors[m] > municipalities.get(m).minorCapacity()) {
                throw new IllegalStateException("minor places of " + municipalities.get(m).municipality() + " exceeded");
            }
        }
        return objective;
    }
}
