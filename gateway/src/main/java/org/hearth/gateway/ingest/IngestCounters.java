package org.hearth.gateway.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts of what ingest did with each message: accepted, ignored, or rejected by reason. Thread-safe. */
public final class IngestCounters {
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLongArray rejected = new AtomicLongArray(RejectReason.values().length);

    /** Records one outcome. */
    public void count(Decoded outcome) {
        if (outcome instanceof Decoded.Rejected r) {
            rejected.incrementAndGet(r.reason().ordinal());
        } else if (outcome instanceof Decoded.Ignored) {
            ignored.incrementAndGet();
        } else {
            accepted.incrementAndGet();
            if (outcome instanceof Decoded.Accepted a) {
                a.fieldRejections().forEach(r -> rejected.incrementAndGet(r.ordinal())); // counted per field
            }
        }
    }

    public long accepted() {
        return accepted.get();
    }

    public long ignored() {
        return ignored.get();
    }

    public long rejected(RejectReason reason) {
        return rejected.get(reason.ordinal());
    }

    /** All rejections, by reason. */
    public Map<RejectReason, Long> rejections() {
        var map = new EnumMap<RejectReason, Long>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            map.put(r, rejected(r));
        }
        return map;
    }

    public long rejectedTotal() {
        return rejections().values().stream().mapToLong(Long::longValue).sum();
    }
}
