package no.nystart.portal.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The person timeline: what each of the five services delivered, merged into one list in date order with the
 * deadlines ahead, and a short note for every service that refused (403/404) or could not deliver (down, slow). A part
 * left out never makes the page an error. Pure Java; the service layer feeds it what the services answered.
 */
public final class Timeline {

    /** One entry as a service delivered it ({@code GET /api/v1/persons/{id}/history}). */
    public record Entry(LocalDate date, OffsetDateTime at, String kind, String summary, String rule,
            Map<String, Object> details) {
    }

    /** One deadline as a service delivered it. */
    public record Due(LocalDate date, String kind, String rule) {
    }

    /** What one service gave. */
    public sealed interface Source permits Delivered, Refused, Unavailable {
        String serviceLabel();
    }

    public record Delivered(String serviceLabel, List<Entry> entries, List<Due> deadlines) implements Source {
    }

    /** 403 or 404: the service has nothing this user may see about the person. */
    public record Refused(String serviceLabel, int status) implements Source {
    }

    /** Down, slow or failing. */
    public record Unavailable(String serviceLabel) implements Source {
    }

    /** One line of the page. */
    public record Line(LocalDate date, OffsetDateTime at, String serviceLabel, String kind, String label, String rule,
            String details) {
    }

    /** A deadline ahead, with the days left. */
    public record Deadline(LocalDate date, String serviceLabel, String label, String rule, long daysLeft) {
    }

    /** The merged page: lines oldest first, deadlines soonest first, one note per part left out. */
    public record Merged(List<Line> lines, List<Deadline> deadlines, List<String> notes, int servicesDelivered) {
        public boolean empty() {
            return lines.isEmpty() && deadlines.isEmpty();
        }
    }

    private Timeline() {
    }

    public static Merged merge(List<Source> sources, LocalDate today) {
        List<Line> lines = new ArrayList<>();
        List<Deadline> deadlines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int delivered = 0;
        for (Source source : sources) {
            if (source instanceof Delivered d) {
                delivered++;
                for (Entry e : d.entries()) {
                    lines.add(new Line(e.date(), e.at(), d.serviceLabel(), e.kind(), TimelineTexts.label(e.kind(), e.summary()),
                            e.rule(), TimelineTexts.details(e.details())));
                }
                for (Due due : d.deadlines()) {
                    if (due.date() != null && !due.date().isBefore(today)) {
                        deadlines.add(new Deadline(due.date(), d.serviceLabel(), TimelineTexts.label(due.kind(), due.kind()),
                                due.rule(), ChronoUnit.DAYS.between(today, due.date())));
                    }
                }
            } else if (source instanceof Refused r) {
                notes.add(r.serviceLabel() + ": " + (r.status() == 403
                        ? "du har ikke tilgang til opplysningene herfra, så de er utelatt."
                        : "har ingen opplysninger om personen som du har tilgang til."));
            } else {
                notes.add(source.serviceLabel() + " svarte ikke i tide; opplysningene herfra mangler. Prøv igjen om litt.");
            }
        }
        lines.sort(Comparator.comparing(Line::date)
                .thenComparing(Line::at, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Line::serviceLabel));
        deadlines.sort(Comparator.comparing(Deadline::date).thenComparing(Deadline::serviceLabel));
        return new Merged(List.copyOf(lines), List.copyOf(deadlines), List.copyOf(notes), delivered);
    }
}
