package no.nystart.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
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
import no.nystart.platform.inbox.TransientFailures;
import no.nystart.platform.json.InputRuleException;
import no.nystart.platform.validation.RuleViolationException;
import no.nystart.platform.validation.Violation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps failures to RFC 9457 problem details: 400 malformed or invalid input (Bean Validation,
 * unreadable JSON, a path or query parameter that is not a value of its type), 403 forbidden, 404 not found, 409 conflict, 422 a domain rule broken, 500
 * anything else (logged, no internals in the answer). Each names the field and rule where one exists.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client is asked to wait ({@code Retry-After}) when the database is unavailable. */
    static final String RETRY_AFTER_SECONDS = "5";

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
        return unreadableStream(e, "$", uri);
    }

    @ServerExceptionMapper
    public Response streamRead(StreamReadException e, UriInfo uri) {
        return unreadableStream(e, "$", uri);
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

    /** A path or query parameter that is not a value of its type ({@link ParamFormats}): 400 naming the parameter. */
    @ServerExceptionMapper
    public Response paramFormat(ParamFormatException e, UriInfo uri) {
        return respond(Problem.of(400, "invalid-input", "The request is invalid", e.parameter() + ": " + e.text(), path(uri),
                List.of(new Violation(e.parameter(), ParamFormatException.RULE, e.text()))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return e.getResponse();
        }
        // the JSON reader wraps what Jackson could not read (wrong types, numbers out of range, duplicate keys, a
        // record constructor's refusal) as a bare 400: answer with the field and the rule instead
        if (status == 400 && e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping, uri);
        }
        if (status == 400 && e.getCause() instanceof StreamReadException stream) {
            return unreadableStream(stream, "$", uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of(status, title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = sqlState(t);
            // a unique or foreign-key constraint caught a race the service's own checks could not see
            if (state != null && state.startsWith("23")) {
                String constraint = constraintName(t);
                LOG.infof("Constraint %s rejected a write on %s", constraint, path(uri));
                String column = t instanceof io.vertx.pgclient.PgException pg && pg.getColumn() != null ? pg.getColumn() : "$";
                return respond(Problem.of(409, "conflict", "Conflict with the current state",
                        "the change conflicts with stored data (" + constraint + ")", path(uri),
                        List.of(new Violation(column, "constraint." + constraint, "conflicts with stored data"))));
            }
            // class 22, data exception: a value the database cannot store (a backstop: the JSON reader refuses most of
            // them first, naming the field)
            if (state != null && state.startsWith("22")) {
                LOG.infof("The database refused a value on %s: SQLSTATE %s", path(uri), state);
                String column = t instanceof io.vertx.pgclient.PgException pg && pg.getColumn() != null ? pg.getColumn() : "$";
                return respond(Problem.of(400, "invalid-input", "The request is invalid",
                        "a value cannot be stored (SQLSTATE " + state + ")", path(uri),
                        List.of(new Violation(column, "value.storable", "cannot be stored (SQLSTATE " + state + ")"))));
            }
        }
        // the database (or its connection pool) is unavailable: nothing was written, the client may try again
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("Database unavailable on %s, answered 503: %s", path(uri), e.toString());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(Problem.of(503, "unavailable", "Service unavailable",
                            "The database is unavailable; nothing was changed. Try again in " + RETRY_AFTER_SECONDS + " s",
                            path(uri), List.of()))
                    .build();
        }
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return respond(Problem.of(500, "internal-error", "Internal error",
                "The request failed and nothing was changed; the error is logged", path(uri), List.of()));
    }

    /** The SQLSTATE of a PostgreSQL, JDBC or Hibernate exception, else {@code null}. */
    private static String sqlState(Throwable t) {
        if (t instanceof io.vertx.pgclient.PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof org.hibernate.exception.ConstraintViolationException) {
            return "23000";
        }
        if (t instanceof org.hibernate.JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    private static String constraintName(Throwable t) {
        if (t instanceof io.vertx.pgclient.PgException pg && pg.getConstraint() != null) {
            return pg.getConstraint();
        }
        if (t instanceof org.hibernate.exception.ConstraintViolationException cve && cve.getConstraintName() != null) {
            return cve.getConstraintName();
        }
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof io.vertx.pgclient.PgException pg && pg.getConstraint() != null) {
                return pg.getConstraint();
            }
        }
        return "unique";
    }

    private Response unreadable(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            field = "$";
        }
        if (e instanceof InputRuleException rule) {
            return respond(Problem.of(400, "invalid-input", "The request is invalid", field + ": " + rule.ruleMessage(),
                    path(uri), List.of(new Violation(field, rule.rule(), rule.ruleMessage()))));
        }
        // FAIL_ON_TRAILING_TOKENS (StrictJsonInput): more text after the body's JSON value
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            String text = "there is more after the JSON value of the body";
            return respond(Problem.of(400, "malformed-json", "The request body is not valid JSON", text, path(uri),
                    List.of(new Violation("$", "json.syntax", text))));
        }
        // a failure of the JSON stream inside an object, wrapped with the path of that object
        if (e.getCause() instanceof StreamReadException stream) {
            return unreadableStream(stream, field, uri);
        }
        String message = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? expected(mismatch) : withoutLocation(e.getOriginalMessage());
        String rule = "json.type";
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum()) {
            // a value outside an enumeration: the allowed values, not the Java type that holds them
            rule = "json.enum";
            Object given = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid ? invalid.getValue() : null;
            message = (given == null ? "the value" : "'" + shortened(String.valueOf(given)) + "'")
                    + " is not one of the allowed values: " + java.util.Arrays.stream(target.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException) {
            rule = "json.value";
            Throwable cause = e.getCause();
            if (cause != null && cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return respond(Problem.of(400, "unreadable-input", "The request body cannot be read", field + ": " + message,
                path(uri), List.of(new Violation(field, rule, message))));
    }

    /**
     * A failure of the JSON stream itself: a key given twice (the field is the key, within {@code within}), a number
     * too large for its field, malformed JSON. {@code within} is the path of the object being read, "$" at the top.
     */
    private Response unreadableStream(StreamReadException e, String within, UriInfo uri) {
        String message = withoutLocation(e.getOriginalMessage());
        java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(message);
        if (duplicate.find()) {
            String field = "$".equals(within) ? duplicate.group(1) : within + "." + duplicate.group(1);
            String text = "the key '" + duplicate.group(1) + "' is given more than once";
            return respond(Problem.of(400, "invalid-input", "The request is invalid", field + ": " + text, path(uri),
                    List.of(new Violation(field, "json.duplicate-key", text))));
        }
        if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
            String field = within;
            if ("$".equals(field) && e.getProcessor() != null) {
                field = streamPath(e.getProcessor().getParsingContext());
            }
            String text = "the number is out of range for this field";
            return respond(Problem.of(400, "invalid-input", "The request is invalid", field + ": " + text, path(uri),
                    List.of(new Violation(field, "number.range", text))));
        }
        return respond(Problem.of(400, "malformed-json", "The request body is not valid JSON", message, path(uri),
                List.of(new Violation(within, "json.syntax", message))));
    }

    private static final java.util.regex.Pattern GOT = java.util.regex.Pattern.compile(
            "from (Object|Array|String|Integer|Floating-point|Boolean|Null|number|Number)\\b");

    /**
     * What a field expected and what it got, in JSON terms ("expected an array, got an object"): Jackson's own message
     * names Java types ({@code java.util.ArrayList<...RegisterCaseRequest$Person>}), which an answer must not.
     */
    static String expected(MismatchedInputException e) {
        String text = "expected " + JsonKinds.expected(e.getTargetType());
        java.util.regex.Matcher got = GOT.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
        if (got.find()) {
            text += ", got " + switch (got.group(1)) {
                case "Object" -> "an object";
                case "Array" -> "an array";
                case "String" -> "a text";
                case "Boolean" -> "true or false";
                case "Null" -> "null";
                default -> "a number";
            };
        }
        return text;
    }

    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");

    private static String streamPath(com.fasterxml.jackson.core.JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.isEmpty() ? "$" : joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static String withoutLocation(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf(" at [Source");
        String text = cut > 0 ? message.substring(0, cut) : message;
        // Jackson's messages name Java types ("Cannot deserialize value of type `java.lang.Integer`"): keep the JSON view
        text = text.replaceAll("`(?:[a-z][a-z0-9_]*\\.)+([A-Za-z0-9_$]+)`", "$1");
        // and anywhere else (a generic type, a nested record): keep the last simple name
        text = text.replaceAll("(?:[a-z][a-z0-9_]*\\.)+(?:[A-Z][A-Za-z0-9_]*\\$)*([A-Z][A-Za-z0-9_]*)", "$1");
        return text.length() > 300 ? text.substring(0, 300) : text;
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
