package org.hearth.rules.engine;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.hearth.rules.inactivity.LearntRoutine;
import org.hearth.rules.model.SensorEvent;

/**
 * Everything the engine remembers about one home between calls: an immutable value, suitable for snapshots.
 *
 * @param lastActivityAt    instant of the latest activity seen, or null if there has been none
 * @param lastActivity      the event behind {@code lastActivityAt} (so its {@code at()} equals it), or null
 * @param inactivityAlerted whether the current quiet period (since {@code lastActivityAt}) has already raised its
 *                          inactivity alert
 * @param helpCalls         for each help button, the press that opened its latest help call; later presses within
 *                          {@link RulesEngine#HELP_CALL_WINDOW} of it belong to the same call (sorted, immutable)
 * @param whereabouts       what the mats and the front door say about where the resident is; null stands for
 *                          {@link Whereabouts#unknown()}
 * @param routine           what has been learnt of the resident's quiet spells; null stands for
 *                          {@link LearntRoutine#empty()}
 */
public record EngineState(Instant lastActivityAt, SensorEvent lastActivity, boolean inactivityAlerted,
        Map<String, Instant> helpCalls, Whereabouts whereabouts, LearntRoutine routine) {

    private static final EngineState INITIAL = new EngineState(null, null, false, Map.of());

    /**
     * A state with no open help calls.
     *
     * @param lastActivityAt see the record description
     * @param lastActivity see the record description
     * @param inactivityAlerted see the record description
     */
    public EngineState(Instant lastActivityAt, SensorEvent lastActivity, boolean inactivityAlerted) {
        this(lastActivityAt, lastActivity, inactivityAlerted, Map.of());
    }

    /**
     * A state with nothing known about the resident's whereabouts and nothing learnt.
     *
     * @param lastActivityAt see the record description
     * @param lastActivity see the record description
     * @param inactivityAlerted see the record description
     * @param helpCalls see the record description
     */
    public EngineState(Instant lastActivityAt, SensorEvent lastActivity, boolean inactivityAlerted,
            Map<String, Instant> helpCalls) {
        this(lastActivityAt, lastActivity, inactivityAlerted, helpCalls, Whereabouts.unknown(), LearntRoutine.empty());
    }

    /**
     * Validates the state.
     *
     * @param lastActivityAt see the record description
     * @param lastActivity see the record description
     * @param inactivityAlerted see the record description
     * @param helpCalls see the record description
     * @param whereabouts see the record description
     * @param routine see the record description
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
        helpCalls = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(helpCalls == null ? Map.of() : helpCalls));
        whereabouts = whereabouts == null ? Whereabouts.unknown() : whereabouts;
        routine = routine == null ? LearntRoutine.empty() : routine;
    }

    /**
     * This state with the help call of {@code sensorId} opened at {@code at}.
     *
     * @param sensorId the help button
     * @param at the press that opened the call
     * @return the new state
     */
    public EngineState withHelpCall(String sensorId, Instant at) {
        var calls = new TreeMap<>(helpCalls);
        calls.put(sensorId, at);
        return new EngineState(lastActivityAt, lastActivity, inactivityAlerted, calls, whereabouts, routine);
    }

    /**
     * This state with a new last activity, re-armed for inactivity; help calls, whereabouts and routine are kept.
     *
     * @param activity the activity
     * @return the new state
     */
    public EngineState withActivity(SensorEvent activity) {
        return new EngineState(activity.at(), activity, false, helpCalls, whereabouts, routine);
    }

    /**
     * This state with other whereabouts.
     *
     * @param newWhereabouts the whereabouts
     * @return the new state
     */
    public EngineState withWhereabouts(Whereabouts newWhereabouts) {
        return new EngineState(lastActivityAt, lastActivity, inactivityAlerted, helpCalls, newWhereabouts, routine);
    }

    /**
     * This state with another learnt routine.
     *
     * @param newRoutine the routine
     * @return the new state
     */
    public EngineState withRoutine(LearntRoutine newRoutine) {
        return new EngineState(lastActivityAt, lastActivity, inactivityAlerted, helpCalls, whereabouts, newRoutine);
    }

    /**
     * This state with its current quiet period marked as alerted.
     *
     * @return the new state
     */
    public EngineState alerted() {
        return new EngineState(lastActivityAt, lastActivity, true, helpCalls, whereabouts, routine);
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
