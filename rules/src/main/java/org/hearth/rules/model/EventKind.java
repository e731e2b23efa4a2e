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
    RESIDENT_OK,
    /**
     * A message that only proves the sensor is alive (for example a Zigbee2MQTT report of link quality alone). Not
     * activity; the sensor-health rules use it to learn each sensor's reporting rhythm.
     */
    HEARTBEAT,
    /** The sensor's battery level; the detail is the percentage as whole digits, for example {@code "87"}. */
    BATTERY,
    /** The sensor's own low-battery flag (Zigbee2MQTT {@code battery_low}); the detail is {@code "true"}/{@code "false"}. */
    BATTERY_LOW,
    /** The sensor's tamper switch (Zigbee2MQTT {@code tamper}); the detail is {@code "true"} (tampered) or {@code "false"}. */
    TAMPER,
    /** The Zigbee bridge (Zigbee2MQTT) is running: the radio network is back. */
    BRIDGE_ONLINE,
    /** The Zigbee bridge went away (its last will, or a clean stop): no Zigbee sensor can report. */
    BRIDGE_OFFLINE,
    /**
     * What powers the sensor, learnt from Zigbee2MQTT's {@code bridge/devices}; the detail is {@code "battery"} or
     * {@code "mains"}. It decides how long the sensor may stay silent.
     */
    POWER_SOURCE;

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
            case NO_MOTION, SENSOR_ONLINE, SENSOR_OFFLINE, APPLIANCE_OFF, RADAR_FALL, HEARTBEAT, BATTERY, BATTERY_LOW,
                    TAMPER, BRIDGE_ONLINE, BRIDGE_OFFLINE, POWER_SOURCE -> false;
        };
    }
}
