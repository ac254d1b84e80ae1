package no.nystart.adulteducation.domain;

import java.time.LocalDate;
import java.time.Period;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.contracts.adulteducation.Entitlement;
import no.nystart.contracts.settlement.SettlementType;

/**
 * Who has a right and/or duty to Norwegian and social-studies training (integreringsloven kap. 6,
 * docs/domain/adult-education.md#4a). Pure rules, no framework.
 *
 * <ul>
 *   <li>§ 26/§ 27: 18–67 years at the permit date (the age at grant decides; rights end at 67) with a
 *   refugee, resettlement, humanitarian, § 38 (5) or family-immigration permit → right and duty,
 *   from the permit date.</li>
 *   <li>§ 28: other permits (e.g. labour immigrants from outside the EEA) → duty only.</li>
 *   <li>§ 37 d (kap. 6A, collective protection, utlendingsloven § 34) → right, no duty, starting when
 *   settled by agreement (§ 9 (1) e); not for self-settlement without agreement.</li>
 *   <li>Persons under introduksjonsloven (transition rules, docs/domain/README.md#0) are not handled here.</li>
 * </ul>
 */
public final class TargetGroup {
    public static final int MIN_AGE = 18;
    /** Right and duty end at 67 (§ 26/§ 27, docs/domain/adult-education.md#4a). */
    public static final int END_AGE = 67;

    private TargetGroup() {
    }

    public static int ageOn(LocalDate birthDate, LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    public static TargetGroupDecision decide(PermitType permitType, Regime regime, LocalDate birthDate, LocalDate permitDate,
            SettlementType settlementType, LocalDate settledOn) {
        if (regime == Regime.INTRODUKSJONSLOVEN) {
            return new TargetGroupDecision.Outside("regime INTRODUKSJONSLOVEN: the transition rules of introduksjonsloven apply "
                    + "(docs/domain/README.md#0); this service implements integreringsloven kap. 6 and 6A only");
        }
        int age = ageOn(birthDate, permitDate);
        if (age < MIN_AGE) {
            return new TargetGroupDecision.Outside("age " + age + " at the permit date " + permitDate
                    + " is under 18 (integreringsloven §§ 26-27, docs/domain/adult-education.md#4a)");
        }
        if (age >= END_AGE) {
            return new TargetGroupDecision.Outside("age " + age + " at the permit date " + permitDate
                    + " is 67 or over; right and duty end at 67 (integreringsloven §§ 26-27, docs/domain/adult-education.md#4a)");
        }
        if (permitType == PermitType.COLLECTIVE_PROTECTION) {
            if (settlementType == SettlementType.SELF_SETTLED) {
                return new TargetGroupDecision.Outside("collective protection: the right starts when settled by agreement "
                        + "(integreringsloven § 9 (1) e, § 37 d, docs/domain/adult-education.md#4a); self-settled without agreement");
            }
            return new TargetGroupDecision.InTargetGroup(Entitlement.RIGHT_ONLY, settledOn,
                    "integreringsloven § 37 d (kap. 6A): right, no duty, 12 months");
        }
        return switch (permitType) {
            case REFUGEE, RESETTLEMENT, HUMANITARIAN, FAMILY_MEMBER_OF_CHILD_FAMILY, FAMILY_REUNIFICATION ->
                    new TargetGroupDecision.InTargetGroup(Entitlement.RIGHT_AND_DUTY, permitDate,
                            "integreringsloven § 27: right and duty");
            case OTHER -> new TargetGroupDecision.InTargetGroup(Entitlement.DUTY_ONLY, permitDate,
                    "integreringsloven § 28: duty only");
            case COLLECTIVE_PROTECTION -> throw new IllegalStateException("handled above");
        };
    }
}
