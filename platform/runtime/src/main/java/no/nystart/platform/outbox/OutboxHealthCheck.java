package no.nystart.platform.outbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * DOWN when the outbox stops draining: the oldest unpublished event is older than
 * {@code nystart.outbox.health.max-pending-age} (default 60 s), the relay has not completed a
 * round for that long, or a row is parked (Kafka can never accept it as it is; see {@link OutboxRelay}). The
 * figures are read from the table at each call.
 *
 * <p>A wellness check ({@code /q/health/well}, also part of {@code /q/health}), deliberately not a
 * readiness or liveness check (issue 15, defect 3): while Kafka is down the service should keep taking requests (that is
 * what the outbox is for) and restarting it would not help; an operator is alerted instead.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration maxPendingAge;

    public OutboxHealthCheck(OutboxRelay relay, Clock clock,
            @ConfigProperty(name = "nystart.outbox.health.max-pending-age", defaultValue = "PT60S") Duration maxPendingAge) {
        this.relay = relay;
        this.clock = clock;
        this.maxPendingAge = maxPendingAge;
    }

    @Override
    public HealthCheckResponse call() {
        // the figures of the table now, not of the relay's last round (which may be 30 s old while Kafka is down)
        boolean fromTable = relay.refreshFigures();
        long oldest = relay.oldestPendingAgeSeconds();
        Instant lastDrain = relay.lastDrain();
        boolean draining = oldest <= maxPendingAge.toSeconds();
        boolean relayAlive = !relay.enabled() || lastDrain.equals(Instant.EPOCH)
                || Duration.between(lastDrain, clock.instant()).compareTo(maxPendingAge) <= 0;
        long parked = relay.parked();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("nystart-outbox")
                .status(draining && relayAlive && parked == 0)
                .withData("pending", relay.pending())
                .withData("parked", parked)
                .withData("oldestPendingAgeSeconds", oldest)
                .withData("maxPendingAgeSeconds", maxPendingAge.toSeconds())
                .withData("lastRelayRound", lastDrain.toString())
                .withData("figures", fromTable ? "table" : "last refresh (database unavailable)");
        if (relay.lastError() != null) {
            builder.withData("lastError", relay.lastError());
        }
        return builder.build();
    }
}
