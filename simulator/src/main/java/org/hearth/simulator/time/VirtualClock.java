package org.hearth.simulator.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until told to move: the simulator's virtual time. Thread-safe. */
public final class VirtualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private VirtualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock showing {@code start} in {@code zone}. */
    public static VirtualClock at(Instant start, ZoneId zone) {
        return new VirtualClock(new AtomicReference<>(start), zone);
    }

    /** Moves time forward. */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("virtual time only moves forward");
        }
        now.updateAndGet(t -> t.plus(d));
    }

    /** Moves time forward to {@code t} (no-op if already past it). */
    public void advanceTo(Instant t) {
        now.updateAndGet(current -> t.isAfter(current) ? t : current);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new VirtualClock(now, z);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
