package no.nystart.platform.paging;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import no.nystart.platform.problem.Problem;
import no.nystart.platform.validation.Violation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers an unusable {@code limit} or {@code cursor} with 400 problem+json naming the parameter and the rule. */
public class PagingProblemMapper {
    @ServerExceptionMapper
    public Response invalidPage(InvalidPageException e, UriInfo uri) {
        Problem problem = Problem.of(400, "invalid-input", "The request is invalid", e.field() + ": " + e.getMessage(),
                uri == null ? null : uri.getPath(), List.of(new Violation(e.field(), e.rule(), e.getMessage())));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
