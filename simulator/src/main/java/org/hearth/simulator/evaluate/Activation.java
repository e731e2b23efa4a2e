package org.hearth.simulator.evaluate;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of a UCI ADL sensors file: a sensor active from {@code start} to {@code end}.
 *
 * @param sensorId the sensor, as named by {@link UciAdlReader#sensorId}
 * @param type     what the interval means
 * @param start    when it began
 * @param end      when it ended; not before {@code start}
 */
public record Activation(String sensorId, UciSensorType type, Instant start, Instant end) {

    /**
     * Validates the activation.
     *
     * @param sensorId see the record description
     * @param type see the record description
     * @param start see the record description
     * @param end see the record description
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public Activation {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("activation of " + sensorId + " ends before it starts");
        }
    }

    /**
     * Whether the sensor is active at {@code t}: started before it and not ended by it.
     *
     * @param t an instant
     * @return true if {@code start < t < end}
     */
    public boolean spans(Instant t) {
        return start.isBefore(t) && t.isBefore(end);
    }
}
