package org.hearth.gateway.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The outbox at a glance, for health reporting.
 *
 * @param pending rows still to deliver (pending or in flight)
 * @param delivered rows delivered
 * @param dead rows the care record refused for good
 * @param oldestPending creation time of the oldest undelivered row
 * @param lastDelivery when the last delivery succeeded
 */
public record OutboxStats(long pending, long delivered, long dead, Optional<Instant> oldestPending, Optional<Instant> lastDelivery) {}
