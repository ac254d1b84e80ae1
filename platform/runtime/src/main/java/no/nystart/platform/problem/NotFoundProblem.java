package no.nystart.platform.problem;

/** The addressed resource does not exist: 404. */
public class NotFoundProblem extends RuntimeException {
    public NotFoundProblem(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
