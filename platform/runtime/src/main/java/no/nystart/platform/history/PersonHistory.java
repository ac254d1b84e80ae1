package no.nystart.platform.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one service knows about one person, as timeline entries in date order, and the deadlines it owns that are
 * still ahead. The answer of every service's {@code GET /api/v1/persons/{personId}/history}; the staff portal merges
 * the five answers into one timeline.
 */
public record PersonHistory(UUID personId, String service, List<TimelineEntry> entries, List<TimelineDeadline> deadlines) {

    /** Date order; on the same day the recorded time (unknown last), then the kind, so the order is stable. */
    public static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::date)
            .thenComparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TimelineEntry::kind)
            .thenComparing(TimelineEntry::summary, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Collects one service's entries and deadlines about one person. */
    public static Builder builder(UUID personId, String service) {
        return new Builder(personId, service);
    }

    /**
     * A map of details from key/value pairs, in the given order; pairs whose value is null are left out.
     * Only for non-identifying figures.
     */
    public static Map<String, Object> details(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("details need key/value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put(String.valueOf(keyValues[i]), keyValues[i + 1] instanceof Enum<?> e ? e.name() : keyValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    public static final class Builder {
        private final UUID personId;
        private final String service;
        private final List<TimelineEntry> entries = new ArrayList<>();
        private final List<TimelineDeadline> deadlines = new ArrayList<>();

        private Builder(UUID personId, String service) {
            this.personId = personId;
            this.service = service;
        }

        /** An entry; one without a date is left out (nothing happened yet). */
        public Builder entry(LocalDate date, OffsetDateTime at, String kind, String summary, String rule,
                Map<String, Object> details) {
            if (date != null) {
                entries.add(new TimelineEntry(date, at, service, kind, summary, rule, details == null ? Map.of() : details));
            }
            return this;
        }

        /** A deadline; kept by {@link #build} only when it is today or later. */
        public Builder deadline(LocalDate date, String kind, String summary, String rule) {
            if (date != null) {
                deadlines.add(new TimelineDeadline(date, service, kind, summary, rule));
            }
            return this;
        }

        /** Entries in {@link #ORDER}; deadlines from {@code today} on, earliest first. */
        public PersonHistory build(LocalDate today) {
            List<TimelineEntry> sorted = new ArrayList<>(entries);
            sorted.sort(ORDER);
            List<TimelineDeadline> ahead = deadlines.stream().filter(d -> !d.date().isBefore(today))
                    .sorted(Comparator.comparing(TimelineDeadline::date).thenComparing(TimelineDeadline::kind)).toList();
            return new PersonHistory(personId, service, List.copyOf(sorted), ahead);
        }
    }
}
