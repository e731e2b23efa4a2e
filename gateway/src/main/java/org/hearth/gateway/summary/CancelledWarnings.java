package org.hearth.gateway.summary;

import java.time.Instant;

/**
 * Counts the staged warnings the resident cancelled with "I'm OK" in a span of time, for the daily summary.
 * The daemon counts {@code HomeStore.cancelledWarnings(from, to)}.
 */
@FunctionalInterface
public interface CancelledWarnings {

    /**
     * Warnings cancelled with {@code from <= at < to}.
     *
     * @param from start, inclusive
     * @param to   end, exclusive
     * @return the count
     */
    int between(Instant from, Instant to);

    /**
     * A home without local warnings.
     *
     * @return a counter that always answers 0
     */
    static CancelledWarnings none() {
        return (from, to) -> 0;
    }
}
