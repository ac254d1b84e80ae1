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
import no.nystart.contracts.Regime;

/**
 * Effective-dated rules (data file {@code data/programme-rules.csv}): the version of a regime in force
 * on a day is the row with the latest {@code effective_from} on or before that day, so that the 2025
 * amendments (age limit 60, new §§ 13/14, Prop. 81 L (2024–2025)) are switched on by adding a row.
 */
public final class ProgrammeRules {
    private final List<ProgrammeRuleSet> sets;

    public ProgrammeRules(List<ProgrammeRuleSet> sets) {
        this.sets = sets.stream().sorted(Comparator.comparing(ProgrammeRuleSet::effectiveFrom)).toList();
    }

    public static ProgrammeRules parse(InputStream csv) {
        List<ProgrammeRuleSet> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("regime,effective_from")) {
                throw new IllegalArgumentException("not a programme rules table: " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", 11);
                rows.add(new ProgrammeRuleSet(Regime.valueOf(f[0].strip()), LocalDate.parse(f[1].strip()), i(f[2]), i(f[3]),
                        i(f[4]), i(f[5]), i(f[6]), i(f[7]), i(f[8]), i(f[9]), f[10].replace("\"", "").strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProgrammeRules(rows);
    }

    private static int i(String s) {
        return Integer.parseInt(s.strip());
    }

    /** The rules of {@code regime} in force on {@code day}. */
    public ProgrammeRuleSet inForce(Regime regime, LocalDate day) {
        ProgrammeRuleSet found = null;
        for (ProgrammeRuleSet s : sets) {
            if (s.regime() == regime && !s.effectiveFrom().isAfter(day)) {
                found = s;
            }
        }
        if (found == null) {
            // A date before the first row of the regime: the first row (the regime's original rules).
            found = sets.stream().filter(s -> s.regime() == regime).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no programme rules for " + regime));
        }
        return found;
    }
}
