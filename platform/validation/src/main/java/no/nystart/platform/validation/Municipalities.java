package no.nystart.platform.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The 357 municipalities and 15 counties of Norway from 1 January 2024 (docs/domain/identifiers.md#7c; docs/services/ "Common
 * identifiers and checks": {@code municipality}, unknown numbers are rejected).
 *
 * <p>Data: the class-path resource {@value #RESOURCE}, the project's copy of the 2024 municipality list, kept as received
 * (columns {@code kommunenummer,kommunenavn,kommunenavn_offisielt,fylkesnummer,fylkesnavn,fylkesnavn_offisielt}).
 * Provenance (docs/domain/identifiers.md#7d): Kartverket/Geonorge-based GeoJSON in the public repository
 * robhop/fylker-og-kommuner, commit ae87825 (2025-04-08, data "Oppdatert 2024"), files {@code Kommuner-S.geojson}
 * and {@code Fylker-S.geojson}; cross-checked against SSB classification 131. The same provenance is written in
 * {@code README.md} next to the CSV. Codes change over time (docs/domain/identifiers.md#7c): this registry is the 2024 structure only.
 *
 * <p>The registry is loaded once, on first use of {@link #instance()}, and is immutable and thread-safe.
 */
public final class Municipalities {
    /** Class-path location of the data. */
    public static final String RESOURCE = "/no/nystart/platform/validation/kommuner-2024.csv";

    /** Field name used when the caller does not give one (docs/services/ calls the field {@code municipality}). */
    public static final String DEFAULT_FIELD = "municipality";

    public static final String RULE_FORMAT = "kommunenummer.format";
    public static final String RULE_UNKNOWN = "kommunenummer.unknown";

    static final String MESSAGE_FORMAT = "a kommunenummer is exactly 4 digits, leading zero kept (e.g. 0301)";
    static final String MESSAGE_UNKNOWN = "no municipality has this kommunenummer in the 2024 structure";

    private static final String HEADER =
            "kommunenummer,kommunenavn,kommunenavn_offisielt,fylkesnummer,fylkesnavn,fylkesnavn_offisielt";

    private final Map<String, Municipality> byNumber;
    private final Map<String, County> counties;
    private final Map<String, List<Municipality>> byCounty;

    private Municipalities(Map<String, Municipality> byNumber, Map<String, County> counties) {
        this.byNumber = Collections.unmodifiableMap(byNumber);
        this.counties = Collections.unmodifiableMap(counties);
        Map<String, List<Municipality>> grouped = new TreeMap<>();
        for (Municipality m : byNumber.values()) {
            grouped.computeIfAbsent(m.county().number(), k -> new ArrayList<>()).add(m);
        }
        grouped.replaceAll((k, v) -> List.copyOf(v));
        this.byCounty = Collections.unmodifiableMap(grouped);
    }

    private static final class Holder {
        static final Municipalities INSTANCE = loadResource();
    }

    /** The registry of the bundled 2024 data. */
    public static Municipalities instance() {
        return Holder.INSTANCE;
    }

    private static Municipalities loadResource() {
        try (InputStream in = Municipalities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a CSV with the {@code kommuner-2024.csv} columns (UTF-8, CRLF or LF, no quoting). Rejects malformed
     * rows, duplicate numbers, a kommunenummer that does not start with its fylkesnummer (docs/domain/identifiers.md#7c) and a county
     * with two different names.
     */
    static Municipalities load(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !stripBom(header).strip().equals(HEADER)) {
            throw new IllegalStateException("unexpected header: " + header);
        }
        Map<String, Municipality> byNumber = new TreeMap<>();
        Map<String, County> counties = new TreeMap<>();
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                throw new IllegalStateException("line " + lineNo + ": expected 6 columns, got " + f.length);
            }
            String number = f[0];
            String fylkesnummer = f[3];
            if (!isKommunenummerFormat(number) || !NationalId.isAsciiDigits(fylkesnummer, 2)) {
                throw new IllegalStateException("line " + lineNo + ": malformed kommunenummer or fylkesnummer");
            }
            County county = new County(fylkesnummer, f[4], f[5]);
            County known = counties.putIfAbsent(fylkesnummer, county);
            if (known != null && !known.equals(county)) {
                throw new IllegalStateException("line " + lineNo + ": county " + fylkesnummer + " named differently");
            }
            Municipality m;
            try {
                m = new Municipality(number, f[1], f[2], counties.get(fylkesnummer));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("line " + lineNo + ": " + e.getMessage(), e);
            }
            if (byNumber.putIfAbsent(number, m) != null) {
                throw new IllegalStateException("line " + lineNo + ": duplicate kommunenummer " + number);
            }
        }
        return new Municipalities(byNumber, counties);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Whether {@code value} has the form of a kommunenummer: exactly 4 ASCII digits (docs/domain/identifiers.md#7c). */
    public static boolean isKommunenummerFormat(String value) {
        return NationalId.isAsciiDigits(value, 4);
    }

    // ---------------------------------------------------------------- municipalities

    /** The municipality with this kommunenummer, if it exists in the 2024 structure. */
    public Optional<Municipality> find(String kommunenummer) {
        return kommunenummer == null ? Optional.empty() : Optional.ofNullable(byNumber.get(kommunenummer));
    }

    /**
     * Validates a kommunenummer: {@value #RULE_FORMAT} when it is not 4 digits, {@value #RULE_UNKNOWN} when no
     * municipality has it.
     */
    public Optional<Violation> validate(String field, String kommunenummer) {
        Objects.requireNonNull(field, "field");
        if (!isKommunenummerFormat(kommunenummer)) {
            return Optional.of(new Violation(field, RULE_FORMAT, MESSAGE_FORMAT));
        }
        if (!byNumber.containsKey(kommunenummer)) {
            return Optional.of(new Violation(field, RULE_UNKNOWN, MESSAGE_UNKNOWN));
        }
        return Optional.empty();
    }

    /** {@link #validate(String, String)} with field {@value #DEFAULT_FIELD}. */
    public Optional<Violation> validate(String kommunenummer) {
        return validate(DEFAULT_FIELD, kommunenummer);
    }

    /**
     * The municipality with this kommunenummer.
     *
     * @throws RuleViolationException naming {@code field} and {@value #RULE_FORMAT} or {@value #RULE_UNKNOWN}
     */
    public Municipality get(String field, String kommunenummer) {
        Optional<Violation> violation = validate(field, kommunenummer);
        if (violation.isPresent()) {
            throw new RuleViolationException(List.of(violation.get()));
        }
        return byNumber.get(kommunenummer);
    }

    /** {@link #get(String, String)} with field {@value #DEFAULT_FIELD}. */
    public Municipality get(String kommunenummer) {
        return get(DEFAULT_FIELD, kommunenummer);
    }

    /** All municipalities, ordered by kommunenummer. */
    public List<Municipality> all() {
        return List.copyOf(byNumber.values());
    }

    /**
     * Municipalities whose name or official name equals {@code name}, ignoring case (Norwegian locale). Names are not
     * unique (Herøy 1515 and 1818, Våler 3114 and 3419), hence a list, ordered by kommunenummer.
     */
    public List<Municipality> findByName(String name) {
        if (name == null) {
            return List.of();
        }
        String wanted = normalizeName(name);
        List<Municipality> result = new ArrayList<>();
        for (Municipality m : byNumber.values()) {
            if (normalizeName(m.name()).equals(wanted) || normalizeName(m.officialName()).equals(wanted)) {
                result.add(m);
            }
        }
        return List.copyOf(result);
    }

    private static String normalizeName(String name) {
        return name.strip().toLowerCase(Locale.forLanguageTag("nb-NO"));
    }

    // ---------------------------------------------------------------- counties

    /** All counties, ordered by fylkesnummer. */
    public List<County> counties() {
        return List.copyOf(counties.values());
    }

    /** The county with this two-digit fylkesnummer (leading zero kept: {@code 03}). */
    public Optional<County> county(String fylkesnummer) {
        return fylkesnummer == null ? Optional.empty() : Optional.ofNullable(counties.get(fylkesnummer));
    }

    /** The county of a known municipality: the first two digits of its kommunenummer (docs/domain/identifiers.md#7c). */
    public Optional<County> countyOf(String kommunenummer) {
        return find(kommunenummer).map(Municipality::county);
    }

    /** The municipalities of a county, ordered by kommunenummer; empty for an unknown fylkesnummer. */
    public List<Municipality> inCounty(String fylkesnummer) {
        if (fylkesnummer == null) {
            return List.of();
        }
        return byCounty.getOrDefault(fylkesnummer, List.of());
    }

    /** Counts per fylkesnummer, ordered by fylkesnummer. */
    public Map<String, Integer> countsByCounty() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        byCounty.forEach((county, list) -> counts.put(county, list.size()));
        return Collections.unmodifiableMap(counts);
    }
}
