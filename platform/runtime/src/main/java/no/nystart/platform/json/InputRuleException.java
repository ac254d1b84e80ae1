package no.nystart.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value in a request body that is well-formed JSON but breaks a rule every text or date field
 * has (see {@link StrictJsonInput}). Jackson adds the path of the field as the exception travels
 * up, so the problem answer names the field and this rule.
 */
public final class InputRuleException extends MismatchedInputException {
    private final String rule;
    private final String ruleMessage;

    InputRuleException(JsonParser parser, Class<?> target, String rule, String message) {
        super(parser, rule + ": " + message, target);
        this.rule = rule;
        this.ruleMessage = message;
    }

    /** The rule code, e.g. {@code text.control-character}. */
    public String rule() {
        return rule;
    }

    /** What is wrong, without the rule code and without a source location. */
    public String ruleMessage() {
        return ruleMessage;
    }
}
