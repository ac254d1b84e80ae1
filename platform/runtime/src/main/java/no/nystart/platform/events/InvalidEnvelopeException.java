package no.nystart.platform.events;

import no.nystart.platform.inbox.PoisonEventException;

/** A consumed record is not a valid NyStart CloudEvent; it goes to the dead-letter topic. */
public class InvalidEnvelopeException extends PoisonEventException {
    public InvalidEnvelopeException(String message) {
        super(message);
    }
}
