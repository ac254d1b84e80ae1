package no.nystart.platform.inbox;

/**
 * The event can never be processed as it is (malformed envelope, unreadable payload, broken
 * rule). It is sent to the consumer's dead-letter topic at once, with this message as the
 * reason; retrying would not help.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
