package no.nystart.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RuleMessagesTest {
    @Test
    void formatPutsTheRuleFirst() {
        assertEquals("national-id.control-digit-2: the second control digit does not match",
                RuleMessages.format(NationalId.RULE_CONTROL_DIGIT_2, "the second control digit does not match"));
        assertEquals("duf-number.year: x", RuleMessages.format(new Violation("f", "duf-number.year", "x")));
    }

    @Test
    void toViolationSplitsRuleAndMessage() {
        assertEquals(new Violation("nationalId", "national-id.format", "a number: with a colon"),
                RuleMessages.toViolation("nationalId", "national-id.format: a number: with a colon"));
        assertEquals(new Violation("citizenship", "citizenship.iso3166-alpha3", "bad"),
                RuleMessages.toViolation("citizenship", "citizenship.iso3166-alpha3: bad"));
    }

    @Test
    void messagesWithoutRuleGetTheUnspecifiedRule() {
        assertEquals(new Violation("name", RuleMessages.UNSPECIFIED_RULE, "must not be null"),
                RuleMessages.toViolation("name", "must not be null"));
        assertEquals(new Violation("name", RuleMessages.UNSPECIFIED_RULE, "Note: something"),
                RuleMessages.toViolation("name", "Note: something"));
        assertEquals(new Violation("name", RuleMessages.UNSPECIFIED_RULE, "nodot: text"),
                RuleMessages.toViolation("name", "nodot: text"));
    }
}
