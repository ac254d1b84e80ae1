package no.nystart.platform.validation;

import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Citizenship as a three-letter country code (docs/services/reception-training.md: "citizenship (ISO 3166 alpha-3; needed
 * for the Norwegian-training grant rate)").
 *
 * <p>Accepted ({@value #RULE_ALPHA3} otherwise):
 * <ul>
 *   <li>the ISO 3166-1 alpha-3 codes the JDK knows, {@link Locale#getISOCountries(Locale.IsoCountryCode)} with
 *       {@link Locale.IsoCountryCode#PART1_ALPHA3} (the list follows the JDK's data, which tracks ISO 3166);</li>
 *   <li>the codes ICAO Doc 9303 (Machine Readable Travel Documents, Part 3) reserves for persons without a
 *       nationality to record, which appear on travel documents refugees and stateless persons carry:
 *       {@code XXA} stateless person (1954 Convention relating to the Status of Stateless Persons), {@code XXB}
 *       refugee (1951 Convention relating to the Status of Refugees), {@code XXC} refugee other than under XXB,
 *       {@code XXX} person of unspecified nationality.</li>
 * </ul>
 * Upper case only, exactly three ASCII letters; no normalisation. Not accepted: user-assigned codes outside ISO and
 * the four ICAO codes, for example {@code XKX} used by some issuers for Kosovo. Whether NyStart must accept such codes
 * is an open question (docs/domain/ names no list), so they are rejected rather than guessed.
 */
public final class CountryCodes {
    public static final String DEFAULT_FIELD = "citizenship";

    public static final String RULE_ALPHA3 = "citizenship.iso3166-alpha3";

    static final String MESSAGE_ALPHA3 =
            "citizenship is an ISO 3166-1 alpha-3 country code in upper case, or XXA, XXB, XXC or XXX";

    /** ICAO Doc 9303 Part 3 codes for stateless persons, refugees and unspecified nationality. */
    public static final Set<String> ICAO_SPECIAL_CODES = Set.of("XXA", "XXB", "XXC", "XXX");

    private static final Set<String> ISO_ALPHA3 =
            Collections.unmodifiableSet(new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3)));

    private CountryCodes() {
    }

    /** The ISO 3166-1 alpha-3 codes known to the JDK, sorted. */
    public static Set<String> isoAlpha3Codes() {
        return ISO_ALPHA3;
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-3 code or one of {@link #ICAO_SPECIAL_CODES}. */
    public static boolean isValidCitizenship(String code) {
        return code != null && (ISO_ALPHA3.contains(code) || ICAO_SPECIAL_CODES.contains(code));
    }

    /** Whether {@code code} is one of {@link #ICAO_SPECIAL_CODES} (stateless, refugee, unspecified). */
    public static boolean isIcaoSpecialCode(String code) {
        return code != null && ICAO_SPECIAL_CODES.contains(code);
    }

    /** Validates a citizenship code; field {@value #DEFAULT_FIELD}. */
    public static Optional<Violation> validateCitizenship(String code) {
        return validateCitizenship(DEFAULT_FIELD, code);
    }

    /** Validates a citizenship code; returns {@value #RULE_ALPHA3} as a violation of {@code field}, or empty. */
    public static Optional<Violation> validateCitizenship(String field, String code) {
        Objects.requireNonNull(field, "field");
        return isValidCitizenship(code)
                ? Optional.empty()
                : Optional.of(new Violation(field, RULE_ALPHA3, MESSAGE_ALPHA3));
    }
}
