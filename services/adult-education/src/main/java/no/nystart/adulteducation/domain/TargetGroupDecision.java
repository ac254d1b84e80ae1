package no.nystart.adulteducation.domain;

import java.time.LocalDate;
import no.nystart.contracts.adulteducation.Entitlement;

/** Whether a settled person is in the target group for Norwegian and social studies, and why. */
public sealed interface TargetGroupDecision {

    /** In the target group: the entitlement, the day it started and the legal basis. */
    record InTargetGroup(Entitlement entitlement, LocalDate establishedOn, String legalBasis) implements TargetGroupDecision {
    }

    /** Outside the target group: no learner record; {@code reason} names the rule. */
    record Outside(String reason) implements TargetGroupDecision {
    }
}
