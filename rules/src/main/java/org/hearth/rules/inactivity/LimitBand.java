package org.hearth.rules.inactivity;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The clinician's limits on the allowed silence for a stretch of the local day, in one {@link QuietContext}. A band
 * runs from its start to the start of the next band of the same context, like a {@link QuietBand}.
 *
 * @param start    local wall-clock time at which the band begins
 * @param floor    the least silence ever allowed here, however regular the resident: a learnt normal is never
 *                 tightened below it
 * @param fallback the silence allowed while the resident's routine is still being learnt, or when too little history
 *                 exists for this time of day
 * @param ceiling  the most silence ever allowed here, however long the resident's usual quiet spells: the safety
 *                 net against learning an emergency as normal
 */
public record LimitBand(LocalTime start, Duration floor, Duration fallback, Duration ceiling) {

    /**
     * Validates the band.
     *
     * @param start see the record description
     * @param floor see the record description
     * @param fallback see the record description
     * @param ceiling see the record description
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException unless {@code 0 < floor <= fallback <= ceiling <= QuietBand.MAX_ALLOWANCE}
     */
    public LimitBand {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(ceiling, "ceiling");
        if (floor.isNegative() || floor.isZero()) {
            throw new IllegalArgumentException("floor of the band at " + start + " must be more than zero");
        }
        if (floor.compareTo(fallback) > 0 || fallback.compareTo(ceiling) > 0) {
            throw new IllegalArgumentException(
                    "the band at " + start + " needs floor <= fallback <= ceiling, not " + floor + ", " + fallback
                            + ", " + ceiling);
        }
        if (ceiling.compareTo(QuietBand.MAX_ALLOWANCE) > 0) {
            throw new IllegalArgumentException(
                    "ceiling of the band at " + start + " must be at most " + QuietBand.MAX_ALLOWANCE);
        }
    }

    /**
     * A band that allows exactly {@code allowance}, learnt or not.
     *
     * @param start     where the band begins
     * @param allowance the allowed silence
     * @return a band whose floor, fallback and ceiling are all {@code allowance}
     */
    public static LimitBand fixed(LocalTime start, Duration allowance) {
        return new LimitBand(start, allowance, allowance, allowance);
    }

    /**
     * Whether learning can change anything in this band.
     *
     * @return true if the floor is below the ceiling
     */
    public boolean adjustable() {
        return floor.compareTo(ceiling) < 0;
    }

    /**
     * {@code d} kept within this band's floor and ceiling.
     *
     * @param d a duration
     * @return {@code min(max(d, floor), ceiling)}
     */
    public Duration clamp(Duration d) {
        if (d.compareTo(floor) < 0) {
            return floor;
        }
        return d.compareTo(ceiling) > 0 ? ceiling : d;
    }
}
