package no.nystart.platform.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One thing a service knows about a person, for the person's timeline.
 *
 * @param date    the day it happened (Europe/Oslo)
 * @param at      when it was recorded, if the service knows it; null otherwise
 * @param service the service that knows it (its {@code quarkus.application.name})
 * @param kind    a stable code, e.g. {@code ARRIVAL_REGISTERED}, {@code PROGRAMME_DECIDED}; clients translate it
 * @param summary a short English text of neutral data (no names, no national id or DUF number)
 * @param rule    the rule or legal reference behind it (e.g. "integreringsloven § 12"); null when none applies
 * @param details a small map of non-identifying figures (codes, dates, hours, amounts in whole kroner)
 */
public record TimelineEntry(LocalDate date, OffsetDateTime at, String service, String kind, String summary, String rule,
        Map<String, Object> details) {
}
