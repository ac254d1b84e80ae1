package no.nystart.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MunicipalitiesTest {
    private final Municipalities registry = Municipalities.instance();

    @Test
    void loadedOnce() {
        assertSame(registry, Municipalities.instance());
    }

    @Test
    void counts2024() {
        // docs/domain/identifiers.md#7c: 357 kommuner, 15 fylker from 1 Jan 2024
        assertEquals(357, registry.all().size());
        assertEquals(15, registry.counties().size());
    }

    @Test
    void perCountyCountsFromDomainMd() {
        // docs/domain/identifiers.md#7c: 03:1, 11:23, 15:27, 18:41, 31:12, 32:21, 33:18, 34:46, 39:6, 40:17, 42:25, 46:43, 50:38,
        // 55:21, 56:18
        Map<String, Integer> expected = new LinkedHashMap<>();
        String[] pairs = {"03:1", "11:23", "15:27", "18:41", "31:12", "32:21", "33:18", "34:46", "39:6", "40:17",
            "42:25", "46:43", "50:38", "55:21", "56:18"};
        for (String p : pairs) {
            String[] kv = p.split(":");
            expected.put(kv[0], Integer.valueOf(kv[1]));
        }
        assertEquals(expected, registry.countsByCounty());
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), registry.inCounty(e.getKey()).size(), e.getKey());
        }
        assertEquals(expected.keySet().stream().collect(Collectors.toList()),
                registry.counties().stream().map(County::number).collect(Collectors.toList()));
    }

    @Test
    void osloKeepsItsLeadingZero() {
        Municipality oslo = registry.find("0301").orElseThrow();
        assertEquals("Oslo", oslo.name());
        assertEquals(new County("03", "Oslo", "Oslo"), oslo.county());
        assertEquals(Optional.empty(), registry.find("301"));
        assertEquals(List.of(oslo), registry.inCounty("03"));
        assertEquals(List.of(), registry.inCounty("3"));
    }

    @Test
    void lookupsByNumberCountyAndName() {
        // docs/domain/identifiers.md#7c: Haram 1580 split from Ålesund 1508 in 2024
        assertEquals("Haram", registry.get("1580").name());
        assertEquals("Ålesund", registry.get("1508").name());
        assertEquals("Møre og Romsdal", registry.countyOf("1580").orElseThrow().name());
        assertEquals("Nordland - Nordlánnda", registry.county("18").orElseThrow().officialName());
        assertEquals("Dielddanuorri - Tjeldsund", registry.get("5512").name());
        assertEquals(Optional.empty(), registry.county("30")); // Viken, split in 2024
        assertEquals(Optional.empty(), registry.countyOf("3001"));
        // names are not unique
        assertEquals(List.of("1515", "1818"),
                registry.findByName("herøy").stream().map(Municipality::number).collect(Collectors.toList()));
        assertEquals(List.of("3114", "3419"),
                registry.findByName("Våler").stream().map(Municipality::number).collect(Collectors.toList()));
        assertEquals(List.of("5512"),
                registry.findByName("dielddanuorri - tjeldsund").stream().map(Municipality::number)
                        .collect(Collectors.toList()));
        assertEquals(List.of(), registry.findByName("Viken"));
        assertEquals(List.of(), registry.findByName(null));
    }

    @Test
    void everyMunicipalityStartsWithItsCountyNumberAndIsOrdered() {
        List<Municipality> all = registry.all();
        for (int i = 0; i < all.size(); i++) {
            Municipality m = all.get(i);
            assertTrue(m.number().matches("[0-9]{4}"), m.number());
            assertEquals(m.number().substring(0, 2), m.county().number(), m.number());
            if (i > 0) {
                assertTrue(all.get(i - 1).number().compareTo(m.number()) < 0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000", "9999", "3001", "3003", "3801", "5401", "1601", "0302"})
    void unknownNumbersAreRejected(String number) {
        // 3001 Halden and 3003 Sarpsborg (Viken), 3801 Horten (Vestfold og Telemark), 5401 Tromsø (Troms og Finnmark)
        // are 2020–2023 numbers; 1601 Trondheim is pre-2018
        assertEquals(Optional.of(new Violation("municipality", Municipalities.RULE_UNKNOWN,
                Municipalities.MESSAGE_UNKNOWN)), registry.validate(number));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"301", "03011", "03a1", " 0301", "0301 ", "ab12", "\u0660\u0663\u0660\u0661"})
    void malformedNumbersAreRejected(String number) {
        assertEquals(Municipalities.RULE_FORMAT, registry.validate("kommune", number).orElseThrow().rule());
        assertEquals("kommune", registry.validate("kommune", number).orElseThrow().field());
    }

    @Test
    void knownNumbersPass() {
        for (String n : List.of("0301", "1103", "3101", "3301", "3901", "4001", "5001", "5501", "5601", "4601")) {
            assertEquals(Optional.empty(), registry.validate(n), n);
        }
    }

    @Test
    void getThrowsRuleViolation() {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> registry.get("x", "3001"));
        assertEquals(Municipalities.RULE_UNKNOWN, e.violations().get(0).rule());
        assertEquals("x", e.violations().get(0).field());
        assertEquals(Municipalities.RULE_FORMAT,
                assertThrows(RuleViolationException.class, () -> registry.get("1")).violations().get(0).rule());
    }

    private static Municipalities load(String csv) throws IOException {
        return Municipalities.load(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String HEADER =
            "kommunenummer,kommunenavn,kommunenavn_offisielt,fylkesnummer,fylkesnavn,fylkesnavn_offisielt\r\n";

    @Test
    void loaderReadsCrLfAndLfAndSkipsBlankLines() throws IOException {
        Municipalities m = load(HEADER + "0301,Oslo,Oslo,03,Oslo,Oslo\r\n\r\n"
                + "1101,Eigersund,Eigersund,11,Rogaland,Rogaland\n");
        assertEquals(2, m.all().size());
        assertEquals("Rogaland", m.countyOf("1101").orElseThrow().officialName());
    }

    @Test
    void loaderRejectsBrokenData() {
        assertThrows(IllegalStateException.class, () -> load("kommune,navn\r\n"));
        assertThrows(IllegalStateException.class, () -> load(HEADER + "0301,Oslo,Oslo,03,Oslo\r\n"));
        assertThrows(IllegalStateException.class, () -> load(HEADER + "301,Oslo,Oslo,03,Oslo,Oslo\r\n"));
        assertThrows(IllegalStateException.class, () -> load(HEADER + "0301,Oslo,Oslo,11,Rogaland,Rogaland\r\n"));
        assertThrows(IllegalStateException.class,
                () -> load(HEADER + "0301,Oslo,Oslo,03,Oslo,Oslo\r\n0301,Oslo,Oslo,03,Oslo,Oslo\r\n"));
        assertThrows(IllegalStateException.class,
                () -> load(HEADER + "1101,A,A,11,Rogaland,Rogaland\r\n1103,B,B,11,Rugaland,Rugaland\r\n"));
    }
}
