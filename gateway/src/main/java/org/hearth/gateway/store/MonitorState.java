package org.hearth.gateway.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.fall.FallState;
import org.hearth.rules.fall.RadarFallState;
import org.hearth.rules.warning.WarningState;
import org.hearth.rules.health.SensorHealthState;
import org.hearth.rules.model.SensorStates;
import org.hearth.rules.routine.RoutineState;

/**
 * Everything the home monitor's rules remember, snapshotted as one value in one transaction: the rules engine's
 * state, the wearable fall detector's state per worn sensor, the radar fall confirmer's state, and the sensor-health
 * detector's state.
 *
 * @param engine    the rules engine's state
 * @param wearables the fall detector's state per wearable sensor id (sorted, immutable)
 * @param radar     the radar fall confirmer's state
 * @param warning   the local warnings pending (null, as in snapshots from before warnings: none)
 * @param health    the sensor-health (monitoring degraded) detector's state; null (a snapshot from before it existed)
 *                  reads as its initial state
 * @param routine   the routine detectors' state; null (a snapshot from before they existed) stands for the initial
 * @param states    the latest state of each contact and mat, so that a report repeating it is a check-in; null (a
 *                  snapshot from before it was kept) stands for nothing known
 */
public record MonitorState(EngineState engine, Map<String, FallState> wearables, RadarFallState radar,
        WarningState warning, SensorHealthState health, RoutineState routine, SensorStates states) {

    public MonitorState {
        Objects.requireNonNull(engine, "engine");
        wearables = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(wearables, "wearables")));
        radar = radar == null ? RadarFallState.initial() : radar;
        warning = warning == null ? WarningState.initial() : warning;
        health = health == null ? SensorHealthState.initial() : health;
        routine = routine == null ? RoutineState.initial() : routine;
        states = states == null ? SensorStates.none() : states;
    }

    /** As before contact and mat states were kept: nothing known of them. */
    public MonitorState(EngineState engine, Map<String, FallState> wearables, RadarFallState radar,
            WarningState warning, SensorHealthState health, RoutineState routine) {
        this(engine, wearables, radar, warning, health, routine, SensorStates.none());
    }

    /** As before warnings, sensor health and the routine detectors existed: each starts from its initial state. */
    public MonitorState(EngineState engine, Map<String, FallState> wearables, RadarFallState radar) {
        this(engine, wearables, radar, WarningState.initial(), SensorHealthState.initial(), RoutineState.initial());
    }

    /** With local warnings only. */
    public MonitorState(EngineState engine, Map<String, FallState> wearables, RadarFallState radar,
            WarningState warning) {
        this(engine, wearables, radar, warning, SensorHealthState.initial(), RoutineState.initial());
    }

    /** With sensor health only. */
    public MonitorState(EngineState engine, Map<String, FallState> wearables, RadarFallState radar,
            SensorHealthState health) {
        this(engine, wearables, radar, WarningState.initial(), health, RoutineState.initial());
    }

    /** With the routine detectors' state only. */
    public MonitorState(EngineState engine, Map<String, FallState> wearables, RadarFallState radar,
            RoutineState routine) {
        this(engine, wearables, radar, WarningState.initial(), SensorHealthState.initial(), routine);
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
        return new MonitorState(next, wearables, radar, warning, health, routine, states);
    }
}
