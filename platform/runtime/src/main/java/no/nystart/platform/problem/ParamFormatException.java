package no.nystart.platform.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A path or query parameter whose text is not a value of its type (a {@code {personId}} that is no UUID, a year that is
 * no number, an unknown status). Answered by {@link ProblemMappers} with 400 problem+json naming the parameter and the
 * rule {@code param.format}, instead of the bare 404 JAX-RS gives a path or query parameter it cannot convert.
 */
public class ParamFormatException extends BadRequestException {
    public static final String RULE = "param.format";
    private final String parameter;
    private final String text;

    public ParamFormatException(String parameter, String text) {
        super(parameter + ": " + text);
        this.parameter = parameter;
        this.text = text;
    }

    /** The name of the parameter, as in the path template or the query ({@code id}, {@code year}, {@code status}). */
    public String parameter() {
        return parameter;
    }

    /** What was wrong, without the value itself (it may be long or hold control characters). */
    public String text() {
        return text;
    }
}
