package org.hearth.gateway.summary;

import java.time.Instant;

/**
 * Counts the staged warnings the resident cancelled with "I'm OK" in a span of time, for the daily summary.
 *
 * <p>TODO(lead, at merge with h3-warning): wire {@code HomeStore.cancelledWarnings(from, to)} here; until then
 * {@link #none()} reports 0.
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
     * No warnings are recorded yet.
     *
     * @return a counter that always answers 0
     */
    static CancelledWarnings none() {
        return (from, to) -> 0;
    }
}
