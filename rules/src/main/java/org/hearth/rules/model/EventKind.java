package org.hearth.rules.model;

/**
 * What a sensor reported, reduced to the kinds the rules reason about. Decoders in the gateway map each
 * transport's payload (Zigbee2MQTT JSON, Hearth topics, CoAP) onto one of these.
 */
public enum EventKind {
    /** A motion sensor saw movement (Zigbee2MQTT {@code occupancy:true}). */
    MOTION,
    /** A motion sensor reports the room clear again (Zigbee2MQTT {@code occupancy:false}). */
    NO_MOTION,
    /** A door or cupboard contact opened (Zigbee2MQTT {@code contact:false}). */
    CONTACT_OPEN,
    /** A door or cupboard contact closed (Zigbee2MQTT {@code contact:true}). */
    CONTACT_CLOSED,
    /** A help button was pressed; the action ({@code single}, {@code double}, {@code hold}) is the event detail. */
    BUTTON,
    /** The sensor became reachable. */
    SENSOR_ONLINE,
    /** The sensor became unreachable. */
    SENSOR_OFFLINE,
    /**
     * A radar reported a fall by its own detection (for example a Vayyar-style {@code fall_detected} status). It
     * is a claim still to be confirmed by the absence of movement afterwards, see
     * {@code org.hearth.rules.fall.RadarFallConfirmer}; it is not activity.
     */
    RADAR_FALL;

    /**
     * Whether this kind shows that someone is up and about: {@link #MOTION}, {@link #CONTACT_OPEN},
     * {@link #CONTACT_CLOSED} and {@link #BUTTON}. {@link #NO_MOTION} is not activity: a room going quiet is
     * the absence of a person, not their presence. Nor is {@link #RADAR_FALL}: a person who has fallen is not up
     * and about, and letting a fall report reset the inactivity timer would only delay that safety net.
     *
     * @return true for the kinds that reset an inactivity timer
     */
    public boolean isActivity() {
        return switch (this) {
            case MOTION, CONTACT_OPEN, CONTACT_CLOSED, BUTTON -> true;
            case NO_MOTION, SENSOR_ONLINE, SENSOR_OFFLINE, RADAR_FALL -> false;
        };
    }
}
