package no.nystart.platform.outbox;

/**
 * {@link Outbox#append} was called with no reactive transaction open. Writing the event alone
 * could publish something that never happened (or lose it); wrap the state change and the append
 * in one {@code @WithTransaction} method or {@code Panache.withTransaction(...)}.
 */
public class OutboxOutsideTransactionException extends IllegalStateException {
    public OutboxOutsideTransactionException(String eventName) {
        super("Outbox.append(" + eventName + ") called outside a reactive transaction: "
                + "append the event in the same @WithTransaction / Panache.withTransaction as the state change");
    }
}
