package no.nystart.settlement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Time from permit to settlement (docs/domain/settlement.md#2, "Time targets"; Nasjonalt utvalg mandate): unaccompanied minors and
 * families with children within 3 months of the permit, other adults within 6 months.
 */
public final class SettlementTime {
    /** Target in months for unaccompanied minors and families with children (docs/domain/settlement.md#2, "Time targets"). */
    public static final int TARGET_MONTHS_CHILDREN = 3;
    /** Target in months for adults without children (docs/domain/settlement.md#2, "Time targets"). */
    public static final int TARGET_MONTHS_ADULTS = 6;

    public enum Group { MINORS_AND_FAMILIES_WITH_CHILDREN, OTHER_ADULTS }

    /** One settled person: permit and settlement date, and whether the 3-month target applies. */
    public record Settled(LocalDate permitDate, LocalDate settledOn, boolean minorOrFamilyWithChildren) {
        public Group group() {
            return minorOrFamilyWithChildren ? Group.MINORS_AND_FAMILIES_WITH_CHILDREN : Group.OTHER_ADULTS;
        }

        public long days() {
            return ChronoUnit.DAYS.between(permitDate, settledOn);
        }

        public boolean withinTarget() {
            int months = minorOrFamilyWithChildren ? TARGET_MONTHS_CHILDREN : TARGET_MONTHS_ADULTS;
            return !settledOn.isAfter(permitDate.plusMonths(months));
        }
    }

    /** Figures of one group: count, median days (half days possible), persons within target and their share in %. */
    public record Figures(int persons, BigDecimal medianDays, int withinTarget, BigDecimal shareWithinTargetPercent) {
    }

    private SettlementTime() {
    }

    public static Figures figures(List<Settled> settled) {
        if (settled.isEmpty()) {
            return new Figures(0, null, 0, null);
        }
        List<Long> days = new ArrayList<>(settled.stream().map(Settled::days).sorted().toList());
        int n = days.size();
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(days.get(n / 2))
                : BigDecimal.valueOf(days.get(n / 2 - 1) + days.get(n / 2)).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
        int within = (int) settled.stream().filter(Settled::withinTarget).count();
        BigDecimal share = BigDecimal.valueOf(within * 100L).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
        return new Figures(n, median, within, share);
    }
}
