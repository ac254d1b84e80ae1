package no.nystart.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodesTest {
    @ParameterizedTest
    @ValueSource(strings = {"NOR", "SYR", "UKR", "AFG", "ERI", "SOM", "IRQ", "IRN", "PSE", "COD", "MMR", "SWE"})
    void isoCodesAreAccepted(String code) {
        assertEquals(Optional.empty(), CountryCodes.validateCitizenship(code));
        assertTrue(CountryCodes.isoAlpha3Codes().contains(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXA", "XXB", "XXC", "XXX"})
    void icaoCodesForStatelessRefugeeAndUnspecifiedAreAccepted(String code) {
        assertTrue(CountryCodes.isValidCitizenship(code));
        assertTrue(CountryCodes.isIcaoSpecialCode(code));
        assertFalse(CountryCodes.isoAlpha3Codes().contains(code), "ICAO codes are not ISO 3166 codes");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"nor", "Nor", "NO", "NORW", "ZZZ", "XXD", "XKX", "N0R", " NOR", "578"})
    void everythingElseIsRejected(String code) {
        assertEquals(Optional.of(new Violation("citizenship", CountryCodes.RULE_ALPHA3, CountryCodes.MESSAGE_ALPHA3)),
                CountryCodes.validateCitizenship(code));
        assertFalse(CountryCodes.isIcaoSpecialCode(code));
    }

    @Test
    void isoListIsTheFullJdkList() {
        // ISO 3166-1 has 249 officially assigned codes; the JDK list may lag by a code or two
        int size = CountryCodes.isoAlpha3Codes().size();
        assertTrue(size >= 245 && size <= 255, "size " + size);
        assertTrue(CountryCodes.isoAlpha3Codes().stream().allMatch(c -> c.matches("[A-Z]{3}")));
        assertEquals("person.citizenship", CountryCodes.validateCitizenship("person.citizenship", "xx").get().field());
    }
}
