package no.nystart.platform.validation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Norwegian national identity number: fødselsnummer or D-nummer (docs/domain/identifiers.md#7a; platform/validation/README.md "Common identifiers
 * and checks": {@code nationalId}, 11 digits, both mod-11 control digits checked, post-2032 rule behind a switch).
 *
 * <p>Checks, in this order; the first that fails is reported with its stable rule code:
 * <ol>
 *   <li>{@value #RULE_FORMAT}: exactly 11 ASCII digits, nothing else (no spaces, no separators).</li>
 *   <li>{@value #RULE_CONTROL_DIGIT_1}: the first control digit (digit 10). Weights 3,7,6,1,8,9,4,5,2 over digits
 *       1–9; classic: k1 = 11 − (sum mod 11), 11 → 0, 10 → the number is invalid; from 2032: (sum + digit 10) mod 11
 *       may be 0, 1, 2 or 3. See {@link ControlDigitRule} for the sources.</li>
 *   <li>{@value #RULE_CONTROL_DIGIT_2}: the second control digit (digit 11). Weights 5,4,3,2,7,6,5,4,3,2 over
 *       digits 1–10; k2 = 11 − (sum mod 11), 11 → 0, 10 → invalid (unchanged in 2032).</li>
 *   <li>{@value #RULE_BIRTH_DATE}: digits 1–6 are DDMMYY (for a D-nummer after subtracting 4 from the first digit).
 *       Under {@link ControlDigitRule#CLASSIC} the century comes from the individnummer (digits 7–9) where the ranges
 *       of folkeregisterforskriften § 2-2 determine it, and the date must exist and not lie in the future
 *       (Europe/Oslo). Where the ranges give no century, and under {@link ControlDigitRule#FROM_2032}, the day and
 *       month must form a calendar date in some century (29 February only when YY is divisible by 4).</li>
 * </ol>
 *
 * <p>Not accepted: H-nummer (month + 40, docs/domain/identifiers.md#7a: internal only) and synthetic test numbers with a shifted
 * month; they fail {@value #RULE_BIRTH_DATE}.
 *
 * <p>An instance is a number that passed every check. Its {@link #toString()} does not reveal the number.
 */
public final class NationalId {
    /** Field name used when the caller does not give one (docs/services/ calls the field {@code nationalId}). */
    public static final String DEFAULT_FIELD = "nationalId";

    public static final String RULE_FORMAT = "national-id.format";
    public static final String RULE_CONTROL_DIGIT_1 = "national-id.control-digit-1";
    public static final String RULE_CONTROL_DIGIT_2 = "national-id.control-digit-2";
    public static final String RULE_BIRTH_DATE = "national-id.birth-date";

    static final String MESSAGE_FORMAT = "a national identity number is exactly 11 digits";
    static final String MESSAGE_CONTROL_DIGIT_1 = "the first control digit does not match";
    static final String MESSAGE_CONTROL_DIGIT_1_IMPOSSIBLE =
            "the first control digit does not match (these nine digits give k = 10, which no valid number has)";
    static final String MESSAGE_CONTROL_DIGIT_2 = "the second control digit does not match";
    static final String MESSAGE_CONTROL_DIGIT_2_IMPOSSIBLE =
            "the second control digit does not match (these ten digits give k = 10, which no valid number has)";
    static final String MESSAGE_BIRTH_DATE = "the first six digits are not a valid date of birth (DDMMYY)";
    static final String MESSAGE_BIRTH_DATE_FUTURE = "the date of birth lies in the future";

    // docs/domain/identifiers.md#7a: K1 weights 3,7,6,1,8,9,4,5,2 over digits 1–9; K2 weights 5,4,3,2,7,6,5,4,3,2 over digits 1–10.
    // Source named there: pi3k14/NorskeForhold Fødselsnummer.cs; fnrinfo.no KontrollsifferBeregning.
    private static final int[] K1_WEIGHTS = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] K2_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private final String value;
    private final NationalIdKind kind;
    private final ControlDigitRule controlDigitRule;
    private final LocalDate birthDate;

    private NationalId(String value, NationalIdKind kind, ControlDigitRule controlDigitRule, LocalDate birthDate) {
        this.value = value;
        this.kind = kind;
        this.controlDigitRule = controlDigitRule;
        this.birthDate = birthDate;
    }

    /** The 11 digits. */
    public String value() {
        return value;
    }

    public NationalIdKind kind() {
        return kind;
    }

    /** The rule the number was checked with. */
    public ControlDigitRule controlDigitRule() {
        return controlDigitRule;
    }

    /**
     * The date of birth encoded in the number: present only when the number was checked with
     * {@link ControlDigitRule#CLASSIC} and the individnummer ranges give the century. Empty under
     * {@link ControlDigitRule#FROM_2032}: a number with first-control remainder 0 may belong to the new series, whose
     * birth date must be read from Folkeregisteret (docs/domain/identifiers.md#7a). For a D-nummer this may be the registration date.
     */
    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    // ---------------------------------------------------------------- validation

    /** Validates with the rule in force today and the system clock (Europe/Oslo); field {@value #DEFAULT_FIELD}. */
    public static Optional<Violation> validate(String value) {
        Clock clock = OsloTime.systemClock();
        return validate(DEFAULT_FIELD, value, ControlDigitRule.current(clock), clock);
    }

    /** Validates with the given rule and the system clock; field {@value #DEFAULT_FIELD}. */
    public static Optional<Violation> validate(String value, ControlDigitRule rule) {
        return validate(DEFAULT_FIELD, value, rule, OsloTime.systemClock());
    }

    /**
     * Validates {@code value}. Returns the first broken rule as a violation of {@code field}, or empty when valid.
     * {@code clock} decides "today" for the future-date check.
     */
    public static Optional<Violation> validate(String field, String value, ControlDigitRule rule, Clock clock) {
        Objects.requireNonNull(field, "field");
        Outcome outcome = evaluate(value, rule, clock);
        return outcome.valid()
                ? Optional.empty()
                : Optional.of(new Violation(field, outcome.rule, outcome.message));
    }

    /** Whether {@code value} passes every check under {@code rule}. */
    public static boolean isValid(String value, ControlDigitRule rule, Clock clock) {
        return evaluate(value, rule, clock).valid();
    }

    /** Parses with the rule in force today and the system clock; field {@value #DEFAULT_FIELD}. */
    public static NationalId parse(String value) {
        Clock clock = OsloTime.systemClock();
        return parse(DEFAULT_FIELD, value, ControlDigitRule.current(clock), clock);
    }

    /** Parses with the given rule and the system clock; field {@value #DEFAULT_FIELD}. */
    public static NationalId parse(String value, ControlDigitRule rule) {
        return parse(DEFAULT_FIELD, value, rule, OsloTime.systemClock());
    }

    /**
     * Parses {@code value}.
     *
     * @throws RuleViolationException naming {@code field} and the first broken rule
     */
    public static NationalId parse(String field, String value, ControlDigitRule rule, Clock clock) {
        Objects.requireNonNull(field, "field");
        Outcome outcome = evaluate(value, rule, clock);
        if (!outcome.valid()) {
            throw new RuleViolationException(field, outcome.rule, outcome.message);
        }
        return outcome.parsed;
    }

    /** The first control digit the classic rule demands for nine digits, or 10 when none exists (k = 10). */
    static int classicControlDigit(int weightedSum) {
        // k = 11 − (sum mod 11); k = 11 → 0; k = 10 → invalid (docs/domain/identifiers.md#7a).
        int k = 11 - (weightedSum % 11);
        return k == 11 ? 0 : k;
    }

    private static Outcome evaluate(String value, ControlDigitRule rule, Clock clock) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(clock, "clock");
        if (!isAsciiDigits(value, 11)) {
            return Outcome.failure(RULE_FORMAT, MESSAGE_FORMAT);
        }
        int[] d = new int[11];
        for (int i = 0; i < 11; i++) {
            d[i] = value.charAt(i) - '0';
        }

        // First control digit (docs/domain/identifiers.md#7a; ControlDigitRule for the 2032 change).
        int sum1 = weightedSum(d, K1_WEIGHTS);
        int remainder1 = (sum1 + d[9]) % 11;
        if (!rule.acceptsFirstControlRemainder(remainder1)) {
            boolean impossible = rule == ControlDigitRule.CLASSIC && classicControlDigit(sum1) == 10;
            return Outcome.failure(RULE_CONTROL_DIGIT_1,
                    impossible ? MESSAGE_CONTROL_DIGIT_1_IMPOSSIBLE : MESSAGE_CONTROL_DIGIT_1);
        }

        // Second control digit: unchanged by the 2032 rule.
        int k2 = classicControlDigit(weightedSum(d, K2_WEIGHTS));
        if (k2 == 10) {
            return Outcome.failure(RULE_CONTROL_DIGIT_2, MESSAGE_CONTROL_DIGIT_2_IMPOSSIBLE);
        }
        if (k2 != d[10]) {
            return Outcome.failure(RULE_CONTROL_DIGIT_2, MESSAGE_CONTROL_DIGIT_2);
        }

        // D-nummer: +4 on the first digit (docs/domain/identifiers.md#7a).
        NationalIdKind kind = d[0] >= 4 ? NationalIdKind.D_NUMMER : NationalIdKind.FODSELSNUMMER;
        int day = (kind == NationalIdKind.D_NUMMER ? d[0] - 4 : d[0]) * 10 + d[1];
        int month = d[2] * 10 + d[3];
        int yy = d[4] * 10 + d[5];
        int individnummer = d[6] * 100 + d[7] * 10 + d[8];

        LocalDate birthDate = null;
        OptionalInt year = rule == ControlDigitRule.CLASSIC ? birthYear(individnummer, yy) : OptionalInt.empty();
        if (year.isPresent()) {
            try {
                birthDate = LocalDate.of(year.getAsInt(), month, day);
            } catch (DateTimeException e) {
                return Outcome.failure(RULE_BIRTH_DATE, MESSAGE_BIRTH_DATE);
            }
            // docs/services/: a date in the future where only the past makes sense is rejected.
            if (birthDate.isAfter(OsloTime.today(clock))) {
                return Outcome.failure(RULE_BIRTH_DATE, MESSAGE_BIRTH_DATE_FUTURE);
            }
        } else if (!existsInSomeCentury(day, month, yy)) {
            // No century known (range gap, or the 2032 series whose birth date must come from Folkeregisteret):
            // DDMM must still be a calendar day. Skatteetaten's reference check for 2032 numbers assumes 20YY,
            // which accepts the same days as "some century".
            return Outcome.failure(RULE_BIRTH_DATE, MESSAGE_BIRTH_DATE);
        }
        return Outcome.success(new NationalId(value, kind, rule, birthDate));
    }

    /**
     * The birth year from the two-digit year and the individnummer, per folkeregisterforskriften § 2-2 as quoted in
     * docs/domain/identifiers.md#7a (sources: lovas.info "Identitetsnummer i Norge", matematikk.org): born 1854–1899: 749–500;
     * 1900–1999: 499–000; 1940–1999 also 999–900; 2000–2039: 999–500. Empty where no range fits (individnummer
     * 500–749 with YY 40–53, 750–899 with YY 40–99): the number is then not rejected, its century is just unknown.
     */
    static OptionalInt birthYear(int individnummer, int yy) {
        if (individnummer <= 499) {
            return OptionalInt.of(1900 + yy);
        }
        if (individnummer >= 900 && yy >= 40) {
            return OptionalInt.of(1900 + yy);
        }
        if (yy <= 39) {
            return OptionalInt.of(2000 + yy); // 500–999
        }
        if (individnummer <= 749 && yy >= 54) {
            return OptionalInt.of(1800 + yy);
        }
        return OptionalInt.empty();
    }

    private static boolean existsInSomeCentury(int day, int month, int yy) {
        for (int century = 1800; century <= 2000; century += 100) {
            try {
                LocalDate.of(century + yy, month, day);
                return true;
            } catch (DateTimeException e) {
                // try the next century
            }
        }
        return false;
    }

    private static int weightedSum(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        return sum;
    }

    static boolean isAsciiDigits(String value, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NationalId && ((NationalId) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked: identity numbers are personal data and must not end up in logs. */
    @Override
    public String toString() {
        return "NationalId[" + kind + ", ***********]";
    }

    private static final class Outcome {
        final String rule;
        final String message;
        final NationalId parsed;

        private Outcome(String rule, String message, NationalId parsed) {
            this.rule = rule;
            this.message = message;
            this.parsed = parsed;
        }

        static Outcome failure(String rule, String message) {
            return new Outcome(rule, message, null);
        }

        static Outcome success(NationalId parsed) {
            return new Outcome(null, null, parsed);
        }

        boolean valid() {
            return parsed != null;
        }
    }
}
