package no.nystart.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import no.nystart.contracts.EventJson;
import no.nystart.contracts.EventType;
import no.nystart.contracts.NyStartEvent;
import no.nystart.contracts.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional outbox: the only way a NyStart service publishes an event.
 *
 * <p>{@link #append} writes the event, with its CloudEvents attributes, into {@code nystart_outbox}
 * through the Hibernate Reactive session of the CURRENT transaction, so the event exists exactly
 * when the state change that caused it is committed. It refuses loudly (a failed {@link Uni}
 * with {@link OutboxOutsideTransactionException}) when no reactive transaction is open, so an
 * event can never be written on its own. The {@link OutboxRelay} publishes committed rows.
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = "insert into nystart_outbox "
            + "(event_id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, ce_dataschema, payload) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

    /** The bulk row (public for benchmarks that replay a service's transaction over JDBC). */
    public static final String INSERT_BULK = "insert into nystart_outbox "
            + "(event_id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, ce_dataschema, payload, bulk_source, "
            + "bulk_argument, bulk_position) values (?1, ?2, '*', ?3, ?4, '*', ?5, ?6, '', ?7, ?8, 0)";

    /** What a bulk source may be called: a plain lower-case SQL name (it is put into the relay's query). */
    static final java.util.regex.Pattern SOURCE_NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*");

    private final String serviceName;
    private final Clock clock;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String serviceName, Clock clock) {
        this.serviceName = serviceName;
        this.clock = clock;
    }

    /** Appends the event to the outbox inside the caller's open transaction; returns its {@code ce_id}. */
    public Uni<UUID> append(NyStartEvent event) {
        EventType type = NyStartEvent.typeOf(event.getClass());
        IllegalArgumentException foreign = foreignTopic(type);
        if (foreign != null) {
            return Uni.createFrom().failure(foreign);
        }
        UUID eventId = UUID.randomUUID();
        String payload = new String(EventJson.write(event), StandardCharsets.UTF_8);
        return insert(type, INSERT, eventId, type.topic(), event.key(), EventType.Attributes.ceType(type),
                EventType.Attributes.source(type), event.subject(), now(), EventType.Attributes.dataSchema(type), payload)
                .replaceWith(eventId);
    }

    /**
     * Appends a <em>bulk row</em> inside the caller's open transaction: it stands for every event of {@code type} that
     * the SQL function {@code source} of this service's database returns for {@code argument}, events whose rows the
     * caller has written in the same transaction (for example the ledger entries of an annual run: millions of events
     * without one outbox row each). The relay publishes them in the function's order, with the CloudEvents attributes
     * of {@code type}, the {@code ce_time} of this call, and the id, key, subject and JSON payload the function gives;
     * no outbox row appended after this one is published before all of them. The function's contract is in the
     * platform migration {@code V0_4__nystart_outbox_bulk.sql}; its payloads must be exactly what {@code EventJson}
     * writes for {@code type} (the service's tests check them against the contract). Returns the row's id.
     */
    public Uni<UUID> appendBulk(Class<? extends NyStartEvent> eventClass, String source, String argument) {
        EventType type = NyStartEvent.typeOf(eventClass);
        IllegalArgumentException foreign = foreignTopic(type);
        if (foreign != null) {
            return Uni.createFrom().failure(foreign);
        }
        if (source == null || !SOURCE_NAME.matcher(source).matches()) {
            return Uni.createFrom().failure(new IllegalArgumentException("a bulk source is a lower-case SQL function name: " + source));
        }
        UUID rowId = UUID.randomUUID();
        return insert(type, INSERT_BULK, rowId, type.topic(), EventType.Attributes.ceType(type),
                EventType.Attributes.source(type), now(), EventType.Attributes.dataSchema(type), source, argument)
                .replaceWith(rowId);
    }

    /** ce_time to the microsecond: what PostgreSQL stores and the relay publishes back. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Runs an outbox insert in the current reactive transaction, or fails when there is none. */
    private static Uni<Integer> insert(EventType type, String sql, Object... params) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new OutboxOutsideTransactionException(type.name()))
                .chain(tx -> Panache.getSession())
                .chain(session -> {
                    var query = session.createNativeQuery(sql);
                    for (int i = 0; i < params.length; i++) {
                        query.setParameter(i + 1, params[i]);
                    }
                    return query.executeUpdate();
                });
    }

    /** Each topic has one producer (docs/architecture.md, Events): a service never writes another's events. */
    private IllegalArgumentException foreignTopic(EventType type) {
        String producer = Topics.producer(type.topic());
        return producer.equals(serviceName) ? null : new IllegalArgumentException(serviceName + " may not publish "
                + type.name() + ": " + type.topic() + " belongs to " + producer);
    }
}
