package no.nystart.portal.service;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** reception-training's REST API as the portal uses it (answers read as JSON by {@link Backend}). */
@RegisterRestClient(configKey = "reception")
@RegisterProvider(UserTokenFilter.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ReceptionClient {

    @GET
    @Path("/residents")
    Response residents(@QueryParam("receptionCentreId") UUID centre, @QueryParam("behind") Boolean behind,
            @QueryParam("includeLeft") Boolean includeLeft, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, @HeaderParam("X-Purpose") String purpose);

    @GET
    @Path("/residents/{id}")
    Response resident(@PathParam("id") UUID personId, @HeaderParam("X-Purpose") String purpose);

    @POST
    @Path("/residents")
    Response register(Map<String, Object> arrival);

    @POST
    @Path("/residents/{id}/training-sessions")
    Response recordSession(@PathParam("id") UUID personId, Map<String, Object> session);

    @POST
    @Path("/residents/{id}/exemptions")
    Response grantExemption(@PathParam("id") UUID personId, Map<String, Object> exemption);

    @POST
    @Path("/residents/{id}/residence-permit")
    Response grantPermit(@PathParam("id") UUID personId, Map<String, Object> permit);

    @PUT
    @Path("/residents/{id}/competence-mapping")
    Response mapCompetence(@PathParam("id") UUID personId, Map<String, Object> mapping);

    @POST
    @Path("/residents/{id}/career-guidance")
    Response careerGuidance(@PathParam("id") UUID personId, Map<String, Object> guidance);

    /** The person's reception history (the one read that holds the mapping's education and the guiding county). */
    @GET
    @Path("/persons/{id}/history")
    Response history(@PathParam("id") UUID personId, @HeaderParam("X-Purpose") String purpose);

    @GET
    @Path("/reception-centres")
    Response centres();
}
