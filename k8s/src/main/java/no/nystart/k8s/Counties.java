package no.nystart.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counties (fylker) of the municipality data: fylkesnummer → fylkesnavn, sorted by number. */
public final class Counties {
    private Counties() {
    }

    public record County(String number, String name) {
        /** Kafka user name of the county's read-only consumer. */
        public String kafkaUser() {
            return "county-" + number;
        }

        /** Prefix every consumer group of the county must start with. */
        public String groupPrefix() {
            return "county-" + number + "-";
        }
    }

    public static List<County> read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = List.of(lines.get(0).split(","));
        int nr = header.indexOf("fylkesnummer");
        int name = header.indexOf("fylkesnavn");
        if (nr < 0 || name < 0) {
            throw new IllegalStateException(csv + " has no fylkesnummer/fylkesnavn columns");
        }
        Map<String, String> counties = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String previous = counties.putIfAbsent(f[nr].trim(), f[name].trim());
            if (previous != null && !previous.equals(f[name].trim())) {
                throw new IllegalStateException("county " + f[nr] + " has two names: " + previous + ", " + f[name]);
            }
        }
        return counties.entrySet().stream().map(e -> new County(e.getKey(), e.getValue())).toList();
    }
}
