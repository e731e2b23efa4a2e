package org.hearth.rules.model;

import java.util.Objects;

/**
 * What one sensor is and where it is.
 *
 * @param role what the sensor is for
 * @param room the room it is in
 */
public record SensorPlacement(SensorRole role, Room room) {

    /**
     * Validates the placement.
     *
     * @param role see the record description
     * @param room see the record description
     * @throws NullPointerException if a component is null
     */
    public SensorPlacement {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(room, "room");
    }

    /** Where a sensor the layout does not name is assumed to be: somewhere inside, role unknown. */
    public static final SensorPlacement UNKNOWN = new SensorPlacement(SensorRole.OTHER, Room.OTHER);
}
