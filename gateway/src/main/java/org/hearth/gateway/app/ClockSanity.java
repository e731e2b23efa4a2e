package org.hearth.gateway.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hearth.gateway.ingest.ReadingTime;

/**
 * Whether the gateway's wall clock can be trusted: a Pi-class device boots with its clock at the last shutdown (or
 * 1970) until NTP synchronises it, and until then every sensor timestamp would look far in the future and every
 * inactivity timer would be wrong. Unsynchronised if the clock reads before {@link #FLOOR}, or more than
 * {@link #TOLERANCE} before the newest reading already journalled (time cannot have gone backwards). Pure: the caller
 * passes the clock's instant.
 *
 * @param now          the clock's reading when checked
 * @param problem      what is wrong with it, empty when it looks synchronised
 */
public record ClockSanity(Instant now, Optional<String> problem) {
    /** No real gateway clock reads earlier than this (the project started in 2024). */
    public static final Instant FLOOR = Instant.parse("2024-01-01T00:00:00Z");
    /** The slack allowed against the newest journalled reading (the sensors' own clocks may run ahead a little). */
    public static final Duration TOLERANCE = ReadingTime.MAX_AHEAD;

    /** Checks {@code now} against the floor and the newest journalled reading, if any. */
    public static ClockSanity check(Instant now, Optional<Instant> newestReading) {
        if (now.isBefore(FLOOR)) {
            return new ClockSanity(now, Optional.of("clock: reads " + now + ", before " + FLOOR
                    + "; not yet synchronised (check NTP)"));
        }
        if (newestReading.isPresent() && now.isBefore(newestReading.get().minus(TOLERANCE))) {
            return new ClockSanity(now, Optional.of("clock: reads " + now + ", earlier than the newest journalled"
                    + " reading " + newestReading.get() + "; not yet synchronised (check NTP)"));
        }
        return new ClockSanity(now, Optional.empty());
    }

    /** True when the clock looks synchronised. */
    public boolean synchronised() {
        return problem.isEmpty();
    }
}
