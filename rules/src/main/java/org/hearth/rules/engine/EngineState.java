package org.hearth.rules.engine;

import java.time.Instant;
import org.hearth.rules.model.SensorEvent;

/**
 * Everything the engine remembers about one home between calls: an immutable value, suitable for snapshots.
 *
 * @param lastActivityAt    instant of the latest activity seen, or null if there has been none
 * @param lastActivity      the event behind {@code lastActivityAt} (so its {@code at()} equals it), or null
 * @param inactivityAlerted whether the current quiet period (since {@code lastActivityAt}) has already raised its
 *                          inactivity alert
 */
public record EngineState(Instant lastActivityAt, SensorEvent lastActivity, boolean inactivityAlerted) {

    private static final EngineState INITIAL = new EngineState(null, null, false);

    /**
     * Validates the state.
     *
     * @throws IllegalArgumentException if exactly one of {@code lastActivityAt} and {@code lastActivity} is null,
     *                                  if they disagree, if {@code lastActivity} is not an activity, or if an alert
     *                                  is marked without any activity
     */
    public EngineState {
        if ((lastActivityAt == null) != (lastActivity == null)) {
            throw new IllegalArgumentException("lastActivityAt and lastActivity must both be set or both be null");
        }
        if (lastActivity != null) {
            if (!lastActivity.at().equals(lastActivityAt)) {
                throw new IllegalArgumentException("lastActivityAt must equal lastActivity.at()");
            }
            if (!lastActivity.kind().isActivity()) {
                throw new IllegalArgumentException("lastActivity must be an activity, not " + lastActivity.kind());
            }
        }
        if (inactivityAlerted && lastActivity == null) {
            throw new IllegalArgumentException("inactivityAlerted needs a last activity");
        }
    }

    /**
     * The state of a home where no activity has been seen yet: nothing is pending.
     *
     * @return the initial state
     */
    public static EngineState initial() {
        return INITIAL;
    }
}
