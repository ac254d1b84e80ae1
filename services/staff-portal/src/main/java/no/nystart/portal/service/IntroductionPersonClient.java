package no.nystart.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The person reads of introduction the person pages use, non-blocking so the timeline asks all five services at once.
 * The signed-in user's own access token is passed as {@code bearer} ("Bearer …"), taken on the request's thread.
 */
@RegisterRestClient(configKey = "introduction")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IntroductionPersonClient {

    @GET
    @Path("/persons/{id}/history")
    Uni<Response> history(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @HeaderParam("X-Purpose") String purpose,
            @PathParam("id") UUID personId);
}
