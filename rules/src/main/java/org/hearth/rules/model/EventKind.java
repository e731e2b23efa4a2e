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
    /** A pressure mat (bed, chair) started to carry someone. */
    OCCUPIED,
    /** A pressure mat (bed, chair) stopped carrying anyone: someone got up. */
    VACATED,
    /** An appliance (kettle, microwave; usually a smart plug) started drawing power. */
    APPLIANCE_ON,
    /**
     * An appliance stopped drawing power. Not activity: kettles, microwaves and timers switch themselves off, so
     * this says nothing about the person.
     */
    APPLIANCE_OFF,
    /** A toilet was flushed. */
    FLUSH,
    /**
     * A radar reported a fall by its own detection (for example a Vayyar-style {@code fall_detected} status). It
     * is a claim still to be confirmed by the absence of movement afterwards, see
     * {@code org.hearth.rules.fall.RadarFallConfirmer}; it is not activity.
     */
    RADAR_FALL,
    /**
     * The resident answered a local warning with their "I'm OK" button (see {@code org.hearth.rules.warning}): a press
     * of a configured button and action while a warning was pending. It is activity (someone able pressed a button),
     * so it also re-arms the inactivity timer; it is never a call for help.
     */
    RESIDENT_OK;

    /**
     * Whether this kind shows that a person just did something: {@link #MOTION}, {@link #CONTACT_OPEN},
     * {@link #CONTACT_CLOSED}, {@link #BUTTON}, {@link #OCCUPIED}, {@link #VACATED}, {@link #APPLIANCE_ON},
     * {@link #FLUSH} and {@link #RESIDENT_OK}. {@link #NO_MOTION} is not activity: a room going quiet is the absence
     * of a person, not their presence; nor is {@link #APPLIANCE_OFF}, which appliances do by themselves. Nor is
     * {@link #RADAR_FALL}: a person who has fallen is not up and about, and letting a fall report reset the
     * inactivity timer would only delay that safety net.
     *
     * @return true for the kinds that reset an inactivity timer
     */
    public boolean isActivity() {
        return switch (this) {
            case MOTION, CONTACT_OPEN, CONTACT_CLOSED, BUTTON, OCCUPIED, VACATED, APPLIANCE_ON, FLUSH,
                    RESIDENT_OK -> true;
            case NO_MOTION, SENSOR_ONLINE, SENSOR_OFFLINE, APPLIANCE_OFF, RADAR_FALL -> false;
        };
    }
}
