package no.nystart.docs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The legal source a new rule code gets in the index before a person writes it: by the code's prefix (the longest
 * matching one). Codes whose prefix is not here start in the technical table.
 */
final class Sources {

    private static final Map<String, String> BY_PREFIX = new LinkedHashMap<>();

    static {
        put("integreringsloven-6.", "integreringsloven § 6", "reception.md#1c");
        put("integreringsloven-8.", "integreringsloven § 8", "introduction-programme.md#3a");
        put("integreringsloven-9.", "integreringsloven § 9", "introduction-programme.md#3a");
        put("integreringsloven-11.", "integreringsloven § 11", "reception.md#1c");
        put("integreringsloven-12.", "integreringsloven § 12", "introduction-programme.md#3a");
        put("integreringsloven-13.", "integreringsloven § 13", "introduction-programme.md#3b");
        put("integreringsloven-15.", "integreringsloven § 15", "introduction-programme.md#3d");
        put("integreringsloven-16.", "integreringsloven § 16", "introduction-programme.md#3d");
        put("integreringsloven-18.", "integreringsloven § 18", "introduction-programme.md#3f");
        put("integreringsloven-29.", "integreringsloven § 29", "adult-education.md#4d");
        put("integreringsforskriften-2.", "integreringsforskriften § 2", "introduction-programme.md#3c");
        put("integreringsforskriften-3.", "integreringsforskriften § 3", "introduction-programme.md#3c");
        put("integreringsforskriften-kap4.", "integreringsforskriften kap. 4 (§§ 11–12)", "introduction-programme.md#3e");
        put("attendance.working-day", "lov om helligdager og helligdagsfred § 2; lov om 1. og 17. mai som høgtidsdager § 1",
                "introduction-programme.md#3e-working-days");
        put("mandatory-training.", "integreringsloven § 5; introduksjonsloven § 20 a", "reception.md#1b");
        put("competence-mapping.before-permit", "integreringsloven § 6", "reception.md#1c");
        put("career-guidance.", "integreringsloven § 11", "reception.md#1c");
        put("exemption.", "integreringsloven § 5 (fritak)", "reception.md#1b");
        put("national-id.", "folkeregisterforskriften § 2-2; Skatteetaten", "identifiers.md#7a");
        put("duf-number.", "UDI (no statute)", "identifiers.md#7b");
        put("kommunenummer.", "SSB classification 131", "identifiers.md#7c");
        put("fylkesnummer.", "SSB classification 104", "identifiers.md#7c");
        put("norwegian-test.", "integreringsforskriften § 34", "adult-education.md#4c");
        put("norwegian-goal.", "IMDi guidance on the Norwegian goal", "adult-education.md#4b");
        put("provider.approval-max-3-years", "HK-dir approval of providers", "adult-education.md#4e");
        put("provider.approval-covers-start", "HK-dir approval of providers", "adult-education.md#4e");
        put("mandatory-content.", "IMDi guidance on the programme's content", "introduction-programme.md#3c");
        put("certificate.", "integreringsloven § 18 a (from the 2025 amendments)", "introduction-programme.md#3c");
        put("settlement.capacity", "the municipal council's decision", "settlement.md#2");
        put("decision.minors-within-total", "IMDi's request and the council's decision", "settlement.md#2");
        put("unaccompanied-minor.", "IMDi definition of an unaccompanied minor", "settlement.md#2");
        put("settlement.date-before-permit", "IMDi: date of settlement", "settlement.md#2");
    }

    private static void put(String prefix, String law, String anchor) {
        String section = anchor.substring(anchor.indexOf('#') + 1);
        BY_PREFIX.put(prefix, law + " ([" + section + "](domain/" + anchor + "))");
    }

    private Sources() {
    }

    /** {source cell} for a code, or null when no legal source is known for its prefix. */
    static String[] seed(String code) {
        String best = null;
        for (String prefix : BY_PREFIX.keySet()) {
            if (code.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : new String[] {BY_PREFIX.get(best)};
    }
}
