package org.hearth.gateway.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time policy for readings that carry the sensor's own timestamp {@code t} (Hearth topics and CoAP): compared
 * with the gateway's receive time, a reading more than {@link #MAX_AHEAD} ahead is {@link RejectReason#FUTURE} (a
 * sensor clock far ahead would hold timers hostage), one more than {@link #MAX_AGE} old is {@link RejectReason#STALE}
 * (of no use to a fall rule, and most likely a sensor whose clock was never set). Both are counted and dropped; the
 * rules never see them. Pure.
 */
public final class ReadingTime {
    /** Readings older than this at receipt are stale. */
    public static final Duration MAX_AGE = Duration.ofHours(24);
    /** Readings timed further ahead of the gateway's clock than this are from the future. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    private ReadingTime() {
    }

    /** The reason to reject a reading timed {@code t} and received at {@code receivedAt}, or empty if it is sane. */
    public static Optional<RejectReason> check(Instant t, Instant receivedAt) {
        if (t.isAfter(receivedAt.plus(MAX_AHEAD))) {
            return Optional.of(RejectReason.FUTURE);
        }
        if (t.isBefore(receivedAt.minus(MAX_AGE))) {
            return Optional.of(RejectReason.STALE);
        }
        return Optional.empty();
    }
}
