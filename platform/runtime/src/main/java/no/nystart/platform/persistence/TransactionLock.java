package no.nystart.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Serialises commands about one business key that has no row to lock yet (a kommunenummer and period, a national
 * identity number, a person's first enrolment): a PostgreSQL advisory lock held until the current transaction ends
 * ({@code pg_advisory_xact_lock}). The key text is hashed to the lock's 64 bits by PostgreSQL
 * ({@code hashtextextended}); a collision only makes two unrelated commands wait for each other, never lets two
 * commands on the same key through. Call it first in the transaction, before reading what the command checks.
 */
public final class TransactionLock {
    private TransactionLock() {
    }

    /** Waits for and takes the lock on {@code scope + ":" + key} for the rest of the current transaction. */
    public static Uni<Void> on(String scope, Object key) {
        String text = scope + ":" + key;
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended(cast(?1 as text), 0))) l")
                .setParameter(1, text).getSingleResult()).replaceWithVoid();
    }
}
