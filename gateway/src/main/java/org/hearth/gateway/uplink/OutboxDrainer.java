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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hearth.gateway.store.Outbox;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.store.OutboxOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows to the care record, alerts first: one at a time, or while a backlog lasts in batches, several
 * batches in flight at once (never two requests for one row).
 *
 * <p>Failures never block in a sleep: a failed row gets a not-before time (exponential backoff with jitter) and the
 * drainer moves on. The circuit breaker runs on the injected clock (both its clock and its timestamp function), so
 * virtual time in the simulator drives it too. {@link #drainOnce()} is the whole step; a thread or a test calls it.
 */
public final class OutboxDrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final int BATCH = 200;
    /** Daily summaries a minute by default: a backlog of them trickles out and never crowds the care record. */
    public static final int DEFAULT_SUMMARIES_PER_MINUTE = 10;
    /** The answer of a summary that found no rate-limit permit: no call was made; it waits, it did not fail. */
    private static final Delivery LIMITED = new Delivery.Retry("summary rate limit");

    private final Outbox outbox;
    private final CareRecord careRecord;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final IntervalFunction backoff;
    private final int batchSize;
    private final int maxInFlight;
    /** Summaries only, never alerts; asked inside the breaker, so a refused call costs no permit. */
    private final AtomicRateLimiter summaryLimiter;
    /** Runs the concurrent requests of a wave; null when one at a time. */
    private final ExecutorService senders;
    private Instant singlesUntil = Instant.MIN;
    /**
     * Batches sent at once now: 1 until a request succeeds (concurrent first transactions would race to create the
     * same Patient) and again after any transient failure (a slow or struggling care record gets one request), then
     * {@code maxInFlight}. Only the uplink thread reads and writes it.
     */
    private int width = 1;
    /** Items per batch now: halved after a transient failure (a big transaction may be what times out), then
     * doubled back up to {@code batchSize} after each success. */
    private int currentBatch;
    private volatile String lastError;
    private volatile Instant lastAttempt;

    public OutboxDrainer(Outbox outbox, CareRecord careRecord, Clock clock, Duration firstRetry, Duration maxRetry) {
        this(outbox, careRecord, clock, firstRetry, maxRetry, 1);
    }

    /**
     * A drainer that sends a backlog in transactions of up to {@code batchSize} items (1 = one at a time).
     */
    public OutboxDrainer(Outbox outbox, CareRecord careRecord, Clock clock, Duration firstRetry, Duration maxRetry, int batchSize) {
        this(outbox, careRecord, clock, firstRetry, maxRetry, batchSize, 1);
    }

    /**
     * A drainer that also sends up to {@code maxInFlight} batches at once (distinct rows each) while a backlog lasts.
     */
    public OutboxDrainer(Outbox outbox, CareRecord careRecord, Clock clock, Duration firstRetry, Duration maxRetry,
            int batchSize, int maxInFlight) {
        this(outbox, careRecord, clock, firstRetry, maxRetry, batchSize, maxInFlight, DEFAULT_SUMMARIES_PER_MINUTE);
    }

    /**
     * A drainer that also sends at most {@code summariesPerMinute} daily summaries a minute (on the injected clock).
     * Alerts are never rate-limited.
     */
    public OutboxDrainer(Outbox outbox, CareRecord careRecord, Clock clock, Duration firstRetry, Duration maxRetry,
            int batchSize, int maxInFlight, int summariesPerMinute) {
        this.summaryLimiter = new AtomicRateLimiter("summaries", RateLimiterConfig.custom()
                .limitForPeriod(summariesPerMinute)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build(), () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
        if (batchSize < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("batch size and max in flight must be at least 1");
        }
        this.batchSize = batchSize;
        this.currentBatch = batchSize;
        this.maxInFlight = maxInFlight;
        this.senders = maxInFlight == 1 ? null : Executors.newFixedThreadPool(maxInFlight, r -> {
            Thread t = new Thread(r, "hearth-uplink-send");
            t.setDaemon(true);
            return t;
        });
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
                .build());
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(firstRetry.toMillis(), 2.0, 0.5, maxRetry.toMillis());
    }

    /**
     * Attempts every due row once: in waves of up to {@code maxInFlight} requests at once, each a batch of distinct
     * rows (so never two requests for one identifier), in priority order; each wave's outcomes are committed together.
     *
     * @return the number of rows delivered
     */
    public int drainOnce() {
        int delivered = 0;
        List<OutboxItem> due = outbox.claimDue(clock.instant(), BATCH);
        int next = 0;
        while (next < due.size()) {
            // A backlog goes in batches (one transaction each); a single due row goes alone.
            int size = clock.instant().isBefore(singlesUntil) ? 1 : currentBatch;
            List<List<OutboxItem>> wave = new ArrayList<>();
            while (wave.size() < width && next < due.size()) {
                // A summary goes alone (it is a batch Bundle of its own); alerts never share a request with one.
                wave.add(due.get(next).isSummary() ? due.subList(next, next + 1) : alertBatch(due, next, size));
                next += wave.get(wave.size() - 1).size();
            }
            lastAttempt = clock.instant();
            List<Optional<Delivery>> results = send(wave);
            List<OutboxOutcome> outcomes = new ArrayList<>();
            boolean open = false;
            for (int i = 0; i < wave.size(); i++) {
                List<OutboxItem> batch = wave.get(i);
                Optional<Delivery> result = results.get(i);
                if (result.isPresent() && result.get() == LIMITED) {
                    // Out of summary permits: back with a not-before, not an attempt; nothing behind it waits on it.
                    long waitNanos = Math.max(summaryLimiter.getDetailedMetrics().getNanosToWait(), 0);
                    Duration wait = waitNanos > 0 ? Duration.ofNanos(waitNanos) : Duration.ofMinutes(1);
                    outcomes.add(new OutboxOutcome.Defer(batch.get(0).id(), clock.instant().plus(wait)));
                } else if (result.isEmpty()) {
                    // Breaker open: put it back untouched, without counting an attempt against it.
                    batch.forEach(item -> outcomes.add(new OutboxOutcome.PutBack(item.id())));
                    open = true;
                } else if (batch.size() > 1 && !(result.get() instanceof Delivery.Accepted)
                        && !(result.get() instanceof Delivery.Retry)) {
                    // One bad item must not dead-letter its neighbours: for a while, send one by one to find it.
                    batch.forEach(item -> outcomes.add(new OutboxOutcome.RetryLater(item.id(), clock.instant(),
                            "batch refused; retrying alone")));
                    singlesUntil = clock.instant().plus(Duration.ofMinutes(1));
                } else {
                    delivered += settle(batch, result.get(), outcomes);
                }
            }
            adapt(results);
            if (open) {
                due.subList(next, due.size()).forEach(item -> outcomes.add(new OutboxOutcome.PutBack(item.id())));
                lastError = "circuit open";
                outbox.settle(outcomes);
                return delivered;
            }
            outbox.settle(outcomes);
        }
        return delivered;
    }

    /** Slows down after a transient failure, speeds up again after success. */
    private void adapt(List<Optional<Delivery>> results) {
        boolean transientFailure = results.stream()
                .anyMatch(r -> r.isPresent() && r.get() instanceof Delivery.Retry && r.get() != LIMITED);
        boolean accepted = results.stream().anyMatch(r -> r.isPresent() && r.get() instanceof Delivery.Accepted);
        if (transientFailure) {
            width = 1;
            currentBatch = Math.max(1, currentBatch / 2);
        } else if (accepted) {
            width = maxInFlight;
            currentBatch = Math.min(batchSize, currentBatch * 2);
        }
    }

    /** Sends each batch of the wave (concurrently when more than one); empty where the breaker refused the call. */
    private List<Optional<Delivery>> send(List<List<OutboxItem>> wave) {
        if (wave.size() == 1) {
            return List.of(call(wave.get(0)));
        }
        List<Future<Optional<Delivery>>> futures = new ArrayList<>();
        for (List<OutboxItem> batch : wave) {
            futures.add(senders.submit(() -> call(batch)));
        }
        List<Optional<Delivery>> results = new ArrayList<>();
        for (Future<Optional<Delivery>> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(Optional.of(new Delivery.Retry("interrupted")));
            } catch (ExecutionException e) {
                String error = e.getCause().getClass().getSimpleName();
                results.add(Optional.of(new Delivery.Retry("adapter error: " + error)));
            }
        }
        return results;
    }

    /** A backlog of alerts goes in batches (one transaction each), up to the next summary. */
    private static List<OutboxItem> alertBatch(List<OutboxItem> due, int from, int size) {
        int to = from;
        while (to < due.size() && to - from < size && !due.get(to).isSummary()) {
            to++;
        }
        return due.subList(from, to);
    }

    private Optional<Delivery> call(List<OutboxItem> batch) {
        try {
            Delivery d = breaker.executeSupplier(() -> {
                if (batch.get(0).isSummary() && !summaryLimiter.acquirePermission()) {
                    throw new SummaryLimited();
                }
                Delivery sent = sendSafely(batch);
                if (sent instanceof Delivery.Retry retry) {
                    throw new RemoteFailure(retry.reason());
                }
                return sent;
            });
            return Optional.of(d);
        } catch (SummaryLimited e) {
            return Optional.of(LIMITED);
        } catch (RemoteFailure e) {
            return Optional.of(new Delivery.Retry(e.getMessage()));
        } catch (CallNotPermittedException e) {
            return Optional.empty();
        }
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

    private int settle(List<OutboxItem> batch, Delivery result, List<OutboxOutcome> outcomes) {
        if (result instanceof Delivery.Accepted accepted) {
            String[] refs = accepted.references().split(";");
            for (int i = 0; i < batch.size(); i++) {
                String ref = i < refs.length ? refs[i] : accepted.references();
                settle(batch.get(i), new Delivery.Accepted(ref), outcomes);
            }
            return batch.size();
        }
        int delivered = 0;
        for (OutboxItem item : batch) {
            delivered += settle(item, result, outcomes) ? 1 : 0;
        }
        return delivered;
    }

    private boolean settle(OutboxItem item, Delivery result, List<OutboxOutcome> outcomes) {
        Instant now = clock.instant();
        if (result instanceof Delivery.Accepted accepted) {
            outcomes.add(new OutboxOutcome.Delivered(item.id(), now, accepted.references()));
            LOG.info("delivered {} as {}", item.identifier(), accepted.references());
            lastError = null;
            return true;
        }
        if (result instanceof Delivery.Retry retry) {
            Duration wait = Duration.ofMillis(backoff.apply(Math.max(1, item.attempts() + 1)));
            outcomes.add(new OutboxOutcome.RetryLater(item.id(), now.plus(wait), retry.reason()));
            lastError = retry.reason();
            LOG.warn("delivery of {} failed ({}), retry in {}", item.identifier(), retry.reason(), wait);
        } else if (result instanceof Delivery.Refused refused) {
            outcomes.add(new OutboxOutcome.Dead(item.id(), refused.reason()));
            lastError = refused.reason();
            LOG.error("care record refused {} ({}): dead-lettered, needs an installer", item.identifier(), refused.reason());
        } else if (result instanceof Delivery.IntegrityAlarm alarm) {
            outcomes.add(new OutboxOutcome.Dead(item.id(), alarm.reason()));
            lastError = alarm.reason();
            LOG.error("integrity alarm for {}: {}", item.identifier(), alarm.reason());
        }
        return false;
    }

    /** The uplink's state for health reporting. */
    public UplinkHealth health() {
        return new UplinkHealth(breaker.getState().name(), Optional.ofNullable(lastError), Optional.ofNullable(lastAttempt));
    }

    @Override
    public void close() {
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    /** A transient failure, thrown inside the breaker so that it counts. */
    private static final class RemoteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteFailure(String reason) {
            super(reason, null, false, false);
        }
    }

    /** No summary permit left: thrown inside the breaker, which ignores it (no call was made). */
    private static final class SummaryLimited extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SummaryLimited() {
            super("summary rate limit", null, false, false);
        }
    }
}
