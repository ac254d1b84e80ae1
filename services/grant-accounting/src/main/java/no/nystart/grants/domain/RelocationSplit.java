package no.nystart.grants.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/domain/grants.md#5b (moving municipality): in the moving year the grant is split; the municipality moved from keeps the
 * grant for the current and the following month, then it follows the person to the new municipality. The number of
 * following months is configuration ({@link GrantRules#relocationMonthsKeptAfterMove()}, default 1; the source is a
 * journalist's summary [S]).
 */
public record RelocationSplit(long keptByFrom, long toNewMunicipality) {

    /** One move of the person in the year: from, to, and the date (docs/domain/grants.md#5b). */
    public record Move(String from, String to, LocalDate movedOn) {
    }

    /** Months of the moving year the moving municipality keeps (January up to the month after the move). */
    public static int monthsKept(LocalDate movedOn, GrantRules rules) {
        return Math.min(12, movedOn.getMonthValue() + rules.relocationMonthsKeptAfterMove());
    }

    /** Splits a year's grant; the kept share is rounded half up to whole kroner, the new municipality gets the rest. */
    public static RelocationSplit of(long annualAmount, LocalDate movedOn, GrantRules rules) {
        long kept = Money.share(annualAmount, monthsKept(movedOn, rules), 12);
        return new RelocationSplit(kept, annualAmount - kept);
    }

    /**
     * One move (docs/domain/grants.md#5b), also a second one in the same year: {@code annual} is the person's net total of the
     * grant code and year over ALL municipalities, {@code kept(m) = Money.share(annual, m, 12)} the cumulative months
     * kept up to the month after this move; the new municipality gets {@code annual - kept(m)}, the municipality moved
     * from keeps what it held minus that. It never gives away more than it held (then it keeps 0 and the new one gets
     * what it held), so the person's total stays {@code annual}. For a first move ({@code held == annual}) this is
     * {@link #of}.
     */
    public static RelocationSplit ofMove(long annual, long heldByFrom, LocalDate movedOn, GrantRules rules) {
        long toNew = Math.max(0, Math.min(heldByFrom, annual - Money.share(annual, monthsKept(movedOn, rules), 12)));
        return new RelocationSplit(heldByFrom - toNew, toNew);
    }

    /**
     * What each municipality holds of a year's grant after all the person's moves of that year (docs/domain/grants.md#5b), the
     * moves applied one after the other with {@link #ofMove} to a year held in full by the first municipality moved
     * from: the municipality before the first move keeps {@code kept(m1)}, the one between move i and move i+1
     * {@code kept(m(i+1)) - kept(m(i))}, the last one {@code annual - kept(mk)}; exact kroner, summing to {@code annual}.
     * Moves are taken in date order; the municipality of each period is the {@code from} of the move that ends it.
     */
    public static Map<String, Long> shares(long annual, List<Move> moves, GrantRules rules) {
        if (moves.isEmpty()) {
            throw new IllegalArgumentException("no move");
        }
        List<Move> ordered = moves.stream().sorted(Comparator.comparing(Move::movedOn)).toList();
        Map<String, Long> shares = new LinkedHashMap<>();
        long keptBefore = 0;
        for (Move move : ordered) {
            long kept = Math.max(keptBefore, Money.share(annual, monthsKept(move.movedOn(), rules), 12));
            shares.merge(move.from(), kept - keptBefore, Long::sum);
            keptBefore = kept;
        }
        shares.merge(ordered.get(ordered.size() - 1).to(), annual - keptBefore, Long::sum);
        return shares;
    }
}
