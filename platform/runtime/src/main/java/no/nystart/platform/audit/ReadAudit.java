package no.nystart.platform.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;
import no.nystart.platform.security.Caller;

/**
 * The audit log of reads: every read of a person's data by a human is written to
 * {@code nystart_read_audit} (who, roles, action, purpose, which person, when), through the
 * Hibernate Reactive session of the reading request, so a service method annotated
 * {@code @WithSession} or {@code @WithTransaction} records its reads with one call.
 *
 * <p>A read of many persons (a page of a list) is ONE SQL statement whatever its size: the persons travel as one
 * parameter and {@code unnest} makes a row of each. (It was one insert per person chained into one Uni; a list of
 * ~1,100 persons never completed, issue 15.)
 */
@ApplicationScoped
public class ReadAudit {
    /** The text placeholder of a read of no particular person (a municipality's list). */
    private static final String NO_PERSON = "-";

    static final String INSERT = "insert into nystart_read_audit (id, reader, roles, action, purpose, municipality, person_id) "
            + "select gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, person "
            + "from unnest(cast(string_to_array(?6, ',', '" + NO_PERSON + "') as uuid[])) as person";

    /** One read by the caller of one person (or, with {@code personId} null, of a municipality's list). */
    public Uni<Void> record(Caller caller, String action, String municipality, UUID personId) {
        return record(caller.name(), caller.roles(), action, null, municipality,
                java.util.Collections.singletonList(personId));
    }

    /** One row per person read (a null person: one row of no particular person); an empty collection writes nothing. */
    public Uni<Void> record(String reader, String roles, String action, String purpose, String municipality,
            Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String persons = personIds.stream().map(id -> id == null ? NO_PERSON : id.toString()).collect(Collectors.joining(","));
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, reader)
                .setParameter(2, roles == null ? "" : roles)
                .setParameter(3, action)
                .setParameter(4, purpose)
                .setParameter(5, municipality)
                .setParameter(6, persons)
                .executeUpdate()).replaceWithVoid();
    }
}
