package no.nystart.platform;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import no.nystart.contracts.reception.ResidentRegistered;
import no.nystart.platform.events.EventEnvelope;
import no.nystart.platform.inbox.EventRouter;
import no.nystart.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer built the way services build theirs. Its handler counts invocations per person and
 * misbehaves on demand, by the event's citizenship: {@code TRA} fails twice with a connection
 * error before succeeding, {@code BAD} always fails with a programming error.
 */
@ApplicationScoped
public class TestEventsConsumer {
    public static final Map<UUID, AtomicInteger> INVOCATIONS = new ConcurrentHashMap<>();

    private final EventRouter router;

    public TestEventsConsumer(Inbox inbox) {
        this.router = inbox.router("platform-test").on(ResidentRegistered.class, this::handle);
    }

    @Incoming("test-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return router.dispatch(record);
    }

    private Uni<Void> handle(ResidentRegistered event, EventEnvelope envelope) {
        int call = INVOCATIONS.computeIfAbsent(event.personId(), id -> new AtomicInteger()).incrementAndGet();
        if ("TRA".equals(event.citizenship()) && call <= 2) {
            return Uni.createFrom().failure(new ConnectException("simulated: database unreachable"));
        }
        if ("BAD".equals(event.citizenship())) {
            return Uni.createFrom().failure(new IllegalStateException("simulated: handler bug"));
        }
        TestNote note = TestNote.of(event.personId().toString());
        return note.persist().replaceWithVoid();
    }
}
