package no.nystart.platform;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** An endpoint that needs a valid token, for the authentication tests. */
@Path("/probe/me")
@Authenticated
public class MeProbe {
    private final SecurityIdentity identity;

    public MeProbe(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Produces("text/plain")
    public String me() {
        return identity.getPrincipal().getName();
    }
}
