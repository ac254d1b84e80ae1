package no.nystart.settlement.domain.matching;

/**
 * A municipality's remaining room for the year: decided minus settled minus proposed (docs/services/settlement.md).
 *
 * @param municipality   kommunenummer
 * @param capacity       persons it can still take
 * @param minorCapacity  of which unaccompanied-minor places
 * @param profile        what the score uses
 */
public record MunicipalitySupply(String municipality, int capacity, int minorCapacity, Profile profile) {
    public MunicipalitySupply {
        if (capacity < 0 || minorCapacity < 0) {
            throw new IllegalArgumentException("capacity cannot be negative");
        }
    }
}
