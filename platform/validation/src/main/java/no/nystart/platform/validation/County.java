package no.nystart.platform.validation;

import java.util.Objects;

/**
 * A county (fylke) in the 2024 structure (docs/domain/identifiers.md#7c): two-digit fylkesnummer with leading zero kept (03 Oslo).
 *
 * @param number       fylkesnummer, two digits
 * @param name         common name, e.g. {@code Nordland}
 * @param officialName official name, including Sami/Kven forms, e.g. {@code Nordland - Nordlánnda}
 */
public record County(String number, String name, String officialName) {
    public County {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(officialName, "officialName");
    }
}
