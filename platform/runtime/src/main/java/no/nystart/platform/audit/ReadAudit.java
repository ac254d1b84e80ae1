package no.nystart.platform.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import no.nystart.platform.security.Caller;

/**
 * The audit log of reads: every read of a person's data by a human is written to
 * {@code nystart_read_audit} (who, roles, action, purpose, which person, when), through the
 * Hibernate Reactive session of the reading request, so a service method annotated
 * {@code @WithSession} or {@code @WithTransaction} records its reads with one call.
 */
@ApplicationScoped
public class ReadAudit {
    static final String INSERT = "insert into nystart_read_audit (id, reader, roles, action, purpose, municipality, person_id) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

    /** One read by the caller of one person (or, with {@code personId} null, of a municipality's list). */
    public Uni<Void> record(Caller caller, String action, String municipality, UUID personId) {
        return record(caller.name(), caller.roles(), action, null, municipality,
                personId == null ? java.util.Collections.singletonList(null) : List.of(personId));
    }

    /** One row per person read; an empty collection writes nothing. */
    public Uni<Void> record(String reader, String roles, String action, String purpose, String municipality,
            Collection<UUID> personIds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID personId : personIds) {
            chain = chain.chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, reader)
                    .setParameter(3, roles == null ? "" : roles)
                    .setParameter(4, action)
                    .setParameter(5, purpose)
                    .setParameter(6, municipality)
                    .setParameter(7, personId)
                    .executeUpdate())).replaceWithVoid();
        }
        return chain;
    }
}
