package no.nystart.platform.validation;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DUF number (UDI's case number for a foreign national), docs/domain/identifiers.md#7b (sources named there:
 * https://www.udi.no/nn/ord-og-omgrep/duf-nummer/): 12 digits starting with the year of first application, e.g.
 * {@code 2012 586975 61}; the same number on re-application. docs/services/: "12 digits starting with a plausible year".
 *
 * <p>Checks, in order:
 * <ol>
 *   <li>{@value #RULE_FORMAT}: exactly 12 ASCII digits. The grouped form with spaces seen on UDI papers is not
 *       accepted here; callers strip spaces before validating if they want to accept it.</li>
 *   <li>{@value #RULE_YEAR}: the first four digits are a year from {@value #MIN_YEAR} to the current year in
 *       Europe/Oslo (given a {@link Clock}). The lower bound is a plausibility choice of this project, not a
 *       published rule (docs/domain/ names none); the chain's records start with reception-centre registrations from 2018
 *       (docs/domain/reception.md#1a), and 1980 leaves ample room for people whose first application is decades older. The upper bound holds because
 *       the year is that of an application already made.</li>
 * </ol>
 * There is no check digit: docs/domain/identifiers.md#7b, "No check-digit algorithm found".
 */
public final class DufNumber {
    public static final String DEFAULT_FIELD = "dufNumber";

    public static final String RULE_FORMAT = "duf-number.format";
    public static final String RULE_YEAR = "duf-number.year";

    /** Earliest accepted year of first application (project choice, see class comment). */
    public static final int MIN_YEAR = 1980;

    static final String MESSAGE_FORMAT = "a DUF number is exactly 12 digits";
    static final String MESSAGE_YEAR =
            "a DUF number starts with the year of first application, from " + MIN_YEAR + " to the current year";

    private final String value;

    private DufNumber(String value) {
        this.value = value;
    }

    /** The 12 digits. */
    public String value() {
        return value;
    }

    /** The year of first application (digits 1–4). */
    public Year applicationYear() {
        return Year.of(Integer.parseInt(value.substring(0, 4)));
    }

    /** Validates against today's year (system clock, Europe/Oslo); field {@value #DEFAULT_FIELD}. */
    public static Optional<Violation> validate(String value) {
        return validate(DEFAULT_FIELD, value, OsloTime.systemClock());
    }

    /** Validates {@code value}; returns the first broken rule as a violation of {@code field}, or empty. */
    public static Optional<Violation> validate(String field, String value, Clock clock) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(clock, "clock");
        if (!NationalId.isAsciiDigits(value, 12)) {
            return Optional.of(new Violation(field, RULE_FORMAT, MESSAGE_FORMAT));
        }
        int year = Integer.parseInt(value.substring(0, 4));
        int currentYear = OsloTime.today(clock).getYear();
        if (year < MIN_YEAR || year > currentYear) {
            return Optional.of(new Violation(field, RULE_YEAR, MESSAGE_YEAR));
        }
        return Optional.empty();
    }

    /** Whether {@code value} passes every check. */
    public static boolean isValid(String value, Clock clock) {
        return validate(DEFAULT_FIELD, value, clock).isEmpty();
    }

    /** Parses against today's year (system clock, Europe/Oslo); field {@value #DEFAULT_FIELD}. */
    public static DufNumber parse(String value) {
        return parse(DEFAULT_FIELD, value, OsloTime.systemClock());
    }

    /**
     * Parses {@code value}.
     *
     * @throws RuleViolationException naming {@code field} and the broken rule
     */
    public static DufNumber parse(String field, String value, Clock clock) {
        Optional<Violation> violation = validate(field, value, clock);
        if (violation.isPresent()) {
            throw new RuleViolationException(List.of(violation.get()));
        }
        return new DufNumber(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DufNumber && ((DufNumber) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Shows only the year: the full number identifies a person. */
    @Override
    public String toString() {
        return "DufNumber[" + value.substring(0, 4) + "********]";
    }
}
