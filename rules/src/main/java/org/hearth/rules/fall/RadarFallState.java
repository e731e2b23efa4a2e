package org.hearth.rules.fall;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything {@link RadarFallConfirmer} remembers about one home's radars: an immutable value, suitable for
 * snapshots. Its size is bounded by the number of sensors that report falls or movement to the confirmer.
 *
 * @param radars the watch kept for each sensor id (sorted, immutable)
 */
public record RadarFallState(Map<String, RadarWatch> radars) {

    private static final RadarFallState INITIAL = new RadarFallState(Map.of());

    /**
     * Validates the state and copies the map.
     *
     * @param radars see the record description
     * @throws NullPointerException if the map, a key or a value is null
     */
    public RadarFallState {
        Objects.requireNonNull(radars, "radars");
        radars.forEach((k, v) -> {
            Objects.requireNonNull(k, "radar id");
            Objects.requireNonNull(v, "watch");
        });
        radars = Collections.unmodifiableSortedMap(new TreeMap<>(radars));
    }

    /**
     * The state of a home whose radars have reported nothing yet.
     *
     * @return the initial state
     */
    public static RadarFallState initial() {
        return INITIAL;
    }

    /**
     * The watch of one radar.
     *
     * @param radarId the radar's sensor id
     * @return its watch, empty if it has reported nothing
     */
    public RadarWatch watch(String radarId) {
        return radars.getOrDefault(radarId, RadarWatch.EMPTY);
    }

    RadarFallState with(String radarId, RadarWatch watch) {
        TreeMap<String, RadarWatch> copy = new TreeMap<>(radars);
        copy.put(radarId, watch);
        return new RadarFallState(copy);
    }
}
