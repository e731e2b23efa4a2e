package org.hearth.rules.engine;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.hearth.rules.inactivity.QuietContext;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * Where the resident is, as far as the mats and the front door tell: part of {@link EngineState}, an immutable value.
 *
 * @param beds               the latest reading ({@link EventKind#OCCUPIED} or {@link EventKind#VACATED}) of each bed
 *                           mat, by sensor id; sorted, immutable
 * @param chairs             the same for chair mats
 * @param frontDoor          the latest reading ({@link EventKind#CONTACT_OPEN} or {@link EventKind#CONTACT_CLOSED}) of
 *                           the front door, or null if none yet
 * @param insideSinceArrival whether there has been activity inside (anything but the front door) since the resident
 *                           last came home; a front door used after that may be the resident going out, a front door
 *                           used before it is still their arrival
 * @param departed           whether the current quiet period began at the front door, used by someone who had been
 *                           about inside: the resident may have gone out
 */
public record Whereabouts(Map<String, SensorEvent> beds, Map<String, SensorEvent> chairs, SensorEvent frontDoor,
                          boolean insideSinceArrival, boolean departed) {

    private static final Whereabouts UNKNOWN = new Whereabouts(Map.of(), Map.of(), null, true, false);

    /**
     * Validates the value and copies the maps.
     *
     * @param beds see the record description
     * @param chairs see the record description
     * @param frontDoor see the record description
     * @param insideSinceArrival see the record description
     * @param departed see the record description
     * @throws IllegalArgumentException if a mat reading is not a mat event or the door reading not a contact event
     */
    public Whereabouts {
        beds = mats(beds);
        chairs = mats(chairs);
        if (frontDoor != null && frontDoor.kind() != EventKind.CONTACT_OPEN
                && frontDoor.kind() != EventKind.CONTACT_CLOSED) {
            throw new IllegalArgumentException("front door reading must be a contact event, not " + frontDoor.kind());
        }
    }

    /**
     * Nothing known yet: no mat occupied, door closed as far as anyone knows, the resident at home.
     *
     * @return the initial value
     */
    public static Whereabouts unknown() {
        return UNKNOWN;
    }

    /**
     * What the resident is doing while the home is quiet: in bed if any bed mat is occupied, else in a chair if any
     * chair mat is, else away if the quiet period began with them going out through a door now closed, else at home.
     *
     * @return the context
     */
    public QuietContext context() {
        if (occupied(beds).isPresent()) {
            return QuietContext.IN_BED;
        }
        if (occupied(chairs).isPresent()) {
            return QuietContext.IN_CHAIR;
        }
        return departed && !frontDoorOpen() ? QuietContext.AWAY : QuietContext.AT_HOME;
    }

    /**
     * The reading that put the resident in bed or in a chair, for the evidence of an alert.
     *
     * @return the latest {@link EventKind#OCCUPIED} of an occupied bed mat, else of an occupied chair mat; empty if
     *         none is occupied
     */
    public Optional<SensorEvent> restingOn() {
        Optional<SensorEvent> bed = occupied(beds);
        return bed.isPresent() ? bed : occupied(chairs);
    }

    /**
     * Whether the front door's latest reading is open.
     *
     * @return true if the door was last seen open
     */
    public boolean frontDoorOpen() {
        return frontDoor != null && frontDoor.kind() == EventKind.CONTACT_OPEN;
    }

    Whereabouts withBed(SensorEvent reading) {
        return new Whereabouts(put(beds, reading), chairs, frontDoor, insideSinceArrival, departed);
    }

    Whereabouts withChair(SensorEvent reading) {
        return new Whereabouts(beds, put(chairs, reading), frontDoor, insideSinceArrival, departed);
    }

    Whereabouts withFrontDoor(SensorEvent reading) {
        return new Whereabouts(beds, chairs, reading, insideSinceArrival, departed);
    }

    Whereabouts withMovement(boolean insideSinceArrival, boolean departed) {
        return new Whereabouts(beds, chairs, frontDoor, insideSinceArrival, departed);
    }

    private static Optional<SensorEvent> occupied(Map<String, SensorEvent> mats) {
        return mats.values().stream().filter(e -> e.kind() == EventKind.OCCUPIED)
                .max((a, b) -> a.at().compareTo(b.at()));
    }

    private static Map<String, SensorEvent> put(Map<String, SensorEvent> mats, SensorEvent reading) {
        TreeMap<String, SensorEvent> copy = new TreeMap<>(mats);
        copy.put(reading.sensorId(), reading);
        return copy;
    }

    private static Map<String, SensorEvent> mats(Map<String, SensorEvent> mats) {
        TreeMap<String, SensorEvent> copy = new TreeMap<>();
        if (mats != null) {
            mats.forEach((id, e) -> {
                Objects.requireNonNull(e, "reading of " + id);
                if (e.kind() != EventKind.OCCUPIED && e.kind() != EventKind.VACATED) {
                    throw new IllegalArgumentException("mat reading must be OCCUPIED or VACATED, not " + e.kind());
                }
                copy.put(id, e);
            });
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
