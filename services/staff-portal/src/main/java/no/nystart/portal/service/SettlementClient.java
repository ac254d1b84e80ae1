package no.nystart.portal.service;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** settlement's REST API as the portal uses it. */
@RegisterRestClient(configKey = "settlement")
@RegisterProvider(UserTokenFilter.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SettlementClient {

    @GET
    @Path("/cases")
    Response cases(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/cases/{id}")
    Response household(@PathParam("id") UUID caseOrHousehold);

    @POST
    @Path("/cases/{id}/settlement")
    Response settle(@PathParam("id") UUID caseId, Map<String, Object> settlement);

    @POST
    @Path("/cases/{id}/closure")
    Response close(@PathParam("id") UUID caseId, Map<String, Object> closure);

    @POST
    @Path("/persons/{id}/relocations")
    Response relocate(@PathParam("id") UUID personId, Map<String, Object> relocation);

    @POST
    @Path("/matching-runs")
    Response startMatching(Map<String, Object> run);

    @GET
    @Path("/matching-runs/{id}")
    Response matchingRun(@PathParam("id") UUID runId);

    /** The decisions of a year of every municipality that has one (paged, kommunenummer order). */
    @GET
    @Path("/settlement-decisions")
    Response decisions(@QueryParam("year") int year, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/municipalities/{k}/settlement-decisions/{year}")
    Response decision(@PathParam("k") String municipality, @PathParam("year") int year);

    @PUT
    @Path("/municipalities/{k}/settlement-decisions/{year}")
    Response putDecision(@PathParam("k") String municipality, @PathParam("year") int year, Map<String, Object> decision);

    @GET
    @Path("/municipalities/{k}/profile")
    Response profile(@PathParam("k") String municipality);
}
