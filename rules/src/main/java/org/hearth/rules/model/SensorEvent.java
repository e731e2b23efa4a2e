package org.hearth.rules.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a sensor reported, at the instant it happened.
 *
 * @param sensorId opaque sensor id (for example a Zigbee2MQTT friendly name such as {@code kitchen-motion});
 *                 never a person's name
 * @param kind     what was reported
 * @param at       when it happened (the sensor's time where it has one, else the gateway's receive time)
 * @param detail   extra kind-specific text, never null: {@code ""} if none; for {@link EventKind#BUTTON} the
 *                 action such as {@code "single"}
 */
public record SensorEvent(String sensorId, EventKind kind, Instant at, String detail) {

    /**
     * Validates the event.
     *
     * @param sensorId see the record description
     * @param kind see the record description
     * @param at see the record description
     * @param detail see the record description
     * @throws NullPointerException if any component is null
     */
    public SensorEvent {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail (use \"\" for none)");
    }

    /**
     * An event without detail.
     *
     * @param sensorId opaque sensor id
     * @param kind     what was reported
     * @param at       when it happened
     * @return the event, with detail {@code ""}
     */
    public static SensorEvent of(String sensorId, EventKind kind, Instant at) {
        return new SensorEvent(sensorId, kind, at, "");
    }

    /**
     * The same event at another instant; used by replays and by tests of time-shift invariance.
     *
     * @param newAt the new instant
     * @return a copy of this event at {@code newAt}
     */
    public SensorEvent withAt(Instant newAt) {
        return new SensorEvent(sensorId, kind, newAt, detail);
    }
}
