package no.nystart.reception.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import no.nystart.reception.domain.TrainingPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Configurable values that are project choices or unconfirmed in docs/domain/; defaults documented in
 * docs/services/reception-training.md.
 */
@ApplicationScoped
public class ReceptionConfig {
    private final TrainingPolicy policy;
    private final int introductionMaxAge;

    public ReceptionConfig(
            @ConfigProperty(name = "nystart.reception.training.max-hours-per-day", defaultValue = "8") BigDecimal maxHoursPerDay,
            @ConfigProperty(name = "nystart.reception.behind.after-weeks", defaultValue = "8") int behindAfterWeeks,
            @ConfigProperty(name = "nystart.reception.behind.norwegian-share", defaultValue = "0.5") BigDecimal behindShare,
            @ConfigProperty(name = "nystart.reception.introduction-target-group.max-age", defaultValue = "55") int introductionMaxAge) {
        this.policy = new TrainingPolicy(maxHoursPerDay, behindAfterWeeks, behindShare);
        this.introductionMaxAge = introductionMaxAge;
    }

    public TrainingPolicy policy() {
        return policy;
    }

    /** Upper age of the introduction target group at the permit date (integreringsloven § 8: 55; docs/domain/introduction-programme.md#3a). */
    public int introductionMaxAge() {
        return introductionMaxAge;
    }
}
