package no.nystart.adulteducation.domain;

import java.util.Optional;
import no.nystart.platform.validation.Violation;

/**
 * Norwegian organisation number (Enhetsregisteret): nine digits, the last a modulus-11 control digit
 * over the first eight with weights 3, 2, 7, 6, 5, 4, 3, 2 (remainder 0 → 0; control 10 → invalid).
 */
public final class OrganisationNumber {
    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrganisationNumber() {
    }

    public static Optional<Violation> validate(String field, String value) {
        if (value == null || !value.matches("[0-9]{9}")) {
            return Optional.of(new Violation(field, "organisation-number.format", "must be nine digits"));
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        int control = 11 - sum % 11;
        if (control == 11) {
            control = 0;
        }
        if (control == 10 || control != value.charAt(8) - '0') {
            return Optional.of(new Violation(field, "organisation-number.mod11", "the control digit (modulus 11) is wrong"));
        }
        return Optional.empty();
    }
}
