package no.nystart.platform.events;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The one clock of a service: Europe/Oslo, since dates in the law are Norwegian dates. */
@ApplicationScoped
public class ClockProducer {
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(OSLO);
    }
}
