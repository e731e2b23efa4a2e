package org.hearth.rules.routine;

import java.time.Instant;
import org.hearth.rules.model.SensorEvent;

/**
 * What the bed-exit rule remembers: an immutable value of bounded size.
 *
 * @param lastAt  the latest event instant applied, or null; older events are ignored
 * @param exit    the bed mat's vacated reading that began the current night trip, or null if none is open
 * @param alerted whether the current trip has raised its alert
 * @param trips   the learnt lengths of past night trips (out of bed until back in); null stands for none
 */
public record BedExitState(Instant lastAt, SensorEvent exit, boolean alerted, StayHistogram trips) {

    private static final BedExitState INITIAL = new BedExitState(null, null, false, null);

    /**
     * Defaults a null histogram.
     *
     * @param lastAt see the record description
     * @param exit see the record description
     * @param alerted see the record description
     * @param trips see the record description
     */
    public BedExitState {
        trips = trips == null ? StayHistogram.empty(StayHistogram.Scale.LOG) : trips;
        if (exit == null && alerted) {
            throw new IllegalArgumentException("alerted needs an open trip");
        }
    }

    /**
     * Nothing seen, nothing learnt.
     *
     * @return the initial state
     */
    public static BedExitState initial() {
        return INITIAL;
    }
}
