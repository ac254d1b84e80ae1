package no.nystart.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/**
 * Counts requests whose credentials were refused ({@code nystart_auth_refused_total}), instead of a log line per
 * request: a forged or expired token costs one counter increment, no outbound call and no ERROR (issue 15, defect 8).
 * Tokens are verified locally against the issuer's key set; an unknown key id refreshes the key set at most once per
 * {@code quarkus.oidc.token.forced-jwk-refresh-interval}, and there is no introspection fallback (the platform
 * defaults in {@code META-INF/microprofile-config.properties}).
 */
@ApplicationScoped
public class RefusedTokens {
    private final Counter refused;

    public RefusedTokens(MeterRegistry registry) {
        this.refused = Counter.builder("nystart.auth.refused")
                .description("Requests whose bearer token was refused (forged, expired, unknown key, malformed)")
                .register(registry);
    }

    void onFailure(@ObservesAsync AuthenticationFailureEvent event) {
        refused.increment();
    }

    /** Refused so far, for tests. */
    public double count() {
        return refused.count();
    }
}
