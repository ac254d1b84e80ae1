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

    private final String serviceName;
    private final Clock clock;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String serviceName, Clock clock) {
        this.serviceName = serviceName;
        this.clock = clock;
    }

    /** Appends the event to the outbox inside the caller's open transaction; returns its {@code ce_id}. */
    public Uni<UUID> append(NyStartEvent event) {
        EventType type = NyStartEvent.typeOf(event.getClass());
        String producer = Topics.producer(type.topic());
        if (!producer.equals(serviceName)) {
            // each topic has one producer (ARCHITECTURE.md, Events): a service never writes another's events
            return Uni.createFrom().failure(new IllegalArgumentException(serviceName + " may not publish " + type.name()
                    + ": " + type.topic() + " belongs to " + producer));
        }
        UUID eventId = UUID.randomUUID();
        // ce_time to the microsecond: what PostgreSQL stores and the relay publishes back
        OffsetDateTime time = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String payload = new String(EventJson.write(event), StandardCharsets.UTF_8);
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new OutboxOutsideTransactionException(type.name()))
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, eventId)
                        .setParameter(2, type.topic())
                        .setParameter(3, event.key())
                        .setParameter(4, EventType.Attributes.ceType(type))
                        .setParameter(5, EventType.Attributes.source(type))
                        .setParameter(6, event.subject())
                        .setParameter(7, time)
                        .setParameter(8, EventType.Attributes.dataSchema(type))
                        .setParameter(9, payload)
                        .executeUpdate())
                .replaceWith(eventId);
    }
}
