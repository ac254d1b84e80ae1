package no.nystart.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps failures to RFC 9457 problem details: 400 malformed or invalid input (Bean Validation,
 * unreadable JSON), 403 forbidden, 404 not found, 409 conflict, 422 a domain rule broken, 500
 * anything else (logged, no internals in the answer). Each names the field and rule where one exists.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e, UriInfo uri) {
        return respond(Problem.of(422, "rule-violation", "A rule was broken", e.getMessage(), path(uri), e.violations()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(ProblemMappers::toViolation)
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::rule))
                .collect(Collectors.toList());
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "invalid-input", "The request is invalid", detail, path(uri), violations));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(Problem.of(400, "malformed-json", "The request body is not valid JSON",
                e.getOriginalMessage(), path(uri), List.of(new Violation("$", "json.syntax", e.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri) {
        return respond(Problem.of(404, "not-found", "Not found", e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictProblem e, UriInfo uri) {
        return respond(Problem.of(409, "conflict", "Conflict with the current state", e.getMessage(), path(uri), e.violations()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "Your role or organisation does not give access to this resource" : e.getMessage();
        return respond(Problem.of(403, "forbidden", "Forbidden", detail, path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return e.getResponse();
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of(status, title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            // a unique or foreign-key constraint caught a race the service's own checks could not see
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("23")) {
                LOG.infof("Constraint %s rejected a write on %s", pg.getConstraint(), path(uri));
                return respond(Problem.of(409, "conflict", "Conflict with the current state",
                        "the change conflicts with stored data (" + pg.getConstraint() + ")", path(uri),
                        List.of(new Violation(String.valueOf(pg.getColumn() == null ? "$" : pg.getColumn()),
                                "constraint." + pg.getConstraint(), "conflicts with stored data"))));
            }
        }
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The request failed and nothing was changed; the error is logged", path(uri), List.of()));
    }

    private Response unreadable(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            field = "$";
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" at [Source");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        return respond(Problem.of(400, "unreadable-input", "The request body cannot be read", field + ": " + message,
                path(uri), List.of(new Violation(field, "json.type", message))));
    }

    static Violation toViolation(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            // a node inside a list or map carries the index/key of the element it belongs to:
            // languages[0].languageCode is the nodes "languages", then "languageCode" (in iterable, index 0)
            if (node.isInIterable() && !names.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    int last = names.size() - 1;
                    names.set(last, names.get(last) + "[" + position + "]");
                }
            }
            String name = node.getName();
            if (name == null || name.isEmpty() || name.startsWith("<")) {
                continue;
            }
            names.add(name);
        }
        String field = names.isEmpty() ? lastNode(violation.getPropertyPath()) : String.join(".", names);
        String message = violation.getMessage();
        // Our constraints (platform-validation) put their rule code first: "national-id.control-digit-2: ..."
        int colon = message.indexOf(": ");
        String rule;
        if (colon > 0 && message.substring(0, colon).matches("[a-z0-9.-]+")) {
            rule = message.substring(0, colon);
            message = message.substring(colon + 2);
        } else {
            String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            rule = annotation.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
        return new Violation(field, rule, message);
    }

    private static String lastNode(Path path) {
        String last = "$";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                last = node.getName();
            }
        }
        return last;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
