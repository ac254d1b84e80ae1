package no.nystart.introduction.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.settlement.SettlementType;

/**
 * Who has the right and duty to the introduction programme (integreringsloven § 8 with the § 9
 * permit types, docs/domain/introduction-programme.md#3a), the regime that governs them (docs/domain/README.md#0) and the start deadline
 * (§ 12).
 */
public final class TargetGroup {
    /** Integreringsloven in force 1 January 2021 (docs/domain/README.md#0). */
    public static final LocalDate INTEGRERINGSLOVEN_IN_FORCE = LocalDate.of(2021, 1, 1);
    /** Chapter 6A applies to utlendingsloven § 34 permits from 11 March 2022 (docs/domain/README.md#0). */
    public static final LocalDate KAP_6A_FROM = LocalDate.of(2022, 3, 11);
    /** § 12: the programme starts at the latest 3 months after settlement. */
    public static final int START_DEADLINE_MONTHS = 3;

    /** § 9 permit types (IMDi summary, docs/domain/introduction-programme.md#3a); {@link PermitType#OTHER} is not one. */
    public static final Set<PermitType> SECTION_9_PERMITS = EnumSet.of(PermitType.REFUGEE, PermitType.RESETTLEMENT,
            PermitType.HUMANITARIAN, PermitType.FAMILY_MEMBER_OF_CHILD_FAMILY, PermitType.COLLECTIVE_PROTECTION,
            PermitType.FAMILY_REUNIFICATION);

    /** What the target-group assessment needs to know about a settled person. */
    public record Person(LocalDate birthDate, PermitType permitType, LocalDate permitDate, Regime regime,
            SettlementType settlementType, LocalDate settledOn) {
    }

    /** The outcome: in the target group, or not with the rule that excludes the person. */
    public record Assessment(boolean inTargetGroup, String rule, String reason) {
        static Assessment yes() {
            return new Assessment(true, null, "in the target group (integreringsloven § 8)");
        }

        static Assessment no(String rule, String reason) {
            return new Assessment(false, rule, reason);
        }
    }

    private final ProgrammeRules rules;

    public TargetGroup(ProgrammeRules rules) {
        this.rules = rules;
    }

    /**
     * § 8 (docs/domain/introduction-programme.md#3a): age min–max (18–55 in the 2021 text) at the permit date; a § 9 permit;
     * settled by agreement — except family immigrants (§ 9 (1) f and g), for whom the agreement
     * requirement does not apply. Kap. 6A: settled by agreement.
     */
    public Assessment assess(Person p) {
        ProgrammeRuleSet set = rules.inForce(p.regime(), p.settledOn());
        if (!SECTION_9_PERMITS.contains(p.permitType())) {
            return Assessment.no("integreringsloven-9.permit-type",
                    "permit type " + p.permitType() + " is not one of the § 9 permits");
        }
        int age = ageOn(p.birthDate(), p.permitDate());
        if (age < set.minAge() || age > set.maxAge()) {
            return Assessment.no("integreringsloven-8.age", "age " + age + " at the permit date " + p.permitDate()
                    + " is outside " + set.minAge() + "–" + set.maxAge());
        }
        boolean byAgreement = p.settlementType() == SettlementType.BY_AGREEMENT
                || p.settlementType() == SettlementType.SELF_SETTLED_BY_AGREEMENT;
        boolean familyImmigrant = p.permitType() == PermitType.FAMILY_REUNIFICATION && p.regime() != Regime.KAP_6A;
        if (!byAgreement && !familyImmigrant) {
            return Assessment.no("integreringsloven-8.settled-by-agreement",
                    "settled without agreement (" + p.settlementType() + "); the municipality may admit by decision (§ 8 third paragraph)");
        }
        return Assessment.yes();
    }

    /** Whole years of age on {@code day}. */
    public static int ageOn(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** § 12 (docs/domain/introduction-programme.md#3a): settlement date + 3 months. */
    public static LocalDate startDeadline(LocalDate settledOn) {
        return settledOn.plusMonths(START_DEADLINE_MONTHS);
    }

    /**
     * docs/domain/README.md#0: integreringsloven for permits from 1 January 2021, introduksjonsloven before; kap. 6A
     * for collective protection (utlendingsloven § 34) from 11 March 2022. (A person with an earlier permit
     * who arrived after 1 January 2021 is also under integreringsloven; the arrival date is not known here,
     * so settlement's regime on PersonSettled wins when there is one.)
     */
    public static Regime regimeFor(PermitType permitType, LocalDate permitDate) {
        if (permitType == PermitType.COLLECTIVE_PROTECTION && !permitDate.isBefore(KAP_6A_FROM)) {
            return Regime.KAP_6A;
        }
        return permitDate.isBefore(INTEGRERINGSLOVEN_IN_FORCE) ? Regime.INTRODUKSJONSLOVEN : Regime.INTEGRERINGSLOVEN;
    }
}
