package no.nystart.platform.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The time zone every NyStart rule reads "today" in. platform/validation/README.md ("Common identifiers and checks"): dates are
 * {@code LocalDate} in Europe/Oslo.
 */
public final class OsloTime {
    /** Europe/Oslo. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private OsloTime() {
    }

    /** The system clock in Europe/Oslo. */
    public static Clock systemClock() {
        return Clock.system(ZONE);
    }

    /** Today's date in Europe/Oslo according to {@code clock}, whatever zone the clock itself carries. */
    public static LocalDate today(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
