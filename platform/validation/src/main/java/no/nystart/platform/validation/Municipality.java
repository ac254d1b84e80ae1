package no.nystart.platform.validation;

import java.util.Objects;

/**
 * A municipality (kommune) in the 2024 structure (docs/domain/identifiers.md#7c): four-digit kommunenummer with leading zero kept,
 * whose first two digits are the county's fylkesnummer.
 *
 * @param number       kommunenummer, four digits
 * @param name         common name
 * @param officialName official name (may include Sami/Kven forms)
 * @param county       the county it belongs to
 */
public record Municipality(String number, String name, String officialName, County county) {
    public Municipality {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(officialName, "officialName");
        Objects.requireNonNull(county, "county");
        if (!number.startsWith(county.number())) {
            throw new IllegalArgumentException("kommunenummer " + number + " does not start with fylkesnummer "
                    + county.number() + " (docs/domain/identifiers.md#7c)");
        }
    }
}
