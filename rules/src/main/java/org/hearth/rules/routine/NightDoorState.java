package org.hearth.rules.routine;

import java.time.Instant;
import org.hearth.rules.model.SensorEvent;

/**
 * What the door-at-night rule remembers: one opening episode at most.
 *
 * @param lastAt  the latest event instant applied, or null; older events are ignored
 * @param opened  the front door opening (inside the night window) that began the current episode, or null if none
 * @param closed  the latest closing of the door since, or null if it is open (or opened again since)
 * @param alerted whether the episode has raised its alert
 */
public record NightDoorState(Instant lastAt, SensorEvent opened, SensorEvent closed, boolean alerted) {

    private static final NightDoorState INITIAL = new NightDoorState(null, null, null, false);

    /**
     * Validates the state.
     *
     * @param lastAt see the record description
     * @param opened see the record description
     * @param closed see the record description
     * @param alerted see the record description
     */
    public NightDoorState {
        if (opened == null && (closed != null || alerted)) {
            throw new IllegalArgumentException("closed and alerted need an opening");
        }
    }

    /**
     * No episode.
     *
     * @return the initial state
     */
    public static NightDoorState initial() {
        return INITIAL;
    }
}
