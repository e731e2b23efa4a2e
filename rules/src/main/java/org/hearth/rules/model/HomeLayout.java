package org.hearth.rules.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The sensors of one home: for each sensor id, its role and room. Given to the engine by whoever installs the home,
 * so that the rules know that {@code bedroom-mat} is a bed and {@code front-door} the way out.
 *
 * <p>A sensor the layout does not name is {@link SensorPlacement#UNKNOWN}: its activity counts as the resident being
 * about at home, and it gives no context (no bed, no chair, no door to the outside). An empty layout therefore gives
 * the plain behaviour of "any activity resets the timer".
 *
 * @param sensors placement by sensor id; stored as an immutable map sorted by id
 */
public record HomeLayout(Map<String, SensorPlacement> sensors) {

    private static final HomeLayout EMPTY = new HomeLayout(Map.of());

    /**
     * Validates the layout and copies the map.
     *
     * @param sensors see the record description
     * @throws NullPointerException if the map, an id or a placement is null
     */
    public HomeLayout {
        Objects.requireNonNull(sensors, "sensors");
        TreeMap<String, SensorPlacement> sorted = new TreeMap<>();
        sensors.forEach((id, placement) -> sorted.put(Objects.requireNonNull(id, "sensor id"),
                Objects.requireNonNull(placement, "placement of " + id)));
        sensors = Collections.unmodifiableSortedMap(sorted);
    }

    /**
     * A layout that names no sensor.
     *
     * @return the empty layout
     */
    public static HomeLayout empty() {
        return EMPTY;
    }

    /**
     * This layout with one more sensor (or another placement for it).
     *
     * @param sensorId the sensor
     * @param role     what it is for
     * @param room     where it is
     * @return the new layout
     */
    public HomeLayout with(String sensorId, SensorRole role, Room room) {
        TreeMap<String, SensorPlacement> more = new TreeMap<>(sensors);
        more.put(sensorId, new SensorPlacement(role, room));
        return new HomeLayout(more);
    }

    /**
     * Where a sensor is.
     *
     * @param sensorId the sensor
     * @return its placement, or {@link SensorPlacement#UNKNOWN} if the layout does not name it
     */
    public SensorPlacement placementOf(String sensorId) {
        return sensors.getOrDefault(sensorId, SensorPlacement.UNKNOWN);
    }

    /**
     * What a sensor is for.
     *
     * @param sensorId the sensor
     * @return its role, {@link SensorRole#OTHER} if unknown
     */
    public SensorRole roleOf(String sensorId) {
        return placementOf(sensorId).role();
    }
}
