package no.nystart.platform.inbox;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.Set;

/**
 * Tells failures that may pass by themselves (retry, never dead-letter) from the rest.
 * SQLSTATE classes per the PostgreSQL manual, appendix A: 08 connection exception, 40001
 * serialization failure, 40P01 deadlock, 53 insufficient resources, 57P0x operator intervention
 * (shutdown, cannot connect now).
 */
public final class TransientFailures {
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

    private TransientFailures() {
    }

    /** Is a {@link PoisonEventException} anywhere in the cause chain? Then it goes to the dead-letter topic at once. */
    public static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException) {
                return true;
            }
        }
        return false;
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException) {
                return false;
            }
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                if (state != null && (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state))) {
                    return true;
                }
                continue;
            }
            if (t instanceof IOException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage());
            if (name.endsWith("ClosedConnectionException") || name.endsWith("NoStackTraceTimeoutException")
                    || name.endsWith("ConnectTimeoutException") || name.endsWith("ConnectException")
                    || message.contains("Connection refused") || message.contains("Connection is not active")
                    || message.contains("Timed out waiting for connection") || message.contains("Connection timeout")) {
                return true;
            }
        }
        return false;
    }
}
