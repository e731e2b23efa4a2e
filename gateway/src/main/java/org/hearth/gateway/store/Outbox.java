package org.hearth.gateway.store;

import java.time.Instant;
import java.util.List;

/**
 * Deliveries to the care record, in priority order (alerts first), each with its own not-before time.
 *
 * <p>Lifecycle: pending → in-flight → delivered | dead, with in-flight going back to pending on failure or on
 * restart. Times are wall-clock instants because they must survive a reboot.
 */
public interface Outbox {

    /** Up to {@code limit} pending rows due at {@code now}, highest priority and oldest first; marks them in flight. */
    List<OutboxItem> claimDue(Instant now, int limit);

    /** Makes every in-flight row pending again (after a restart nothing is really in flight). */
    void releaseInFlight();

    /** The care record holds it; {@code references} are the server's ids, e.g. {@code Observation/12 Task/13}. */
    void delivered(long id, Instant at, String references);

    /** Puts a claimed row back untouched, as if never claimed (e.g. the circuit breaker refused the call). */
    void putBack(long id);

    /**
     * Puts a claimed row back with a not-before, without counting an attempt: it was not sent (e.g. the summary rate
     * limit had no permit left). Rows behind it, alerts above all, are not held up.
     */
    void deferUntil(long id, Instant notBefore);

    /** Try again not before {@code notBefore}; {@code error} must not contain personal data. */
    void retryLater(long id, Instant notBefore, String error);

    /** The care record refused it for good; kept for the installer, never deleted. */
    void dead(long id, String error);

    /**
     * Records several outcomes at once. The default applies them one by one; a store may commit them in one
     * transaction (one fsync for a whole drain pass).
     */
    default void settle(List<OutboxOutcome> outcomes) {
        for (OutboxOutcome o : outcomes) {
            if (o instanceof OutboxOutcome.Delivered d) {
                delivered(d.id(), d.at(), d.references());
            } else if (o instanceof OutboxOutcome.RetryLater r) {
                retryLater(r.id(), r.notBefore(), r.error());
            } else if (o instanceof OutboxOutcome.Dead d) {
                dead(d.id(), d.error());
            } else if (o instanceof OutboxOutcome.PutBack p) {
                putBack(p.id());
            } else if (o instanceof OutboxOutcome.Defer d) {
                deferUntil(d.id(), d.notBefore());
            }
        }
    }

    /** Counts for health reporting. */
    OutboxStats stats();
}
