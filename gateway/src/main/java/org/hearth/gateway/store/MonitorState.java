package org.hearth.gateway.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.fall.FallState;
import org.hearth.rules.fall.RadarFallState;
import org.hearth.rules.routine.RoutineState;

/**
 * Everything the home monitor's rules remember, snapshotted as one value in one transaction: the rules engine's
 * state, the wearable fall detector's state per worn sensor, and the radar fall confirmer's state.
 *
 * @param engine    the rules engine's state
 * @param wearables the fall detector's state per wearable sensor id (sorted, immutable)
 * @param radar     the radar fall confirmer's state
 * @param routine   the routine detectors' state; null (a snapshot from before they existed) stands for the initial
 */
public record MonitorState(EngineState engine, Map<String, FallState> wearables, RadarFallState radar,
                           RoutineState routine) {

    public MonitorState {
        Objects.requireNonNull(engine, "engine");
        wearables = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(wearables, "wearables")));
        radar = radar == null ? RadarFallState.initial() : radar;
        routine = routine == null ? RoutineState.initial() : routine;
    }

    /** A state whose routine detectors have seen nothing (as snapshots from before they existed). */
    public MonitorState(EngineState engine, Map<String, FallState> wearables, RadarFallState radar) {
        this(engine, wearables, radar, null);
    }

    /** A monitor state with the engine's state and no fall state yet (as snapshots from before falls were read). */
    public static MonitorState of(EngineState engine) {
        return new MonitorState(engine, Map.of(), RadarFallState.initial());
    }

    /** The state before anything happened. */
    public static MonitorState initial() {
        return of(EngineState.initial());
    }

    /** This state with the engine's part replaced. */
    public MonitorState withEngine(EngineState next) {
        return new MonitorState(next, wearables, radar, routine);
    }
}
