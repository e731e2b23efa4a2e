package org.hearth.rules.routine;

/**
 * Everything the routine detectors remember about one home: an immutable value of bounded size, snapshotted with the
 * engine's. Null components stand for the detectors' initial states, so snapshots from before a detector existed
 * still load.
 *
 * @param bathroom the bathroom-dwell rule's state
 * @param bedExit  the bed-exit rule's state
 * @param door     the door-at-night rule's state
 * @param morning  the missed-morning rule's state
 */
public record RoutineState(BathroomState bathroom, BedExitState bedExit, NightDoorState door, MorningState morning) {

    private static final RoutineState INITIAL = new RoutineState(null, null, null, null);

    /**
     * Defaults null components.
     *
     * @param bathroom see the record description
     * @param bedExit see the record description
     * @param door see the record description
     * @param morning see the record description
     */
    public RoutineState {
        bathroom = bathroom == null ? BathroomState.initial() : bathroom;
        bedExit = bedExit == null ? BedExitState.initial() : bedExit;
        door = door == null ? NightDoorState.initial() : door;
        morning = morning == null ? MorningState.initial() : morning;
    }

    /**
     * Nothing seen, nothing learnt.
     *
     * @return the initial state
     */
    public static RoutineState initial() {
        return INITIAL;
    }
}
