package org.hearth.rules.routine;

import java.time.Instant;
import org.hearth.rules.model.SensorEvent;

/**
 * What the bathroom-dwell rule remembers: an immutable value of bounded size.
 *
 * @param lastAt   the latest event instant applied, or null; older events are ignored
 * @param entered  the bathroom activity that began the current stay, or null if the resident is not in the bathroom
 * @param lastSeen the latest bathroom activity of the current stay, or null
 * @param alerted  whether the current stay has raised its alert
 * @param stays    the learnt lengths of past stays; null stands for none
 */
public record BathroomState(Instant lastAt, SensorEvent entered, SensorEvent lastSeen, boolean alerted,
                            StayHistogram stays) {

    private static final BathroomState INITIAL = new BathroomState(null, null, null, false, null);

    /**
     * Defaults a null histogram.
     *
     * @param lastAt see the record description
     * @param entered see the record description
     * @param lastSeen see the record description
     * @param alerted see the record description
     * @param stays see the record description
     */
    public BathroomState {
        stays = stays == null ? StayHistogram.empty(StayHistogram.Scale.LOG) : stays;
        if (entered == null && (lastSeen != null || alerted)) {
            throw new IllegalArgumentException("lastSeen and alerted need a stay");
        }
    }

    /**
     * Nothing seen, nothing learnt.
     *
     * @return the initial state
     */
    public static BathroomState initial() {
        return INITIAL;
    }
}
