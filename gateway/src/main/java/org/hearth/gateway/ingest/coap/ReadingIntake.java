package org.hearth.gateway.ingest.coap;

import java.util.function.Consumer;
import org.hearth.gateway.ingest.Decoded;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.ReadingSink;
import org.hearth.gateway.ingest.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes CoAP readings (requests and notifications) through the bounded {@link IngestQueue} to the core, and reports
 * each outcome once it is final: after the core committed the reading, or at once if the queue is full.
 */
final class ReadingIntake implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadingIntake.class);

    private final ReadingSink sink;
    private final IngestCounters counters;
    private final IngestQueue queue;

    ReadingIntake(ReadingSink sink, IngestCounters counters, int capacity) {
        this.sink = sink;
        this.counters = counters;
        this.queue = new IngestQueue(capacity);
    }

    /**
     * Queues the reading; {@code done} gets the core's outcome, or {@link RejectReason#BUSY} if the queue is full, or
     * null if storing failed (nothing stored; the sender must retry).
     */
    void submit(String sensorId, byte[] payload, Consumer<Decoded> done) {
        boolean queued = queue.offer(() -> {
            Decoded outcome;
            try {
                outcome = sink.onReading(sensorId, payload);
            } catch (RuntimeException e) {
                LOG.error("coap reading not stored ({}); the sender will retry", e.getClass().getSimpleName());
                outcome = null;
            }
            done.accept(outcome);
        });
        if (!queued) {
            done.accept(reject(RejectReason.BUSY));
        }
    }

    /** Counts a rejection decided by the adapter itself (unauthorised, too large, busy). */
    Decoded reject(RejectReason reason) {
        Decoded rejected = new Decoded.Rejected(reason);
        counters.count(rejected);
        long n = counters.rejected(reason);
        if (n <= 10 || Long.bitCount(n) == 1) { // rate-limited, never the payload
            LOG.warn("rejected coap message: reason={} (total {})", reason.label(), n);
        }
        return rejected;
    }

    @Override
    public void close() {
        queue.close();
    }
}
