package no.nystart.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {
    /** A fixed "today": 15 June 2025 in Oslo. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);

    static final ControlDigitRule CLASSIC = ControlDigitRule.CLASSIC;
    static final ControlDigitRule NEW = ControlDigitRule.FROM_2032;

    private static Optional<Violation> check(String value, ControlDigitRule rule) {
        return NationalId.validate("nationalId", value, rule, CLOCK);
    }

    private static String ruleOf(String value, ControlDigitRule rule) {
        return check(value, rule).map(Violation::rule).orElse(null);
    }

    /** Valid classic numbers for a spread of dates and individnummer, from the test-side generator. */
    static List<String> sampleValidNumbers() {
        String[] prefixes = {"010170", "311299", "150585", "290200", "010105", "241224", "310155", "070707"};
        int[] individ = {0, 123, 499, 500, 567, 749, 900, 999};
        List<String> result = new ArrayList<>();
        for (String date : prefixes) {
            for (int ind : individ) {
                String nine = date + String.format("%03d", ind);
                // keep only combinations whose century is fixed by the ranges and whose date is real and past
                String full = Fnr.complete(nine);
                if (full != null && expectedBirthDate(full) != null) {
                    result.add(full);
                }
            }
        }
        return result;
    }

    /**
     * Expected birth date, from the individnummer table of docs/domain/identifiers.md#7a written as data; null when no range fits,
     * the date does not exist, or it is after {@link #CLOCK}'s date.
     */
    static LocalDate expectedBirthDate(String fnr) {
        int day = Integer.parseInt(fnr.substring(0, 2));
        if (day > 40) {
            day -= 40;
        }
        int month = Integer.parseInt(fnr.substring(2, 4));
        int yy = Integer.parseInt(fnr.substring(4, 6));
        int ind = Integer.parseInt(fnr.substring(6, 9));
        int[][] ranges = { // {from year, to year, individnummer high, individnummer low}
            {1854, 1899, 749, 500}, {1900, 1999, 499, 0}, {1940, 1999, 999, 900}, {2000, 2039, 999, 500}};
        for (int[] r : ranges) {
            for (int year = r[0]; year <= r[1]; year++) {
                if (year % 100 == yy && ind <= r[2] && ind >= r[3]) {
                    try {
                        LocalDate date = LocalDate.of(year, month, day);
                        return date.isAfter(LocalDate.of(2025, 6, 15)) ? null : date;
                    } catch (java.time.DateTimeException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void workedExampleFromDomainMd() {
        // docs/domain/identifiers.md#7a / fnrinfo.no: 311299567 -> control digits 15 -> 31129956715
        assertEquals("31129956715", Fnr.complete("311299567"), "the test-side generator reproduces the example");
        NationalId id = NationalId.parse("nationalId", "31129956715", CLASSIC, CLOCK);
        assertEquals(NationalIdKind.FODSELSNUMMER, id.kind());
        // individnummer 567 with YY 99: range 1854–1899 (749–500)
        assertEquals(Optional.of(LocalDate.of(1899, 12, 31)), id.birthDate());
        assertEquals("31129956715", id.value());
        assertEquals(CLASSIC, id.controlDigitRule());
        assertTrue(NationalId.isValid("31129956715", NEW, CLOCK), "the 2032 rule accepts every classic number");
    }

    @Test
    void generatedNumbersAreValidAndGiveTheExpectedBirthDate() {
        List<String> samples = sampleValidNumbers();
        assertTrue(samples.size() > 30, "enough samples: " + samples.size());
        for (String fnr : samples) {
            assertEquals(Optional.empty(), check(fnr, CLASSIC), fnr);
            assertEquals(Optional.empty(), check(fnr, NEW), fnr);
            NationalId id = NationalId.parse("f", fnr, CLASSIC, CLOCK);
            assertEquals(Optional.of(expectedBirthDate(fnr)), id.birthDate(), fnr);
            assertEquals(NationalIdKind.FODSELSNUMMER, id.kind());
        }
    }

    @Test
    void everySingleDigitChangeIsRejected() {
        int checked = 0;
        for (String fnr : sampleValidNumbers()) {
            for (int pos = 0; pos < 11; pos++) {
                for (char c = '0'; c <= '9'; c++) {
                    if (c == fnr.charAt(pos)) {
                        continue;
                    }
                    String changed = fnr.substring(0, pos) + c + fnr.substring(pos + 1);
                    String expected = pos < 10 ? NationalId.RULE_CONTROL_DIGIT_1 : NationalId.RULE_CONTROL_DIGIT_2;
                    assertEquals(expected, ruleOf(changed, CLASSIC), changed);
                    // the 2032 rule accepts more first control digits but still catches every single change
                    assertNotNull(ruleOf(changed, NEW), changed);
                    checked++;
                }
            }
        }
        assertTrue(checked > 3000, "checked " + checked);
    }

    @Test
    void k1OfTenMeansNoValidNumberExists() {
        int prefixes = 0;
        for (int ind = 0; ind <= 999 && prefixes < 5; ind++) {
            String nine = "150585" + String.format("%03d", ind);
            if (!Fnr.k1IsTen(nine)) {
                continue;
            }
            prefixes++;
            for (int suffix = 0; suffix <= 99; suffix++) {
                String candidate = nine + String.format("%02d", suffix);
                Optional<Violation> v = check(candidate, CLASSIC);
                assertEquals(NationalId.RULE_CONTROL_DIGIT_1, v.map(Violation::rule).orElse(null), candidate);
                assertEquals(NationalId.MESSAGE_CONTROL_DIGIT_1_IMPOSSIBLE, v.get().message());
            }
        }
        assertEquals(5, prefixes, "found nine-digit prefixes with k1 = 10");
    }

    @Test
    void k2OfTenMeansNoValidNumberExists() {
        int prefixes = 0;
        for (int ind = 0; ind <= 999 && prefixes < 5; ind++) {
            String nine = "010170" + String.format("%03d", ind);
            if (Fnr.k1IsTen(nine)) {
                continue;
            }
            int k1 = Fnr.k(Fnr.dot(nine, "376189452"));
            String ten = nine + k1;
            if (!Fnr.k2IsTen(ten)) {
                continue;
            }
            prefixes++;
            for (char last = '0'; last <= '9'; last++) {
                Optional<Violation> v = check(ten + last, CLASSIC);
                assertEquals(NationalId.RULE_CONTROL_DIGIT_2, v.map(Violation::rule).orElse(null), ten + last);
                assertEquals(NationalId.MESSAGE_CONTROL_DIGIT_2_IMPOSSIBLE, v.get().message());
                assertEquals(NationalId.RULE_CONTROL_DIGIT_2, ruleOf(ten + last, NEW), "k2 is unchanged in 2032");
            }
        }
        assertEquals(5, prefixes, "found ten-digit prefixes with k2 = 10");
    }

    @Test
    void wrongSecondControlDigitIsNamed() {
        Optional<Violation> v = check("31129956716", CLASSIC);
        assertEquals(Optional.of(new Violation("nationalId", NationalId.RULE_CONTROL_DIGIT_2,
                NationalId.MESSAGE_CONTROL_DIGIT_2)), v);
        assertEquals(NationalId.RULE_CONTROL_DIGIT_1, ruleOf("31129956725", CLASSIC));
    }

    @Test
    void rule2032AcceptsRemaindersOneToThreeOnlyUnderTheNewRule() {
        int found = 0;
        for (int ind = 0; ind <= 999; ind += 7) {
            String nine = "150585" + String.format("%03d", ind);
            for (int r = 1; r <= 3; r++) {
                String n = Fnr.completeWithRemainder(nine, r);
                if (n == null) {
                    continue;
                }
                found++;
                assertEquals(NationalId.RULE_CONTROL_DIGIT_1, ruleOf(n, CLASSIC), n);
                assertEquals(Optional.empty(), check(n, NEW), n);
                NationalId id = NationalId.parse("f", n, NEW, CLOCK);
                assertEquals(Optional.empty(), id.birthDate(), "no birth date from 2032-rule numbers");
                assertEquals(NEW, id.controlDigitRule());
            }
            for (int r = 4; r <= 10; r++) {
                String n = Fnr.completeWithRemainder(nine, r);
                if (n != null) {
                    assertEquals(NationalId.RULE_CONTROL_DIGIT_1, ruleOf(n, NEW), n + " remainder " + r);
                    assertEquals(NationalId.RULE_CONTROL_DIGIT_1, ruleOf(n, CLASSIC), n + " remainder " + r);
                }
            }
        }
        assertTrue(found > 100, "found " + found);
    }

    @Test
    void rule2032DoesNotDeriveBirthDateEvenForClassicLookingNumbers() {
        NationalId id = NationalId.parse("f", "31129956715", NEW, CLOCK);
        assertEquals(Optional.empty(), id.birthDate());
        assertEquals(NationalIdKind.FODSELSNUMMER, id.kind());
    }

    @Test
    void rule2032StillNeedsACalendarDay() {
        String n = Fnr.completeWithRemainder("310485123", 2); // 31 April
        assertNotNull(n);
        assertEquals(NationalId.RULE_BIRTH_DATE, ruleOf(n, NEW));
        String leap = Fnr.completeWithRemainder("290232123", 1); // 29 Feb, YY 32 divisible by 4
        assertNotNull(leap);
        assertEquals(Optional.empty(), check(leap, NEW));
        String noLeap = Fnr.completeWithRemainder("290233123", 1);
        assertNotNull(noLeap);
        assertEquals(NationalId.RULE_BIRTH_DATE, ruleOf(noLeap, NEW));
    }

    @ParameterizedTest(name = "{0}{1} -> {2}")
    @CsvSource({
        // DDMMYY, individnummer, expected rule ("" = valid) under CLASSIC on 2025-06-15
        "300201, 123, national-id.birth-date",   // 30 February 1901
        "310485, 123, national-id.birth-date",   // 31 April 1985
        "290200, 123, national-id.birth-date",   // 29 February 1900: 1900 is not a leap year
        "290200, 600, ''",                       // 29 February 2000: a leap year
        "290201, 600, national-id.birth-date",
        "000185, 123, national-id.birth-date",   // day 0
        "010085, 123, national-id.birth-date",   // month 0
        "011385, 123, national-id.birth-date",   // month 13
        "324185, 123, national-id.birth-date",   // day 32
        "015185, 123, national-id.birth-date",   // H-nummer style month + 40: not accepted
        "018185, 123, national-id.birth-date",   // synthetic month + 80: not accepted
        "410170, 123, ''",                       // D-nummer for 01.01.1970 (docs/domain/identifiers.md#7a example)
        "710170, 123, ''",                       // D-nummer, day 31
        "720170, 123, national-id.birth-date",   // D-nummer, day 32
        "810170, 123, national-id.birth-date",   // first digit 8: day 41
        "010130, 500, national-id.birth-date",   // 2030: in the future on 2025-06-15
        "150625, 500, ''",                       // today
        "160625, 500, national-id.birth-date",   // tomorrow
        "010170, 800, ''",                       // 750–899 with YY 70: no range, century unknown, accepted
        "290270, 800, national-id.birth-date",   // ... but 29 February needs YY divisible by 4
        "290272, 800, ''",
        "010145, 600, ''",                       // 500–749 with YY 45: no range
        "010155, 600, ''",                       // 1855
    })
    void birthDates(String ddmmyy, String individnummer, String expectedRule) {
        String nine = ddmmyy + individnummer;
        String number = Fnr.complete(nine);
        if (number == null) { // k = 10 for this prefix: try the neighbouring individnummer of the same range
            int ind = Integer.parseInt(individnummer) + 2;
            number = Fnr.complete(ddmmyy + String.format("%03d", ind));
        }
        assertNotNull(number, nine);
        assertEquals(expectedRule.isEmpty() ? null : expectedRule, ruleOf(number, CLASSIC), number);
    }

    @Test
    void dNummerKindAndBirthDate() {
        String d = Fnr.complete("410170123");
        assertNotNull(d);
        NationalId id = NationalId.parse("f", d, CLASSIC, CLOCK);
        assertEquals(NationalIdKind.D_NUMMER, id.kind());
        assertEquals(Optional.of(LocalDate.of(1970, 1, 1)), id.birthDate());
    }

    @Test
    void centuryFromIndividnummerRanges() {
        assertEquals(1899, NationalId.birthYear(500, 99).getAsInt());
        assertEquals(1854, NationalId.birthYear(749, 54).getAsInt());
        assertTrue(NationalId.birthYear(749, 53).isEmpty());
        assertEquals(1900, NationalId.birthYear(0, 0).getAsInt());
        assertEquals(1999, NationalId.birthYear(499, 99).getAsInt());
        assertEquals(1940, NationalId.birthYear(900, 40).getAsInt());
        assertEquals(2039, NationalId.birthYear(999, 39).getAsInt());
        assertEquals(2000, NationalId.birthYear(500, 0).getAsInt());
        assertEquals(2039, NationalId.birthYear(750, 39).getAsInt());
        assertTrue(NationalId.birthYear(750, 40).isEmpty());
        assertTrue(NationalId.birthYear(899, 99).isEmpty());
    }

    @Test
    void futureDateUsesOsloDate() {
        String n = Fnr.complete("010130500");
        assertNotNull(n);
        // 2029-12-31T23:30Z is already 1 January 2030 in Oslo
        Clock lateEvening = Clock.fixed(Instant.parse("2029-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertEquals(Optional.empty(), NationalId.validate("f", n, CLASSIC, lateEvening));
        Clock earlier = Clock.fixed(Instant.parse("2029-12-31T22:30:00Z"), ZoneOffset.UTC);
        assertEquals(NationalId.RULE_BIRTH_DATE,
                NationalId.validate("f", n, CLASSIC, earlier).map(Violation::rule).orElse(null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"3112995671", "311299567150", "3112995671a", " 31129956715", "31129956715 ",
        "311299 56715", "311299-56715", "+1129956715", "\u0663\u0661\u0661\u0662\u0669\u0669\u0665\u0666\u0667\u0661\u0665"})
    void malformedIsRejectedAsFormat(String value) {
        assertEquals(NationalId.RULE_FORMAT, ruleOf(value, CLASSIC));
        assertEquals(NationalId.RULE_FORMAT, ruleOf(value, NEW));
    }

    @Test
    void parseThrowsRuleViolationNamingFieldAndRule() {
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> NationalId.parse("person.nationalId", "31129956716", CLASSIC, CLOCK));
        assertEquals(List.of(new Violation("person.nationalId", NationalId.RULE_CONTROL_DIGIT_2,
                NationalId.MESSAGE_CONTROL_DIGIT_2)), e.violations());
    }

    @Test
    void convenienceOverloadsUseTheDefaultField() {
        assertEquals("nationalId", NationalId.validate("x").orElseThrow().field());
        assertEquals(NationalId.RULE_FORMAT, NationalId.validate("x", CLASSIC).orElseThrow().rule());
        assertEquals(Optional.empty(), NationalId.validate("31129956715"));
        assertEquals(NationalIdKind.FODSELSNUMMER, NationalId.parse("31129956715").kind());
        assertEquals(NationalIdKind.FODSELSNUMMER, NationalId.parse("31129956715", CLASSIC).kind());
    }

    @Test
    void toStringDoesNotLeakTheNumber() {
        NationalId id = NationalId.parse("f", "31129956715", CLASSIC, CLOCK);
        assertFalse(id.toString().contains("311299"), id.toString());
        assertEquals(id, NationalId.parse("f", "31129956715", NEW, CLOCK));
        assertEquals(id.hashCode(), "31129956715".hashCode());
    }

    @Test
    void controlDigitRuleSwitchesOnFirstJanuary2032() {
        assertEquals(CLASSIC, ControlDigitRule.forDate(LocalDate.of(2031, 12, 31)));
        assertEquals(NEW, ControlDigitRule.forDate(LocalDate.of(2032, 1, 1)));
        assertEquals(CLASSIC, ControlDigitRule.forDate(LocalDate.of(2025, 6, 15)));
        assertEquals(CLASSIC, ControlDigitRule.current(CLOCK));
        // 2031-12-31T23:30Z is 2032-01-01 00:30 in Oslo
        assertEquals(NEW, ControlDigitRule.current(Clock.fixed(Instant.parse("2031-12-31T23:30:00Z"), ZoneOffset.UTC)));
        assertEquals(CLASSIC,
                ControlDigitRule.current(Clock.fixed(Instant.parse("2031-12-31T22:30:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void acceptedFirstControlRemainders() {
        for (int r = 0; r <= 10; r++) {
            assertEquals(r == 0, CLASSIC.acceptsFirstControlRemainder(r), "classic " + r);
            assertEquals(r <= 3, NEW.acceptsFirstControlRemainder(r), "2032 " + r);
        }
    }

    @Test
    void libraryAcceptsExactlyTheGeneratedNumbersOfOneDay() {
        // every individnummer and every control-digit pair of 15.05.85: the library accepts exactly the numbers
        // the independent generator produces (YY 85 gives 1885, 1985 or an unknown century, all in the past)
        int valid = 0;
        for (int ind = 0; ind <= 999; ind++) {
            String nine = "150585" + String.format("%03d", ind);
            String expected = Fnr.complete(nine);
            for (int cd = 0; cd <= 99; cd++) {
                String candidate = nine + String.format("%02d", cd);
                boolean accepted = NationalId.isValid(candidate, CLASSIC, CLOCK);
                assertEquals(candidate.equals(expected), accepted, candidate);
                if (accepted) {
                    valid++;
                }
            }
        }
        // about 1000 · 10/11 · 10/11 prefixes have both control digits
        assertTrue(valid > 780 && valid < 870, "valid numbers on 15.05.85: " + valid);
    }
}
