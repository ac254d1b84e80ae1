package no.nystart.platform.problem;

import java.util.List;
import no.nystart.platform.validation.Violation;

/** The request conflicts with the current state (a duplicate, a second attempt of a once-only step): 409. */
public class ConflictProblem extends RuntimeException {
    private final List<Violation> violations;

    public ConflictProblem(String field, String rule, String message) {
        super(message);
        this.violations = List.of(new Violation(field, rule, message));
    }

    public List<Violation> violations() {
        return violations;
    }
}
