package org.hearth.gateway.ingest.mqtt;

import java.time.Duration;

/**
 * Delays between broker connection attempts: short first (a broker restart takes about a second), doubling up to a
 * low cap so that a returning broker is found quickly, and back to the first delay once connected.
 */
final class ReconnectBackoff {
    private final Duration first;
    private final Duration cap;
    private Duration next;

    ReconnectBackoff(Duration first, Duration cap) {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= cap");
        }
        this.first = first;
        this.cap = cap;
        this.next = first;
    }

    /** The delay before the next attempt; each call doubles the following one, up to the cap. */
    synchronized Duration next() {
        Duration d = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(cap) > 0 ? cap : doubled;
        return d;
    }

    /** Connected: the next loss starts again from the first delay. */
    synchronized void reset() {
        next = first;
    }
}
