package org.hearth.rules.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The latest state each contact and pressure mat reported, so that a report repeating it is read as the sensor
 * checking in rather than as a person acting.
 *
 * <p>Why: Zigbee2MQTT publishes a device's whole cached state with every report, so a door sensor's hourly battery
 * check-in says {@code "contact": true} again and a bed mat's says {@code "occupancy": true} again. Read as events, each
 * would be "someone closed the door" or "someone lay down": activity that restarts the silence clock, so a resident
 * lying on the floor would never be missed for long, counted as door uses in the daily summary, and taken by the
 * night-door rule as a new opening. Only a change of state is an act; a repeat proves the sensor alive, which is what
 * {@link EventKind#HEARTBEAT} means. Motion is not filtered: a PIR saying "occupied" again has seen movement again.
 *
 * <p>A sensor's first report after installation counts as a change (nothing is known before it). An immutable value of
 * bounded size (one entry per contact or mat), part of the gateway's snapshotted state, so it survives restarts and is
 * rolled back with a batch that fails to commit.
 *
 * @param latest the latest {@link EventKind#CONTACT_OPEN}/{@link EventKind#CONTACT_CLOSED} or
 *               {@link EventKind#OCCUPIED}/{@link EventKind#VACATED} of each sensor, by id; sorted, immutable
 */
public record SensorStates(Map<String, EventKind> latest) {

    private static final SensorStates NONE = new SensorStates(Map.of());

    /**
     * Validates and copies the map; null stands for empty (a snapshot from before states were kept).
     *
     * @param latest see the record description
     * @throws IllegalArgumentException if a kind is not a contact or mat state
     */
    public SensorStates {
        TreeMap<String, EventKind> copy = new TreeMap<>();
        if (latest != null) {
            latest.forEach((id, kind) -> {
                if (!isState(Objects.requireNonNull(kind, "state of " + id))) {
                    throw new IllegalArgumentException("not a contact or mat state: " + kind);
                }
                copy.put(Objects.requireNonNull(id, "sensor id"), kind);
            });
        }
        latest = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Nothing reported yet.
     *
     * @return the empty value
     */
    public static SensorStates none() {
        return NONE;
    }

    /**
     * Whether a kind is a state this class tracks.
     *
     * @param kind an event kind
     * @return true for contact open/closed and mat occupied/vacated
     */
    public static boolean isState(EventKind kind) {
        return switch (kind) {
            case CONTACT_OPEN, CONTACT_CLOSED, OCCUPIED, VACATED -> true;
            default -> false;
        };
    }

    /**
     * Reads one event: a contact or mat state equal to the sensor's latest becomes a heartbeat of that sensor at the
     * same instant (with the same detail); anything else passes unchanged.
     *
     * @param event a decoded event
     * @return the event as it should be judged, and the states after it
     */
    public Reading read(SensorEvent event) {
        Objects.requireNonNull(event, "event");
        if (!isState(event.kind())) {
            return new Reading(event, this);
        }
        if (latest.get(event.sensorId()) == event.kind()) {
            return new Reading(new SensorEvent(event.sensorId(), EventKind.HEARTBEAT, event.at(), event.detail()), this);
        }
        TreeMap<String, EventKind> next = new TreeMap<>(latest);
        next.put(event.sensorId(), event.kind());
        return new Reading(event, new SensorStates(next));
    }

    /**
     * The outcome of {@link #read}.
     *
     * @param event  the event to judge: the one read, or a heartbeat in its place
     * @param states the states after it
     */
    public record Reading(SensorEvent event, SensorStates states) {

        /**
         * Validates the outcome.
         *
         * @param event see the record description
         * @param states see the record description
         */
        public Reading {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(states, "states");
        }
    }
}
