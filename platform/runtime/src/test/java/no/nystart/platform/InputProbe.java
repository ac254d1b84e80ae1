package no.nystart.platform;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Endpoints that store request bodies the way services do, to see how bad input is answered. */
@Path("/probe")
@PermitAll
public class InputProbe {
    public record Address(@NotBlank String street, String postcode) {
    }

    public enum Size { SMALL, MEDIUM, LARGE }

    public record Input(@NotBlank String name, LocalDate onDate, Integer amount, @Valid Address address, List<String> tags,
            Size size) {
    }

    /** Stores the input in test_input; 201 with its id. */
    @POST
    @Path("/input")
    @WithTransaction
    public Uni<Response> store(@NotNull @Valid Input input) {
        UUID id = UUID.randomUUID();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into test_input (id, name, on_date, amount, tags) values (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, id)
                        .setParameter(2, input.name() + (input.address() == null ? "" : " " + input.address().street()))
                        .setParameter(3, input.onDate())
                        .setParameter(4, input.amount())
                        .setParameter(5, input.tags() == null ? null : String.join(",", input.tags()))
                        .executeUpdate())
                .replaceWith(Response.status(201).entity(id.toString()).build());
    }

    /** Persists a note with the given id through Hibernate: a second call with the same id breaks the primary key. */
    @POST
    @Path("/notes/{id}")
    @WithTransaction
    public Uni<Response> note(@PathParam("id") UUID id) {
        TestNote note = TestNote.of("note " + id);
        note.id = id;
        return note.persistAndFlush().replaceWith(Response.status(201).build());
    }
}
