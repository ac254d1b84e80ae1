package no.nystart.grants.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import no.nystart.contracts.grants.GrantCode;
import no.nystart.contracts.reception.AsylumProcedure;

/**
 * The two reception-phase grants to the host municipality (docs/domain/reception.md#1d, docs/domain/grants.md#5g): the training grant for Norwegian and
 * social studies of asylum seekers with the training duty, and the competence-mapping grant (Integration Act § 6).
 * Each is triggered once per person.
 */
public final class ReceptionGrants {
    /** Introduksjonsloven § 20 a applies to residents registered in the centre from this day (docs/domain/reception.md#1a). */
    public static final LocalDate REGIME_A_FROM = LocalDate.of(2018, 9, 1);
    /** Integreringsloven § 5 applies to residents registered from this day (docs/domain/reception.md#1b). */
    public static final LocalDate REGIME_B_FROM = LocalDate.of(2021, 1, 1);

    private ReceptionGrants() {
    }

    /**
     * Empty when the resident has the training duty at registration, else the reason not: voluntary before
     * 2018-09-01 (docs/domain/reception.md#1a); fast-track and Dublin procedures outside the target group (docs/domain/reception.md#1a/1b);
     * collective protection has no duty (integreringsloven § 37 a, docs/domain/reception.md#1b); below 16 (introduksjonsloven
     * § 20 a) or 18 (integreringsloven § 5) at the registration date.
     */
    public static Optional<String> noTrainingDutyReason(LocalDate birthDate, LocalDate registeredOn, AsylumProcedure procedure) {
        if (registeredOn.isBefore(REGIME_A_FROM)) {
            return Optional.of("docs/domain/reception.md#1a: registered in the centre before 2018-09-01, the training was voluntary (no duty)");
        }
        if (procedure == AsylumProcedure.FAST_TRACK) {
            return Optional.of("docs/domain/reception.md#1a/1b: the fast-track procedure is outside the target group of the training duty");
        }
        if (procedure == AsylumProcedure.DUBLIN) {
            return Optional.of("docs/domain/reception.md#1a/1b: the Dublin procedure is outside the target group of the training duty");
        }
        if (procedure == AsylumProcedure.COLLECTIVE_PROTECTION) {
            return Optional.of("docs/domain/reception.md#1b: collective protection gives no training duty in reception (integreringsloven § 37 a)");
        }
        int age = Period.between(birthDate, registeredOn).getYears();
        boolean regimeB = !registeredOn.isBefore(REGIME_B_FROM);
        int minimumAge = regimeB ? 18 : 16;
        if (age < minimumAge) {
            return Optional.of("docs/domain/reception.md#" + (regimeB ? "1b: integreringsloven § 5" : "1a: introduksjonsloven § 20 a")
                    + " gives the duty from age " + minimumAge + "; aged " + age + " at registration");
        }
        return Optional.empty();
    }

    /**
     * The reception-training grant: once per person, to the host municipality, with the rate of the registration
     * year, paid "earliest in the quarter after the person is registered in the mottak" (docs/domain/reception.md#1d): the first
     * payout term on or after the first day of the next calendar quarter.
     */
    public static ClaimLine trainingGrant(LocalDate registeredOn, GrantRules rules) {
        LocalDate quarterStart = registeredOn.withDayOfMonth(1).withMonth(((registeredOn.getMonthValue() - 1) / 3) * 3 + 1);
        PayoutTerm term = PayoutTerm.firstOnOrAfter(quarterStart.plusMonths(3), rules);
        return new ClaimLine(GrantCode.RECEPTION_TRAINING, registeredOn.getYear(), null, term, 1, 1);
    }

    /**
     * The competence-mapping grant (Integration Act § 6; docs/domain/reception.md#1d "paid in December; kartlegging done before
     * 1 Dec"): mapped before the cut-off → that year's rate, paid in that year's December term; mapped on or after
     * it → the next year's rate and December term.
     */
    public static ClaimLine competenceMappingGrant(LocalDate mappedOn, TrainingGrantRules rules) {
        int year = java.time.MonthDay.from(mappedOn).isBefore(rules.competenceMappingCutoff()) ? mappedOn.getYear() : mappedOn.getYear() + 1;
        return new ClaimLine(GrantCode.COMPETENCE_MAPPING, year, null, new PayoutTerm(year, rules.competenceMappingQuarter()), 1, 1);
    }

    /** docs/domain/reception.md#1d: the competence-mapping grant is § 6 only, not for collective protection. */
    public static Optional<String> noCompetenceMappingGrantReason(AsylumProcedure knownProcedure) {
        if (knownProcedure == AsylumProcedure.COLLECTIVE_PROTECTION) {
            return Optional.of("docs/domain/reception.md#1d: the competence-mapping grant (§ 6) is not paid for collective protection");
        }
        return Optional.empty();
    }
}
