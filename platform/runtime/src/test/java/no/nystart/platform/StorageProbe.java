package no.nystart.platform;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Endpoints for the platform's last lines of defence against bad input: a value the request record itself refuses
 * while it is built, and a value only the database can refuse (a code longer than its column).
 */
@Path("/probe")
@PermitAll
public class StorageProbe {
    /** A count that must be even; the record refuses anything else while Jackson builds it. */
    public record Even(int count) {
        public Even {
            if (count % 2 != 0) {
                throw new IllegalArgumentException("count must be an even number");
            }
        }
    }

    public record Code(String code) {
    }

    @POST
    @Path("/even")
    public Response even(@NotNull Even even) {
        return Response.ok(String.valueOf(even.count())).build();
    }

    /** Stores the code without checking its length: only the varchar(3) column limits it. */
    @POST
    @Path("/storable")
    @WithTransaction
    public Uni<Response> storable(@NotNull Code code) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("insert into test_storable (id, code) values (?1, ?2)")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, code.code())
                        .executeUpdate())
                .replaceWith(Response.status(201).build());
    }
}
