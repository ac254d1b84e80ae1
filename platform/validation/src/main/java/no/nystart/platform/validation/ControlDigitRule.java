package no.nystart.platform.validation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Which control-digit calculation a national identity number (fødselsnummer, D-nummer) is checked with.
 *
 * <p>Source: docs/domain/identifiers.md#7a. The classic calculation (both control digits mod 11, remainder 0 only) is from
 * pi3k14/NorskeForhold {@code Fødselsnummer.cs} and the worked example at
 * http://www.fnrinfo.no/Teknisk/KontrollsifferBeregning.aspx. From 1 January 2032 the Norwegian Tax Administration
 * issues a new, gender-neutral series with a changed first control digit: the weighted sum of digits 1–9 plus the
 * first control digit may leave the remainder 0, 1, 2 or 3 modulo 11 (previously only 0); the second control digit
 * is unchanged; gender and birth date must then be read from Folkeregisteret, not from the number
 * (https://www.skatteetaten.no/en/deling/opplysninger/folkeregisteropplysninger/pid/ and
 * https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/).
 * Numbers issued before 2032 keep their numbers, so {@link #FROM_2032} accepts every classic number as well.
 *
 * <p>A service chooses the rule by configuration, or by date with {@link #forDate(LocalDate)} /
 * {@link #current(Clock)}.
 */
public enum ControlDigitRule {
    /** Classic rule (1964 series): remainder 0 for both control digits; birth date and century are derived. */
    CLASSIC,
    /**
     * Rule from 1 Jan 2032: remainder 0, 1, 2 or 3 for the first control digit, 0 for the second; birth date and
     * sex are not derived from the number.
     */
    FROM_2032;

    /** First day on which {@link #FROM_2032} applies (docs/domain/identifiers.md#7a: "From 1 Jan 2032 new series"). */
    public static final LocalDate FROM_2032_EFFECTIVE = LocalDate.of(2032, 1, 1);

    /** The rule in force on {@code date}: {@link #CLASSIC} before 1 Jan 2032, {@link #FROM_2032} from that day. */
    public static ControlDigitRule forDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return date.isBefore(FROM_2032_EFFECTIVE) ? CLASSIC : FROM_2032;
    }

    /** The rule in force today (Europe/Oslo) according to {@code clock}. */
    public static ControlDigitRule current(Clock clock) {
        return forDate(OsloTime.today(clock));
    }

    /**
     * Whether {@code remainder} = (weighted sum of digits 1–9 with 3,7,6,1,8,9,4,5,2 plus the first control digit)
     * mod 11 is accepted. Classic: only 0 (equivalent to k1 = 11 − (sum mod 11), 11 → 0, 10 → invalid).
     * From 2032: 0, 1, 2 or 3 (docs/domain/identifiers.md#7a; Skatteetaten, see class comment).
     */
    public boolean acceptsFirstControlRemainder(int remainder) {
        if (this == CLASSIC) {
            return remainder == 0;
        }
        return remainder >= 0 && remainder <= 3;
    }
}
