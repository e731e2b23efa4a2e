package org.hearth.rules.health;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hearth.rules.model.SensorEvent;

/**
 * Everything {@link SensorHealthDetector} remembers: an immutable value, suitable for snapshots. Bounded: one watch
 * per configured sensor and at most one episode per sensor and problem.
 *
 * @param startedAt       the first instant the detector saw (a sensor never heard from is silent since then)
 * @param bridgeDownSince when the Zigbee bridge went offline, if it still is
 * @param bridgeBackAt    when the Zigbee bridge last came back (its sensors' silence is counted from then)
 * @param bridgeEvent     the bridge's latest state event (evidence), or null
 * @param sensors         the watch of each sensor heard from (sorted, immutable)
 * @param episodes        the open, alerted problems by {@code "<sensor>/<problem>"} (sorted, immutable)
 */
public record SensorHealthState(Instant startedAt, Instant bridgeDownSince, Instant bridgeBackAt,
        SensorEvent bridgeEvent, Map<String, SensorWatch> sensors, Map<String, Episode> episodes) {

    private static final SensorHealthState INITIAL = new SensorHealthState(null, null, null, null, Map.of(), Map.of());

    /** Copies the maps; missing maps (older snapshots) read as empty. */
    public SensorHealthState {
        sensors = Collections.unmodifiableSortedMap(new TreeMap<>(sensors == null ? Map.of() : sensors));
        episodes = Collections.unmodifiableSortedMap(new TreeMap<>(episodes == null ? Map.of() : episodes));
        sensors.values().forEach(w -> Objects.requireNonNull(w, "watch"));
        episodes.values().forEach(e -> Objects.requireNonNull(e, "episode"));
    }

    /**
     * The state before anything was seen.
     *
     * @return the initial state
     */
    public static SensorHealthState initial() {
        return INITIAL;
    }

    /**
     * The watch of one sensor.
     *
     * @param sensorId the sensor
     * @return its watch, {@link SensorWatch#NEW} if never heard from
     */
    public SensorWatch watch(String sensorId) {
        return sensors.getOrDefault(sensorId, SensorWatch.NEW);
    }

    /**
     * Whether a sensor has an open, alerted episode of a problem.
     *
     * @param sensorId the sensor
     * @param problem  the problem
     * @return true while the episode is open
     */
    public boolean has(String sensorId, HealthProblem problem) {
        return episodes.containsKey(Episode.key(sensorId, problem));
    }

    SensorHealthState withWatch(String sensorId, SensorWatch w) {
        TreeMap<String, SensorWatch> copy = new TreeMap<>(sensors);
        copy.put(sensorId, w);
        return new SensorHealthState(startedAt, bridgeDownSince, bridgeBackAt, bridgeEvent, copy, episodes);
    }

    SensorHealthState withBridge(Instant downSince, Instant backAt, SensorEvent event) {
        return new SensorHealthState(startedAt, downSince, backAt, event, sensors, episodes);
    }

    SensorHealthState withStart(Instant at) {
        return startedAt != null ? this
                : new SensorHealthState(at, bridgeDownSince, bridgeBackAt, bridgeEvent, sensors, episodes);
    }

    SensorHealthState withEpisodes(Map<String, Episode> next) {
        return new SensorHealthState(startedAt, bridgeDownSince, bridgeBackAt, bridgeEvent, sensors, next);
    }
}
