package no.nystart.reception.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.nystart.contracts.PermitType;
import no.nystart.contracts.Regime;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;

/** Rules of a residence-permit decision for a resident (docs/services/reception-training.md; docs/domain/README.md#0, docs/domain/reception.md#1c, docs/domain/introduction-programme.md#3a). */
public final class ResidencePermit {
    /** Integreringsloven in force (docs/domain/README.md#0). */
    public static final LocalDate INTEGRERINGSLOVEN_IN_FORCE = LocalDate.of(2021, 1, 1);
    /** Kap. 6A applies to utlendingsloven § 34 permits from this date (docs/domain/README.md#0). */
    public static final LocalDate KAP_6A_FROM = LocalDate.of(2022, 3, 11);

    /**
     * Permit types of integreringsloven § 9 that put a reception resident in the introduction target group
     * for competence mapping under § 6 (docs/domain/reception.md#1c, docs/domain/introduction-programme.md#3a): refugee (ul § 28), resettlement (§ 35), strong
     * humanitarian grounds (§ 38), member of a family with children (§ 38 (5)). Collective protection (§ 34)
     * has a right, not a duty, and only after settlement (docs/domain/reception.md#1c); family immigration depends on the
     * reference person, which reception does not know; OTHER is outside § 9.
     */
    public static final Set<PermitType> SECTION_6_PERMITS = EnumSet.of(PermitType.REFUGEE, PermitType.RESETTLEMENT,
            PermitType.HUMANITARIAN, PermitType.FAMILY_MEMBER_OF_CHILD_FAMILY);

    private ResidencePermit() {
    }

    /**
     * Checks a decision date: not before the registration in the centre ({@code permit.before-registration})
     * and not in the future ({@code date.not-in-future}).
     */
    public static void checkDecision(LocalDate decisionDate, LocalDate registeredOn, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (decisionDate.isBefore(registeredOn)) {
            violations.add(new Violation("decisionDate", "permit.before-registration",
                    "the decision date " + decisionDate + " is before the registration in the centre on " + registeredOn));
        }
        if (decisionDate.isAfter(today)) {
            violations.add(new Violation("decisionDate", "date.not-in-future",
                    "the decision date " + decisionDate + " is after today (" + today + ")"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /**
     * Which law governs the person (docs/domain/README.md#0): KAP_6A for a § 34 permit from 2022-03-11; integreringsloven for a
     * permit on/after 2021-01-01 or an arrival (registration) on/after 2021-01-01; otherwise introduksjonsloven.
     */
    public static Regime regime(PermitType type, LocalDate decisionDate, LocalDate registeredOn) {
        if (type == PermitType.COLLECTIVE_PROTECTION && !decisionDate.isBefore(KAP_6A_FROM)) {
            return Regime.KAP_6A;
        }
        if (!decisionDate.isBefore(INTEGRERINGSLOVEN_IN_FORCE) || !registeredOn.isBefore(INTEGRERINGSLOVEN_IN_FORCE)) {
            return Regime.INTEGRERINGSLOVEN;
        }
        return Regime.INTRODUKSJONSLOVEN;
    }

    /**
     * Whether the permit puts the person in the introduction target group so that § 6 competence mapping
     * applies (docs/domain/reception.md#1c): a {@link #SECTION_6_PERMITS} type, and aged from 18 up to {@code maxAge}
     * (§ 8: 18–55, configurable because of the proposed change to 60, docs/domain/introduction-programme.md#3a) at the permit date, under
     * integreringsloven. Returns the violation to report, or null.
     */
    public static Violation section6TargetGroupViolation(PermitType type, LocalDate decisionDate, LocalDate registeredOn,
            LocalDate birthDate, int maxAge) {
        if (!SECTION_6_PERMITS.contains(type)) {
            return new Violation("personId", "integreringsloven-6.permit-type",
                    "a " + type + " permit does not give the duty to competence mapping before settlement (integreringsloven § 6, docs/domain/reception.md#1c)");
        }
        if (regime(type, decisionDate, registeredOn) != Regime.INTEGRERINGSLOVEN) {
            return new Violation("personId", "integreringsloven-6.regime",
                    "competence mapping under integreringsloven § 6 applies to persons under integreringsloven (docs/domain/README.md#0)");
        }
        int age = Period.between(birthDate, decisionDate).getYears();
        if (age < 18 || age > maxAge) {
            return new Violation("personId", "integreringsloven-8.age",
                    "aged " + age + " at the permit date: the introduction target group is 18–" + maxAge
                            + " (integreringsloven § 8, docs/domain/introduction-programme.md#3a)");
        }
        return null;
    }
}
