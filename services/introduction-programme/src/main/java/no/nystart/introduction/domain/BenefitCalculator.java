package no.nystart.introduction.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.nystart.contracts.Regime;

/**
 * Introduksjonsstønad for one month (integreringsloven §§ 20–21, docs/domain/introduction-programme.md#3g).
 *
 * <ol>
 * <li>Per working day of the month in the programme (not suspended, not on leave without benefit). Working days are
 * Monday–Friday without the public holidays (helligdagsloven § 2; lov om 1. og 17. mai som høgtidsdager § 1;
 * {@link WorkingDays}), both in the count of the month and of the programme's days:
 * annual rate = 2 G (G in force that day, § 20) × fraction (1; 2/3 under 25 not living with parents;
 * 1/3 under 25 living with parents under integreringsloven, 2/3 under introduksjonsloven; × 5/6 for
 * childless couples who both participate, § 20 (4), from a configured date). The day's share is
 * annual / 12 / working days of the month, so a full month gives annual / 12 and a start or end
 * mid-month is pro rata by working days. Consecutive days with the same G and fraction are one segment.</li>
 * <li>Gross = exact sum of the days' shares, then rounded once to whole kroner, half up.</li>
 * <li>§ 21: reduction = gross (kroner) × unexcused absence hours / planned hours of the counted days (plus any
 * weekend or holiday inside the programme that the plan scheduled, the only non-working days attendance is
 * accepted for), rounded to whole kroner, half up.</li>
 * <li>Net = gross − reduction (both whole kroner, so the shown steps add up).</li>
 * <li>{@code decisionRequired} (§ 21, enkeltvedtak) when reduction ≥ 50 % of the gross payment and
 * reduction ≥ 1/12 G (G in force on the month's last counted day).</li>
 * </ol>
 */
public final class BenefitCalculator {
    private static final Rational TWO = Rational.of(2);
    private static final Rational TWELVE = Rational.of(12);
    private static final Rational TWO_THIRDS = Rational.of(2, 3);
    private static final Rational ONE_THIRD = Rational.of(1, 3);
    private static final Rational FIVE_SIXTHS = Rational.of(5, 6);
    /** § 20: under 25 gets the reduced rate. */
    public static final int UNDER_AGE = 25;

    private final Grunnbelop grunnbelop;
    private final LocalDate childlessCoupleRuleFrom;

    /**
     * @param childlessCoupleRuleFrom the in-force date of § 20 (4) (5/6 for childless couples who both
     *                                participate, Prop. 101 L (2023–2024)); {@code null} = not in force.
     *                                The date is NOT known (docs/domain/README.md#8 item 6), so it is configuration.
     */
    public BenefitCalculator(Grunnbelop grunnbelop, LocalDate childlessCoupleRuleFrom) {
        this.grunnbelop = grunnbelop;
        this.childlessCoupleRuleFrom = childlessCoupleRuleFrom;
    }

    public record Person(LocalDate birthDate, Regime regime, boolean livingWithParents, boolean childlessCoupleBothParticipating) {
    }

    /** A period (both ends included) without benefit: suspension or leave without benefit. */
    public record Gap(LocalDate from, LocalDate to, String why) {
        boolean contains(LocalDate d) {
            return !d.isBefore(from) && (to == null || !d.isAfter(to));
        }
    }

    public record Input(YearMonth month, Person person, LocalDate programmeStart, LocalDate programmeEnd, List<Gap> gaps,
            List<AttendanceDay> attendance) {
    }

    public record Segment(LocalDate from, LocalDate to, long g, String gSource, boolean gVerified, String fraction,
            String fractionReason, int workingDays, String annualRate, String amount) {
    }

    public record Calculation(
            YearMonth month,
            int workingDaysInMonth,
            int programmeWorkingDays,
            List<Segment> segments,
            String grossExact,
            long grossKroner,
            BigDecimal plannedHours,
            BigDecimal unexcusedHours,
            String reductionShare,
            long reductionKroner,
            long netKroner,
            long gForThreshold,
            String oneTwelfthG,
            boolean decisionRequired,
            String roundingRule,
            List<String> steps) {
    }

    public static final String ROUNDING_RULE = "exact fractions until the end; gross rounded once to whole kroner half up; "
            + "reduction = gross kroner × unexcused/planned hours rounded half up; net = gross − reduction";

    public Calculation calculate(Input in) {
        YearMonth month = in.month();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        int workingDaysInMonth = WorkingDays.between(first, last);
        List<String> steps = new ArrayList<>();
        steps.add("month " + month + ": " + workingDaysInMonth + " working days (Monday–Friday without public holidays)");
        steps.add("programme " + in.programmeStart() + " – " + (in.programmeEnd() == null ? "open" : in.programmeEnd()));
        for (Gap gap : in.gaps()) {
            steps.add("no benefit " + gap.from() + " – " + (gap.to() == null ? "open" : gap.to()) + ": " + gap.why());
        }

        List<Segment> segments = new ArrayList<>();
        Rational gross = Rational.ZERO;
        int counted = 0;
        LocalDate segFrom = null;
        LocalDate segTo = null;
        Grunnbelop.Entry segG = null;
        Rational segFraction = null;
        String segReason = null;
        int segDays = 0;
        List<LocalDate> countedDays = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!counts(in, d)) {
                continue;
            }
            countedDays.add(d);
            counted++;
            Grunnbelop.Entry g = grunnbelop.inForceOn(d);
            String[] reason = new String[1];
            Rational fraction = fraction(in.person(), d, reason);
            if (segG != null && segG.equals(g) && segFraction.equals(fraction)) {
                segTo = d;
                segDays++;
                continue;
            }
            if (segG != null) {
                Segment s = segment(segFrom, segTo, segG, segFraction, segReason, segDays, workingDaysInMonth);
                segments.add(s);
                gross = gross.plus(amount(segG, segFraction, segDays, workingDaysInMonth));
            }
            segFrom = d;
            segTo = d;
            segG = g;
            segFraction = fraction;
            segReason = reason[0];
            segDays = 1;
        }
        if (segG != null) {
            segments.add(segment(segFrom, segTo, segG, segFraction, segReason, segDays, workingDaysInMonth));
            gross = gross.plus(amount(segG, segFraction, segDays, workingDaysInMonth));
        }
        for (Segment s : segments) {
            steps.add(s.from() + " – " + s.to() + ": G " + s.g() + " × 2 × " + s.fraction() + " (" + s.fractionReason() + ") = "
                    + s.annualRate() + " a year; / 12 × " + s.workingDays() + "/" + workingDaysInMonth + " working days = " + s.amount());
        }
        long grossKroner = gross.roundHalfUp();
        steps.add("gross " + gross + " = " + gross.toDecimal(4) + " → " + grossKroner + " kr (half up)");

        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal unexcused = BigDecimal.ZERO;
        for (AttendanceDay day : in.attendance()) {
            // a counted working day, or a weekend/holiday the plan scheduled (attendance.working-day lets only those in)
            if (countedDays.contains(day.date()) || (!WorkingDays.isWorkingDay(day.date()) && inProgramme(in, day.date()))) {
                planned = planned.add(day.plannedHours());
                unexcused = unexcused.add(day.absenceHours(AbsenceReason.UNEXCUSED));
            }
        }
        Rational share = planned.signum() == 0 ? Rational.ZERO : Rational.of(unexcused).dividedBy(Rational.of(planned));
        long reduction = Rational.of(grossKroner).times(share).roundHalfUp();
        steps.add("§ 21 reduction: unexcused " + unexcused.toPlainString() + " h / planned " + planned.toPlainString() + " h = "
                + share + "; " + grossKroner + " × " + share + " → " + reduction + " kr (half up)");
        long net = grossKroner - reduction;
        steps.add("net " + grossKroner + " − " + reduction + " = " + net + " kr");

        long gThreshold = countedDays.isEmpty() ? grunnbelop.inForceOn(last).amount()
                : grunnbelop.inForceOn(countedDays.get(countedDays.size() - 1)).amount();
        Rational twelfth = Rational.of(gThreshold).dividedBy(TWELVE);
        boolean halfOrMore = reduction > 0 && Rational.of(reduction).compareTo(Rational.of(grossKroner).dividedBy(TWO)) >= 0;
        boolean atLeastTwelfth = Rational.of(reduction).compareTo(twelfth) >= 0;
        boolean decision = halfOrMore && atLeastTwelfth;
        steps.add("§ 21 decision required: reduction ≥ 50 % of " + grossKroner + " (" + halfOrMore + ") and ≥ 1/12 G = "
                + twelfth.toDecimal(2) + " (" + atLeastTwelfth + ") → " + decision);
        return new Calculation(month, workingDaysInMonth, counted, List.copyOf(segments), gross.toString(), grossKroner,
                planned, unexcused, share.toString(), reduction, net, gThreshold, twelfth.toDecimal(2).toPlainString(), decision,
                ROUNDING_RULE, List.copyOf(steps));
    }

    private static boolean counts(Input in, LocalDate d) {
        return WorkingDays.isWorkingDay(d) && inProgramme(in, d);
    }

    /** Inside the programme and in no gap (suspension, leave without benefit). */
    private static boolean inProgramme(Input in, LocalDate d) {
        if (d.isBefore(in.programmeStart())) {
            return false;
        }
        if (in.programmeEnd() != null && d.isAfter(in.programmeEnd())) {
            return false;
        }
        return in.gaps().stream().noneMatch(g -> g.contains(d));
    }

    /** § 20 fractions (docs/domain/introduction-programme.md#3g), with the reason in words. */
    Rational fraction(Person p, LocalDate day, String[] reason) {
        Rational f = Rational.ONE;
        String why = "full rate";
        if (TargetGroup.ageOn(p.birthDate(), day) < UNDER_AGE) {
            if (p.regime() != Regime.INTRODUKSJONSLOVEN && p.livingWithParents()) {
                f = ONE_THIRD;
                why = "under 25 living with parents (§ 20)";
            } else {
                f = TWO_THIRDS;
                why = p.regime() == Regime.INTRODUKSJONSLOVEN ? "under 25 (introduksjonsloven)" : "under 25 not living with parents (§ 20)";
            }
        }
        if (p.childlessCoupleBothParticipating() && childlessCoupleRuleFrom != null && !day.isBefore(childlessCoupleRuleFrom)) {
            f = f.times(FIVE_SIXTHS);
            why = why + "; × 5/6 childless couple both participating (§ 20 (4))";
        }
        reason[0] = why;
        return f;
    }

    private static Rational amount(Grunnbelop.Entry g, Rational fraction, int days, int workingDaysInMonth) {
        return Rational.of(g.amount()).times(TWO).times(fraction).dividedBy(TWELVE).times(Rational.of(days, workingDaysInMonth));
    }

    private static Segment segment(LocalDate from, LocalDate to, Grunnbelop.Entry g, Rational fraction, String reason, int days,
            int workingDaysInMonth) {
        Rational annual = Rational.of(g.amount()).times(TWO).times(fraction);
        Rational amount = amount(g, fraction, days, workingDaysInMonth);
        return new Segment(from, to, g.amount(), Objects.toString(g.source()), g.verified(), fraction.toString(), reason, days,
                annual.toString(), amount + " (" + amount.toDecimal(4) + ")");
    }
}
