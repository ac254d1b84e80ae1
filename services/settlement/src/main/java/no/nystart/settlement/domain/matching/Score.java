package no.nystart.settlement.domain.matching;

/** A household's score in one municipality, with its parts (each summed over the household's members). */
public record Score(long placement, long fit, long programme, long spread) {
    public long total() {
        return placement + fit + programme + spread;
    }
}
