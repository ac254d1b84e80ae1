package no.nystart.platform.history;

import java.time.LocalDate;

/**
 * A deadline a service owns for a person that is still ahead (e.g. the programme start deadline,
 * integreringsloven § 12).
 */
public record TimelineDeadline(LocalDate date, String service, String kind, String summary, String rule) {
}
