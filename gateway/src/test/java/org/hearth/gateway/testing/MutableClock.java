package org.hearth.gateway.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until the test moves it. Copies made by {@link #withZone} share its timeline. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A UTC clock stopped at {@code iso}, e.g. {@code 2026-03-28T10:00:00Z}. */
    public static MutableClock at(String iso) {
        return new MutableClock(new AtomicReference<>(Instant.parse(iso)), ZoneOffset.UTC);
    }

    /** Moves the clock forward; never backwards. */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a test clock only moves forward: " + d);
        }
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new MutableClock(now, z);
    }
}
