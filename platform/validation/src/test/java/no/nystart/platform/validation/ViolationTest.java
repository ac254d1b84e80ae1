package no.nystart.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A violation names its rule by code and by the type URI of the rule's entry in docs/rules.md. */
class ViolationTest {

    @Test
    void a_violation_carries_the_type_uri_of_its_rules_entry() {
        Violation v = new Violation("startDate", "integreringsloven-13.min-length", "at least 3 months");
        assertEquals("https://nystart.no/rules/integreringsloven-13.min-length", v.type());
        assertEquals(Violation.typeOf(v.rule()), v.type());
    }

    @Test
    void a_violation_read_back_without_a_type_gets_the_type_of_its_rule() {
        // a problem body of an older service, read by a client, has no type: it is derived from the rule
        Violation v = new Violation("dufNumber", "duf-number.format", "12 digits", null);
        assertEquals("https://nystart.no/rules/duf-number.format", v.type());
        assertEquals(new Violation("dufNumber", "duf-number.format", "12 digits"), v);
    }
}
