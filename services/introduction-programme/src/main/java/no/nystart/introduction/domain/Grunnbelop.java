package no.nystart.introduction.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The grunnbeløp (G) table, changing on 1 May each year (docs/domain/identifiers.md#5i; data file
 * {@code data/grunnbelop.csv} with the source of every value).
 */
public final class Grunnbelop {
    /** One G value from its effective date. */
    public record Entry(LocalDate effectiveFrom, long amount, String source, boolean verified) {
    }

    private final List<Entry> entries;

    public Grunnbelop(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the G table is empty");
        }
        this.entries = entries.stream().sorted(Comparator.comparing(Entry::effectiveFrom)).toList();
    }

    /** Reads {@code effective_from,amount_nok,source,verified} rows. */
    public static Grunnbelop parse(InputStream csv) {
        List<Entry> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("effective_from,amount_nok")) {
                throw new IllegalArgumentException("not a G table: " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 4);
                int lastComma = f[3].lastIndexOf(',');
                String source = lastComma < 0 ? f[2] : f[2] + "," + f[3].substring(0, lastComma);
                String verified = lastComma < 0 ? f[3] : f[3].substring(lastComma + 1);
                rows.add(new Entry(LocalDate.parse(f[0].strip()), Long.parseLong(f[1].strip()), source.strip(),
                        Boolean.parseBoolean(verified.strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Grunnbelop(rows);
    }

    /** The G in force on {@code day}: the latest entry effective on or before it. */
    public Entry inForceOn(LocalDate day) {
        Entry found = null;
        for (Entry e : entries) {
            if (!e.effectiveFrom().isAfter(day)) {
                found = e;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no G is known for " + day + " (the table starts " + entries.get(0).effectiveFrom() + ")");
        }
        return found;
    }

    public LocalDate firstKnownDay() {
        return entries.get(0).effectiveFrom();
    }

    public List<Entry> entries() {
        return entries;
    }
}
