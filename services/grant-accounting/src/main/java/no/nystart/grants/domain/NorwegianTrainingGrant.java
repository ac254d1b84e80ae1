package no.nystart.grants.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.nystart.contracts.Regime;
import no.nystart.contracts.adulteducation.Entitlement;
import no.nystart.contracts.grants.GrantCode;

/**
 * The Norwegian-training person grant (persontilskudd, docs/domain/grants.md#5f): paid for adults with the right and duty
 * (integreringsloven § 27; the same under the Introduction Act) for three years counted from the year the person
 * entered the target group - "a 3-year grant regardless of an 18-month or 3-year frame" - at the high or low rate by
 * country background. Persons with collective protection and a right only (§ 37 d) give the one-year grant P37D-AR1.
 * A duty without a right (§ 28) gives no person grant.
 */
public final class NorwegianTrainingGrant {
    /** docs/domain/grants.md#5f: the municipality receives a 3-year grant. */
    public static final int PERSON_GRANT_YEARS = 3;

    /** docs/domain/grants.md#5f: the person grant is for adults with the right and duty, integreringsloven § 27: 18-67. */
    public static final int PERSON_GRANT_FROM_AGE = 18;
    /** docs/domain/grants.md#5f (integreringsloven § 27, 18-67): up to and including age 67. */
    public static final int PERSON_GRANT_UP_TO_AGE = 67;

    /** Which grant an established right gives. */
    public enum Scheme {
        /** P-AR1..3-H/L, three years (docs/domain/grants.md#5f, integreringsloven § 27). */
        PERSON_GRANT,
        /** P37D-AR1, at most one year (docs/domain/grants.md#5f, integreringsloven § 37 d). */
        COLLECTIVE_PROTECTION
    }

    /** The scheme, or why there is none. */
    public record Decision(Optional<Scheme> scheme, Optional<String> exclusionReason) {
    }

    private NorwegianTrainingGrant() {
    }

    public static Decision decide(Entitlement entitlement, Regime regime) {
        return switch (entitlement) {
            case RIGHT_AND_DUTY -> new Decision(Optional.of(Scheme.PERSON_GRANT), Optional.empty());
            case RIGHT_ONLY -> regime == Regime.KAP_6A
                    ? new Decision(Optional.of(Scheme.COLLECTIVE_PROTECTION), Optional.empty())
                    // a right without duty outside chapter 6A: not the § 27 group, and not § 37 d either
                    : new Decision(Optional.empty(), Optional.of("docs/domain/grants.md#5f: a right without duty under " + regime
                            + " is neither the § 27 (right and duty) nor the § 37 d (collective protection) person grant"));
            case DUTY_ONLY -> new Decision(Optional.empty(), Optional.of("docs/domain/grants.md#5f: the person grant is paid for "
                    + "adults with the right and duty (integreringsloven § 27); a duty only (§ 28) gives none"));
        };
    }

    /**
     * docs/domain/grants.md#5f (integreringsloven § 27, 18-67): a person younger than 18 or older than 67 (in whole years) on the
     * date the right was established gets no person grant; the reason, or empty when the age is within 18-67.
     */
    public static Optional<String> ageExclusion(LocalDate birthDate, LocalDate establishedOn) {
        int age = Period.between(birthDate, establishedOn).getYears();
        if (age >= PERSON_GRANT_FROM_AGE && age <= PERSON_GRANT_UP_TO_AGE) {
            return Optional.empty();
        }
        return Optional.of("docs/domain/grants.md#5f: the person grant is paid for the right and duty of integreringsloven § 27, "
                + "ages " + PERSON_GRANT_FROM_AGE + "-" + PERSON_GRANT_UP_TO_AGE + "; the person was " + age + " on "
                + establishedOn + ", the date the right was established");
    }

    /** The person grant's code for training year 1-3 and rate group (docs/domain/grants.md#5a: P-AR1-H … P-AR3-L). */
    public static GrantCode code(int trainingYear, RateGroup group) {
        return switch (trainingYear * 2 + (group == RateGroup.LOW ? 1 : 0)) {
            case 2 -> GrantCode.P_AR1_H;
            case 3 -> GrantCode.P_AR1_L;
            case 4 -> GrantCode.P_AR2_H;
            case 5 -> GrantCode.P_AR2_L;
            case 6 -> GrantCode.P_AR3_H;
            case 7 -> GrantCode.P_AR3_L;
            default -> throw new IllegalArgumentException("training years 1-3 only, was " + trainingYear);
        };
    }

    /**
     * The claims: year 1 = the calendar year the right was established (the year the person entered the target group,
     * docs/domain/grants.md#5f), paid in the first payout term on or after that date; years 2 and 3 = the following calendar years,
     * each with its own year's rate, paid in the configured term of that year. The rate group is not needed for
     * § 37 d (pass any).
     */
    public static List<ClaimLine> claims(Scheme scheme, LocalDate establishedOn, RateGroup group, GrantRules rules,
            TrainingGrantRules trainingRules) {
        int firstYear = establishedOn.getYear();
        PayoutTerm first = PayoutTerm.firstOnOrAfter(establishedOn, rules);
        if (scheme == Scheme.COLLECTIVE_PROTECTION) {
            return List.of(new ClaimLine(GrantCode.P37D_AR1, firstYear, null, first, 1, 1));
        }
        List<ClaimLine> lines = new ArrayList<>();
        for (int year = 1; year <= PERSON_GRANT_YEARS; year++) {
            int grantYear = firstYear + year - 1;
            PayoutTerm term = year == 1 ? first : new PayoutTerm(grantYear, trainingRules.laterYearsQuarter());
            lines.add(new ClaimLine(code(year, group), grantYear, null, term, 1, 1));
        }
        return List.copyOf(lines);
    }
}
