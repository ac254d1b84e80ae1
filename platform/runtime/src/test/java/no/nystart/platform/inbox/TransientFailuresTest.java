package no.nystart.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    private static PgException pg(String sqlState) {
        return new PgException("message", "ERROR", sqlState, "detail");
    }

    @Test
    void connection_loss_serialization_conflicts_and_shutdowns_are_transient() {
        assertThat(TransientFailures.isTransient(new ConnectException("Connection refused"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException("wrapped", new ConnectException("x")))).isTrue();
        assertThat(TransientFailures.isTransient(pg("08006"))).isTrue(); // connection failure
        assertThat(TransientFailures.isTransient(pg("40001"))).isTrue(); // serialization failure
        assertThat(TransientFailures.isTransient(pg("40P01"))).isTrue(); // deadlock detected
        assertThat(TransientFailures.isTransient(pg("53300"))).isTrue(); // too many connections
        assertThat(TransientFailures.isTransient(pg("57P01"))).isTrue(); // admin shutdown
    }

    @Test
    void broken_rules_bugs_and_poison_are_not_transient() {
        assertThat(TransientFailures.isTransient(pg("23505"))).isFalse(); // unique violation
        assertThat(TransientFailures.isTransient(pg("42P01"))).isFalse(); // undefined table
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(TransientFailures.isTransient(new PoisonEventException("bad payload", new ConnectException("x")))).isFalse();
    }
}
