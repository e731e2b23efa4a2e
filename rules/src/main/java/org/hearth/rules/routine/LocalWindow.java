package org.hearth.rules.routine;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A window of local time of day, such as the night 22:00-07:00; it may wrap midnight. Judged on the home's wall
 * clock, so on the clock-change days the night is an hour shorter or longer, as the resident lives it.
 *
 * @param start first local time inside the window
 * @param end   first local time after it; different from {@code start}
 */
public record LocalWindow(LocalTime start, LocalTime end) {

    /**
     * Validates the window.
     *
     * @param start see the record description
     * @param end see the record description
     * @throws IllegalArgumentException if start equals end
     */
    public LocalWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("a window must not start where it ends");
        }
    }

    /**
     * Whether an instant falls in the window, in local time of {@code zone}.
     *
     * @param t    the instant
     * @param zone the home's zone
     * @return true if inside
     */
    public boolean contains(Instant t, ZoneId zone) {
        LocalTime local = LocalTime.ofInstant(t, zone);
        return start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /**
     * The first instant after {@code t} at which the local time is {@code end} (in a gap of a clock change, the
     * instant the clocks jump to).
     *
     * @param t    the instant
     * @param zone the home's zone
     * @return the next end, strictly after {@code t}
     */
    public Instant nextEndAfter(Instant t, ZoneId zone) {
        ZonedDateTime local = t.atZone(zone);
        Instant candidate = ZonedDateTime.of(local.toLocalDate(), end, zone).toInstant();
        return candidate.isAfter(t) ? candidate
                : ZonedDateTime.of(local.toLocalDate().plusDays(1), end, zone).toInstant();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
