package no.nystart.platform;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.platform.outbox.Outbox;

/** Endpoints that drive the outbox from a real request, as a service would. */
@Path("/probe")
@PermitAll
public class PlatformProbe {
    private final Outbox outbox;

    public PlatformProbe(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One note and {@code events} events for one person, in one transaction; {@code fail} throws at the end. */
    @POST
    @Path("/notes")
    @WithTransaction
    public Uni<String> noteWithEvents(@QueryParam("events") int events, @QueryParam("fail") boolean fail) {
        UUID personId = UUID.randomUUID();
        Uni<Void> chain = TestNote.of("note for " + personId).persistAndFlush().replaceWithVoid();
        for (int i = 1; i <= events; i++) {
            ResidentRegistered base = PlatformTestSupport.event(personId);
            ResidentRegistered numbered = new ResidentRegistered(personId, base.receptionCentreId(), base.hostMunicipality(),
                    LocalDate.of(2026, 1, i), base.birthDate(), base.sex(), base.citizenship(), null, base.asylumProcedure());
            chain = chain.call(() -> outbox.append(numbered));
        }
        return chain.map(ignored -> {
            if (fail) {
                throw new IllegalStateException("failure after the writes, inside the transaction");
            }
            return personId.toString();
        });
    }

    /**
     * One event for the person, then {@code events} events for the same person written as rows and appended as one
     * bulk row, then one more event for the person; all in one transaction. Answers the person id.
     */
    @POST
    @Path("/bulk")
    @WithTransaction
    public Uni<String> bulk(@QueryParam("events") int events) {
        UUID personId = UUID.randomUUID();
        String batch = UUID.randomUUID().toString();
        ResidentRegistered base = PlatformTestSupport.event(personId);
        return outbox.append(new ResidentRegistered(personId, base.receptionCentreId(), base.hostMunicipality(),
                        LocalDate.of(2026, 1, 1), base.birthDate(), base.sex(), base.citizenship(), null, base.asylumProcedure()))
                .chain(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession())
                .chain(session -> session.createNativeQuery("insert into test_bulk_event (batch, event_id, person_id, n) "
                                + "select ?1, gen_random_uuid(), ?2, i from generate_series(1, ?3) i")
                        .setParameter(1, batch).setParameter(2, personId.toString()).setParameter(3, events).executeUpdate())
                .chain(() -> outbox.appendBulk(ResidentRegistered.class, "test_bulk_events", batch))
                .chain(() -> outbox.append(new ResidentRegistered(personId, base.receptionCentreId(), base.hostMunicipality(),
                        LocalDate.of(2026, 2, 1), base.birthDate(), base.sex(), base.citizenship(), null, base.asylumProcedure())))
                .replaceWith(personId.toString());
    }

    /** A bulk row whose source is not a plain function name: must fail. Answers the failure's message. */
    @POST
    @Path("/bulk-bad-source")
    @WithTransaction
    public Uni<String> bulkBadSource() {
        return outbox.appendBulk(ResidentRegistered.class, "test_bulk_events(); drop table test_note; --", "x")
                .map(id -> "appended " + id).onFailure().recoverWithItem(Throwable::getMessage);
    }

    /** Appends another service's event inside a transaction: must fail. Answers the failure's message. */
    @POST
    @Path("/foreign-event")
    @WithTransaction
    public Uni<String> foreign() {
        var decision = new no.nystart.contracts.settlement.MunicipalityDecisionRegistered("0301", 2026, 100, 10, 90, 8,
                LocalDate.of(2026, 1, 15));
        return outbox.append(decision).map(id -> "appended " + id).onFailure().recoverWithItem(Throwable::getMessage);
    }

    /** Appends without a transaction: must fail. Answers the failure's class name. */
    @POST
    @Path("/outside-transaction")
    public Uni<String> outside() {
        return outbox.append(PlatformTestSupport.event(UUID.randomUUID()))
                .map(id -> "appended " + id)
                .onFailure().recoverWithItem(e -> e.getClass().getName());
    }
}
