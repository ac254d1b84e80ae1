package no.nystart.portal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import no.nystart.portal.domain.Messages;
import no.nystart.portal.domain.Messages.FieldError;
import org.jboss.logging.Logger;

/**
 * One call to a service, turned into what a page shows: the JSON answer, a problem the user can act on
 * (403/404/409/422/400 in Norwegian, at the field where the service names one), or the service named as
 * unavailable (down, slow, 5xx). Logs name the service and the status only: never a body (names, DUF numbers).
 */
public final class Backend {
    private static final Logger LOG = Logger.getLogger(Backend.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The five services, with the name a page uses for each. */
    public enum Service {
        RECEPTION("Mottak og opplæring"),
        SETTLEMENT("Bosetting"),
        INTRODUCTION("Introduksjonsprogram"),
        ADULT_EDUCATION("Voksenopplæring"),
        GRANTS("Tilskudd");

        private final String label;

        Service(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a call gave. */
    public sealed interface Result permits Ok, Problem, Unavailable {
        default boolean ok() {
            return this instanceof Ok;
        }
    }

    /** 2xx: the body (MissingNode when empty) and the next page's cursor when the list has more. */
    @io.quarkus.qute.TemplateData
    public record Ok(int status, JsonNode body, String nextCursor) implements Result {
    }

    /** 4xx: a Norwegian message for the page and one per field the service named. */
    @io.quarkus.qute.TemplateData
    public record Problem(int status, String message, List<FieldError> fieldErrors) implements Result {
        /** No problem (a form shown for the first time). */
        public static final Problem NONE = new Problem(0, "", List.of());

        public String errorFor(String field) {
            return fieldErrors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
        }
    }

    /** The service did not answer in time, refused the connection or failed (5xx). */
    public record Unavailable(Service service) implements Result {
        public String message() {
            return service.label() + " er ikke tilgjengelig akkurat nå. Resten av siden virker; prøv igjen om litt.";
        }
    }

    private Backend() {
    }

    public static Result call(Service service, Supplier<Response> call) {
        Response r;
        try {
            r = call.get();
        } catch (WebApplicationException e) {
            r = e.getResponse();
        } catch (ProcessingException | IllegalStateException e) {
            LOG.warnf("%s unavailable: %s", service, e.getClass().getSimpleName());
            return new Unavailable(service);
        }
        try (Response response = r) {
            int status = response.getStatus();
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status >= 200 && status < 300) {
                JsonNode body = text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
                return new Ok(status, body, response.getHeaderString("NyStart-Next-Cursor"));
            }
            if (status >= 500 || status == 401) {
                LOG.warnf("%s answered %d", service, status);
                return new Unavailable(service);
            }
            LOG.debugf("%s answered %d", service, status);
            return problem(status, text);
        } catch (ProcessingException e) {
            LOG.warnf("%s unavailable while reading the answer: %s", service, e.getClass().getSimpleName());
            return new Unavailable(service);
        } catch (java.io.IOException e) {
            LOG.warnf("%s answered what is not JSON", service);
            return new Unavailable(service);
        }
    }

    static Problem problem(int status, String text) {
        JsonNode p;
        try {
            p = text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (java.io.IOException e) {
            p = MissingNode.getInstance();
        }
        List<FieldError> fields = new ArrayList<>();
        for (JsonNode v : p.path("violations")) {
            fields.add(Messages.field(v.path("field").asText(""), v.path("rule").asText(""), v.path("message").asText("")));
        }
        return new Problem(status, Messages.page(status, p.path("detail").asText(""), fields), fields);
    }
}
