package no.nystart.grants.domain;

import java.time.LocalDate;

/**
 * DOMAIN.md 5b (moving municipality): in the moving year the grant is split; the municipality moved from keeps the
 * grant for the current and the following month, then it follows the person to the new municipality. The number of
 * following months is configuration ({@link GrantRules#relocationMonthsKeptAfterMove()}, default 1; the source is a
 * journalist's summary [S]).
 */
public record RelocationSplit(long keptByFrom, long toNewMunicipality) {

    /** Months of the moving year the moving municipality keeps (January up to the month after the move). */
    public static int monthsKept(LocalDate movedOn, GrantRules rules) {
        return Math.min(12, movedOn.getMonthValue() + rules.relocationMonthsKeptAfterMove());
    }

    /** Splits a year's grant; the kept share is rounded half up to whole kroner, the new municipality gets the rest. */
    public static RelocationSplit of(long annualAmount, LocalDate movedOn, GrantRules rules) {
        long kept = Money.share(annualAmount, monthsKept(movedOn, rules), 12);
        return new RelocationSplit(kept, annualAmount - kept);
    }
}
