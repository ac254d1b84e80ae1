package no.nystart.platform.validation.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.nystart.platform.validation.RuleMessages;
import no.nystart.platform.validation.Violation;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the constraints through a real Bean Validation provider (Hibernate Validator), as a REST layer would. */
class ConstraintsTest {
    static final Clock CLOCK_2025 = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC);
    static final Clock CLOCK_2032 = Clock.fixed(Instant.parse("2032-03-01T10:00:00Z"), ZoneOffset.UTC);

    static ValidatorFactory factory2025;
    static ValidatorFactory factory2032;

    /** 31129956715 with the first control digit moved to a 2032-only remainder; computed in the test below. */
    static String new2032Number;

    @BeforeAll
    static void setUp() {
        factory2025 = factory(CLOCK_2025);
        factory2032 = factory(CLOCK_2032);
        // 311299567 + digit 10 with (K1 sum + digit 10) mod 11 == 2, then K2; K1 sum for 311299567 is 241 (fnrinfo)
        int d10 = Math.floorMod(2 - 241, 11);
        String ten = "311299567" + d10;
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int s2 = 0;
        for (int i = 0; i < 10; i++) {
            s2 += (ten.charAt(i) - '0') * w2[i];
        }
        int k2 = (11 - s2 % 11) % 11;
        if (d10 > 9 || k2 == 10) {
            throw new AssertionError("choose another remainder");
        }
        new2032Number = ten + k2;
    }

    @AfterAll
    static void tearDown() {
        factory2025.close();
        factory2032.close();
    }

    private static ValidatorFactory factory(Clock clock) {
        return Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .clockProvider(() -> clock)
                .buildValidatorFactory();
    }

    record Resident(
            @NotNull @NationalIdentityNumber String nationalId,
            @NotNull @DufNumber String dufNumber,
            @Kommunenummer String municipality,
            @CountryCodeAlpha3 String citizenship) {
    }

    static final class Strict {
        @NationalIdentityNumber(controlDigitRule = NationalIdentityNumber.RuleChoice.CLASSIC)
        String classic;
        @NationalIdentityNumber(controlDigitRule = NationalIdentityNumber.RuleChoice.FROM_2032)
        String from2032;
        @NationalIdentityNumber
        String byDate;

        Strict(String classic, String from2032, String byDate) {
            this.classic = classic;
            this.from2032 = from2032;
            this.byDate = byDate;
        }
    }

    static final class Custom {
        @Kommunenummer(message = "choose a municipality from the list")
        String municipality;

        Custom(String municipality) {
            this.municipality = municipality;
        }
    }

    /** What a REST layer does: field from the property path, rule and text from the message. */
    private static <T> List<Violation> violations(Validator validator, T bean) {
        Set<ConstraintViolation<T>> found = validator.validate(bean);
        return found.stream()
                .map(cv -> RuleMessages.toViolation(lastNode(cv.getPropertyPath()), cv.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::rule))
                .collect(Collectors.toList());
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    @Test
    void validResidentHasNoViolations() {
        Resident r = new Resident("31129956715", "201258697561", "0301", "SYR");
        assertEquals(List.of(), violations(factory2025.getValidator(), r));
    }

    @Test
    void eachFieldReportsItsRuleOnce() {
        Resident r = new Resident("31129956716", "197912345678", "3001", "syr");
        List<Violation> v = violations(factory2025.getValidator(), r);
        assertEquals(List.of(
                new Violation("citizenship", "citizenship.iso3166-alpha3",
                        "citizenship is an ISO 3166-1 alpha-3 country code in upper case, or XXA, XXB, XXC or XXX"),
                new Violation("dufNumber", "duf-number.year",
                        "a DUF number starts with the year of first application, from 1980 to the current year"),
                new Violation("municipality", "kommunenummer.unknown",
                        "no municipality has this kommunenummer in the 2024 structure"),
                new Violation("nationalId", "national-id.control-digit-2", "the second control digit does not match")),
                v);
    }

    @Test
    void messageStartsWithTheRuleCode() {
        Set<ConstraintViolation<Resident>> found = factory2025.getValidator()
                .validate(new Resident("31129956716", "201258697561", "0301", "NOR"));
        assertEquals(1, found.size());
        assertEquals("national-id.control-digit-2: the second control digit does not match",
                found.iterator().next().getMessage());
        assertEquals("nationalId", found.iterator().next().getPropertyPath().toString());
    }

    @Test
    void formatRules() {
        List<Violation> v = violations(factory2025.getValidator(), new Resident("123", "2012", "301", "NO"));
        assertEquals(List.of("citizenship.iso3166-alpha3", "duf-number.format", "kommunenummer.format",
                "national-id.format"), v.stream().map(Violation::rule).collect(Collectors.toList()));
    }

    @Test
    void nullIsValidUnlessNotNullIsAdded() {
        List<Violation> v = violations(factory2025.getValidator(), new Resident(null, null, null, null));
        // only the two @NotNull fields complain, with the provider's own message (no rule prefix)
        assertEquals(List.of("dufNumber", "nationalId"), v.stream().map(Violation::field).collect(Collectors.toList()));
        assertTrue(v.stream().allMatch(x -> x.rule().equals(RuleMessages.UNSPECIFIED_RULE)), v.toString());
    }

    @Test
    void clockProviderDecidesTheCurrentYearForDufNumbers() {
        Resident r = new Resident("31129956715", "203000000001", "0301", "XXA");
        assertEquals(List.of("duf-number.year"), violations(factory2025.getValidator(), r).stream()
                .map(Violation::rule).collect(Collectors.toList()));
        assertEquals(List.of(), violations(factory2032.getValidator(), r));
    }

    @Test
    void controlDigitRuleSwitch() {
        assertFalse(new2032Number.equals("31129956715"));
        Strict s = new Strict(new2032Number, new2032Number, new2032Number);
        // 2025: BY_DATE means classic
        assertEquals(List.of(new Violation("byDate", "national-id.control-digit-1",
                        "the first control digit does not match"),
                new Violation("classic", "national-id.control-digit-1", "the first control digit does not match")),
                violations(factory2025.getValidator(), s));
        // 2032: BY_DATE means the new rule; CLASSIC stays strict
        assertEquals(List.of(new Violation("classic", "national-id.control-digit-1",
                        "the first control digit does not match")),
                violations(factory2032.getValidator(), s));
    }

    @Test
    void customMessageKeepsTheRuleCodeFirst() {
        Set<ConstraintViolation<Custom>> found = factory2025.getValidator().validate(new Custom("9999"));
        assertEquals(1, found.size());
        assertEquals("kommunenummer.unknown: choose a municipality from the list", found.iterator().next().getMessage());
    }

    @Test
    void validatorsWorkWithoutAContext() {
        assertTrue(new CountryCodeAlpha3Validator().isValid(null, null));
        assertTrue(new CountryCodeAlpha3Validator().isValid("NOR", null));
        assertFalse(new CountryCodeAlpha3Validator().isValid("NORGE", null));
        assertFalse(new KommunenummerValidator().isValid("0000", null));
        assertTrue(new KommunenummerValidator().isValid("0301", null));
        assertFalse(new DufNumberValidator().isValid("1", null));
        assertTrue(new NationalIdentityNumberValidator().isValid("31129956715", null));
        assertFalse(new NationalIdentityNumberValidator().isValid("31129956714", null));
    }

    @Test
    void escapeKeepsLiteralText() {
        assertEquals("a \\{b\\} \\$c \\\\d", ConstraintSupport.escape("a {b} $c \\d"));
    }
}
