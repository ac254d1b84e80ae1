package no.nystart.portal.api;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A page of its own, in Norwegian and inside the layout (menu, sign-out), for a signed-in user whose role may not
 * use a page (403, from {@code @RolesAllowed}) and for an address that does not exist (404). Without these the
 * answer had no body, which a browser shows as its own error page.
 */
public class ErrorPages {

    @Inject
    @Location("forbidden")
    Template forbidden;

    @Inject
    @Location("not-found")
    Template notFound;

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(forbidden.instance()).build();
    }

    @ServerExceptionMapper(NotFoundException.class)
    public Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(notFound.instance()).build();
    }
}
