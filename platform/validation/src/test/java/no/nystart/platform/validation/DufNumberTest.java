package no.nystart.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DufNumberTest {
    static final Clock CLOCK_2025 = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);

    private static String ruleOf(String value, Clock clock) {
        return DufNumber.validate("dufNumber", value, clock).map(Violation::rule).orElse(null);
    }

    @Test
    void exampleFromDomainMdIsValid() {
        // docs/domain/identifiers.md#7b: "2012 586975 61" (written grouped; the digits are 201258697561)
        assertEquals(Optional.empty(), DufNumber.validate("dufNumber", "201258697561", CLOCK_2025));
        DufNumber duf = DufNumber.parse("dufNumber", "201258697561", CLOCK_2025);
        assertEquals(Year.of(2012), duf.applicationYear());
        assertEquals("201258697561", duf.value());
    }

    @Test
    void yearBounds() {
        assertEquals(null, ruleOf("198000000001", CLOCK_2025));
        assertEquals(DufNumber.RULE_YEAR, ruleOf("197999999999", CLOCK_2025));
        assertEquals(null, ruleOf("202599999999", CLOCK_2025));
        assertEquals(DufNumber.RULE_YEAR, ruleOf("202600000000", CLOCK_2025));
        assertEquals(DufNumber.RULE_YEAR, ruleOf("000012345678", CLOCK_2025));
        assertEquals(DufNumber.RULE_YEAR, ruleOf("999912345678", CLOCK_2025));
    }

    @Test
    void currentYearIsTheYearInOslo() {
        // 2025-12-31T23:30Z is already 2026 in Oslo
        Clock newYearsEve = Clock.fixed(Instant.parse("2025-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertEquals(null, ruleOf("202600000001", newYearsEve));
        Clock earlier = Clock.fixed(Instant.parse("2025-12-31T22:30:00Z"), ZoneOffset.UTC);
        assertEquals(DufNumber.RULE_YEAR, ruleOf("202600000001", earlier));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"20125869756", "2012586975612", "2012 586975 61", "20125869756a", " 201258697561",
        "2012-58697561", "\u0662\u0660\u0661\u0662\u0665\u0668\u0666\u0669\u0667\u0665\u0666\u0661"})
    void malformedIsRejectedAsFormat(String value) {
        assertEquals(DufNumber.RULE_FORMAT, ruleOf(value, CLOCK_2025));
    }

    @Test
    void noCheckDigit() {
        // docs/domain/identifiers.md#7b: no check-digit algorithm is known, so any last digits pass
        for (int last = 0; last <= 99; last++) {
            assertTrue(DufNumber.isValid("2012586975" + String.format("%02d", last), CLOCK_2025));
        }
    }

    @Test
    void parseThrowsWithFieldAndRule() {
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> DufNumber.parse("resident.dufNumber", "197912345678", CLOCK_2025));
        assertEquals(List.of(new Violation("resident.dufNumber", DufNumber.RULE_YEAR, DufNumber.MESSAGE_YEAR)),
                e.violations());
    }

    @Test
    void defaultsAndToString() {
        assertEquals("dufNumber", DufNumber.validate("x").orElseThrow().field());
        assertEquals(DufNumber.RULE_FORMAT, DufNumber.validate("x").orElseThrow().rule());
        assertEquals(Year.of(2012), DufNumber.parse("201258697561").applicationYear());
        String shown = DufNumber.parse("201258697561").toString();
        assertFalse(shown.contains("58697561"), shown);
        assertEquals(DufNumber.parse("201258697561"), DufNumber.parse("201258697561"));
    }
}
