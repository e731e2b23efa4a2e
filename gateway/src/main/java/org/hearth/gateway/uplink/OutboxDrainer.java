package org.hearth.gateway.uplink;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hearth.gateway.store.Outbox;
import org.hearth.gateway.store.OutboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows to the care record, one at a time, alerts first.
 *
 * <p>Failures never block in a sleep: a failed row gets a not-before time (exponential backoff with jitter) and the
 * drainer moves on. The circuit breaker runs on the injected clock (both its clock and its timestamp function), so
 * virtual time in the simulator drives it too. {@link #drainOnce()} is the whole step; a thread or a test calls it.
 *
 * <p>Daily summaries (priority 1, claimed after every due alert) are rate-limited, alerts never: a summary without a
 * permit goes back with a not-before and the drainer moves on, so a backlog of summaries cannot hold up an alert.
 * Summaries are sent one at a time (each is its own batch Bundle), never inside an alerts' transaction.
 */
public final class OutboxDrainer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final int BATCH = 200;
    /** Summary bundles a minute unless configured ({@code summaries.per-minute}). */
    public static final int DEFAULT_SUMMARIES_PER_MINUTE = 10;

    private final Outbox outbox;
    private final CareRecord careRecord;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final IntervalFunction backoff;
    private final int batchSize;
    private final AtomicRateLimiter summaryLimiter;
    private Instant singlesUntil = Instant.MIN;
    private volatile String lastError;
    private volatile Instant lastAttempt;

    public OutboxDrainer(Outbox outbox, CareRecord careRecord, Clock clock, Duration firstRetry, Duration maxRetry) {
        this(outbox, careRecord, clock, firstRetry, maxRetry, 1);
    }

    /**
     * A drainer that sends a backlog in transactions of up to {@code batchSize} items (1 = one at a time).
     */
    public OutboxDrainer(Outbox outbox, CareRecord careRecord, Clock clock, Duration firstRetry, Duration maxRetry, int batchSize) {
        this(outbox, careRecord, clock, firstRetry, maxRetry, batchSize, DEFAULT_SUMMARIES_PER_MINUTE);
    }

    /**
     * A drainer that also sends at most {@code summariesPerMinute} daily summaries a minute (on the injected clock).
     */
    public OutboxDrainer(Outbox outbox, CareRecord careRecord, Clock clock, Duration firstRetry, Duration maxRetry,
            int batchSize, int summariesPerMinute) {
        this.summaryLimiter = new AtomicRateLimiter("summaries", RateLimiterConfig.custom()
                .limitForPeriod(summariesPerMinute)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build(), () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
        this.batchSize = batchSize;
        this.outbox = outbox;
        this.careRecord = careRecord;
        this.clock = clock;
        this.breaker = CircuitBreaker.of("care-record", CircuitBreakerConfig.custom()
                .clock(clock)
                .currentTimestampFunction(c -> c.instant().toEpochMilli(), TimeUnit.MILLISECONDS)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(firstRetry.multipliedBy(5))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof RemoteFailure)
                .ignoreException(e -> e instanceof SummaryLimited)
                .build());
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(firstRetry.toMillis(), 2.0, 0.5, maxRetry.toMillis());
    }

    /**
     * Attempts every due row once.
     *
     * @return the number of rows delivered
     */
    public int drainOnce() {
        int delivered = 0;
        List<OutboxItem> due = outbox.claimDue(clock.instant(), BATCH);
        int next = 0;
        while (next < due.size()) {
            List<OutboxItem> batch = due.get(next).isSummary() ? due.subList(next, next + 1) : alertBatch(due, next);
            lastAttempt = clock.instant();
            Delivery result;
            try {
                result = breaker.executeSupplier(() -> {
                    // Asked only once the breaker lets the call through, so a refused call costs no permit.
                    if (batch.get(0).isSummary() && !summaryLimiter.acquirePermission()) {
                        throw new SummaryLimited();
                    }
                    Delivery d = sendSafely(batch);
                    if (d instanceof Delivery.Retry retry) {
                        throw new RemoteFailure(retry.reason());
                    }
                    return d;
                });
            } catch (SummaryLimited e) {
                // Out of summary permits: back with a not-before, not an attempt; nothing behind it waits on it.
                long waitNanos = Math.max(summaryLimiter.getDetailedMetrics().getNanosToWait(), 0);
                Duration wait = waitNanos > 0 ? Duration.ofNanos(waitNanos) : Duration.ofMinutes(1);
                outbox.deferUntil(batch.get(0).id(), clock.instant().plus(wait));
                next++;
                continue;
            } catch (RemoteFailure e) {
                result = new Delivery.Retry(e.getMessage());
            } catch (CallNotPermittedException e) {
                // Breaker open: put this and the rest back untouched, without counting an attempt against them.
                for (int j = next; j < due.size(); j++) {
                    outbox.putBack(due.get(j).id());
                }
                lastError = "circuit open";
                return delivered;
            }
            if (batch.size() > 1 && !(result instanceof Delivery.Accepted) && !(result instanceof Delivery.Retry)) {
                // One bad item must not dead-letter its neighbours: for a while, send one by one to find it.
                batch.forEach(item -> outbox.retryLater(item.id(), clock.instant(), "batch refused; retrying alone"));
                singlesUntil = clock.instant().plus(Duration.ofMinutes(1));
            } else {
                delivered += settle(batch, result);
            }
            next += batch.size();
        }
        return delivered;
    }

    /** A backlog of alerts goes in batches (one transaction each), a single due row alone; never with a summary. */
    private List<OutboxItem> alertBatch(List<OutboxItem> due, int from) {
        int size = clock.instant().isBefore(singlesUntil) ? 1 : batchSize;
        int to = from;
        while (to < due.size() && to - from < size && !due.get(to).isSummary()) {
            to++;
        }
        return due.subList(from, to);
    }

    /** An adapter bug must not strand claimed rows in flight: it counts as a transient failure. */
    private Delivery sendSafely(List<OutboxItem> items) {
        try {
            return items.size() == 1 ? careRecord.send(items.get(0)) : careRecord.sendAll(items);
        } catch (RuntimeException e) {
            LOG.error("care-record adapter failed for {}", items.get(0).identifier(), e);
            return new Delivery.Retry("adapter error: " + e.getClass().getSimpleName());
        }
    }

    private int settle(List<OutboxItem> batch, Delivery result) {
        if (result instanceof Delivery.Accepted accepted) {
            String[] refs = accepted.references().split(";");
            for (int i = 0; i < batch.size(); i++) {
                String ref = i < refs.length ? refs[i] : accepted.references();
                settle(batch.get(i), new Delivery.Accepted(ref));
            }
            return batch.size();
        }
        int delivered = 0;
        for (OutboxItem item : batch) {
            delivered += settle(item, result) ? 1 : 0;
        }
        return delivered;
    }

    private boolean settle(OutboxItem item, Delivery result) {
        Instant now = clock.instant();
        if (result instanceof Delivery.Accepted accepted) {
            outbox.delivered(item.id(), now, accepted.references());
            LOG.info("delivered {} as {}", item.identifier(), accepted.references());
            lastError = null;
            return true;
        }
        if (result instanceof Delivery.Retry retry) {
            Duration wait = Duration.ofMillis(backoff.apply(Math.max(1, item.attempts() + 1)));
            outbox.retryLater(item.id(), now.plus(wait), retry.reason());
            lastError = retry.reason();
            LOG.warn("delivery of {} failed ({}), retry in {}", item.identifier(), retry.reason(), wait);
        } else if (result instanceof Delivery.Refused refused) {
            outbox.dead(item.id(), refused.reason());
            lastError = refused.reason();
            LOG.error("care record refused {} ({}): dead-lettered, needs an installer", item.identifier(), refused.reason());
        } else if (result instanceof Delivery.IntegrityAlarm alarm) {
            outbox.dead(item.id(), alarm.reason());
            lastError = alarm.reason();
            LOG.error("integrity alarm for {}: {}", item.identifier(), alarm.reason());
        }
        return false;
    }

    /** The uplink's state for health reporting. */
    public UplinkHealth health() {
        return new UplinkHealth(breaker.getState().name(), Optional.ofNullable(lastError), Optional.ofNullable(lastAttempt));
    }

    /** No summary permit left: thrown inside the breaker, which ignores it (no call was made). */
    private static final class SummaryLimited extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SummaryLimited() {
            super("summary rate limit", null, false, false);
        }
    }

    /** A transient failure, thrown inside the breaker so that it counts. */
    private static final class RemoteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
