package no.nystart.platform.audit;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Drives the read audit from a real request and transaction, as a list endpoint would. */
@Path("/probe/read-audit")
@PermitAll
public class ReadAuditProbe {
    private final ReadAudit audit;

    public ReadAuditProbe(ReadAudit audit) {
        this.audit = audit;
    }

    /** Records a read of {@code persons} new person ids (with {@code persons} = -1: one read of no particular person). */
    @POST
    @WithTransaction
    public Uni<String> read(@QueryParam("persons") int persons, @QueryParam("action") String action) {
        List<UUID> ids = new ArrayList<>();
        if (persons < 0) {
            ids = Collections.singletonList(null);
        }
        for (int i = 0; i < persons; i++) {
            ids.add(UUID.randomUUID());
        }
        return audit.record("probe-reader", "settlement-officer", action, "testing", "3301", ids).replaceWith(action);
    }
}
