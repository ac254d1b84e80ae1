package no.nystart.settlement.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;

/** Pure settlement rules, each with its source. */
public final class SettlementRules {
    /** Integreringsloven in force (docs/domain/README.md#0: lov 6. november 2020 nr. 127, in force 1 Jan 2021). */
    public static final LocalDate INTEGRATION_ACT_IN_FORCE = LocalDate.of(2021, 1, 1);
    /** Temporary chapter 6A applies to utlendingsloven § 34 permits from 11 March 2022 (docs/domain/README.md#0). */
    public static final LocalDate CHAPTER_6A_FROM = LocalDate.of(2022, 3, 11);
    /** Unaccompanied minor = under 18 (docs/domain/settlement.md#2, "Enslige mindreårige"). */
    public static final int ADULT_AGE = 18;

    private SettlementRules() {
    }

    public static int ageOn(LocalDate birthDate, LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /**
     * The regime of a person (docs/domain/README.md#0, "Which law applies to a person"): integreringsloven for a permit on/after
     * 1 Jan 2021 or an arrival on/after that date; chapter 6A for a § 34 collective-protection permit from
     * 11 March 2022; introduksjonsloven otherwise (transition).
     */
    public static Regime regime(PermitType permitType, LocalDate permitDate, LocalDate arrivalDate) {
        if (permitType == PermitType.COLLECTIVE_PROTECTION && !permitDate.isBefore(CHAPTER_6A_FROM)) {
            return Regime.KAP_6A;
        }
        if (!permitDate.isBefore(INTEGRATION_ACT_IN_FORCE)
                || (arrivalDate != null && !arrivalDate.isBefore(INTEGRATION_ACT_IN_FORCE))) {
            return Regime.INTEGRERINGSLOVEN;
        }
        return Regime.INTRODUKSJONSLOVEN;
    }

    /**
     * Whether an asylum-route person is an unaccompanied minor (docs/domain/settlement.md#2: under 18 arriving without parents or
     * others with parental responsibility): under 18 at the permit date and nobody in the household aged 18 or more
     * on that date. Reception sends no relationships, so an adult "følgeperson" who is no parent cannot be seen here.
     */
    public static boolean unaccompaniedMinorByComposition(LocalDate birthDate, LocalDate permitDate,
            Collection<LocalDate> householdBirthDates) {
        if (permitDate == null || ageOn(birthDate, permitDate) >= ADULT_AGE) {
            return false;
        }
        for (LocalDate other : householdBirthDates) {
            if (ageOn(other, permitDate) >= ADULT_AGE) {
                return false;
            }
        }
        return true;
    }

    /** An unaccompanied minor is under 18 at the permit date (docs/domain/settlement.md#2, "Enslige mindreårige"). */
    public static boolean mayBeUnaccompaniedMinor(LocalDate birthDate, LocalDate permitDate) {
        return ageOn(birthDate, permitDate) < ADULT_AGE;
    }

    /**
     * The settlement date may not be before the permit (docs/domain/settlement.md#2, "Bosettingsdato": not before the utsøkingsdato,
     * and grants are triggered only with an effectuated permit).
     */
    public static boolean settlementDateAllowed(LocalDate settledOn, LocalDate permitDate) {
        return !settledOn.isBefore(permitDate);
    }
}
