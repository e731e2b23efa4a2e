package org.hearth.gateway.config;

import org.hearth.rules.model.SensorRole;

/**
 * What a configured sensor is, which decides how its payload is read: Zigbee2MQTT state for motion, contact,
 * button, plug and mat (and radar presence and fall where a radar speaks Zigbee2MQTT); the Hearth topics ({@code hearth/<home>/<sensor>/accel|event}) for wearable and radar.
 */
public enum SensorKind {
    /** PIR motion sensor: {@code occupancy}. */
    MOTION,
    /** Door or cupboard contact: {@code contact}, where true means closed. */
    CONTACT,
    /** Help button or pendant: {@code action}. */
    BUTTON,
    /** Worn accelerometer (pendant, belt): Hearth {@code accel} batches, run through the wearable fall detector. */
    WEARABLE,
    /** Fall radar: Hearth {@code event} messages ({@code fall}, {@code motion}, {@code presence}, {@code no_presence}). */
    RADAR,
    /** Smart plug under an appliance (kettle, microwave): Zigbee2MQTT {@code power} (W) and {@code state} ON/OFF. */
    PLUG,
    /** Pressure or occupancy mat (bed, chair): Zigbee2MQTT {@code occupancy} or {@code presence}. */
    MAT;

    /**
     * The role a sensor of this kind has when the config names none: a contact is an inner door or cupboard until
     * the installer says it is the front door, a radar's presence is activity like a PIR's, a mat is a bed mat
     * unless it is configured as a {@code chair}.
     *
     * @return the default role
     */
    public SensorRole defaultRole() {
        return switch (this) {
            case MOTION, RADAR -> SensorRole.MOTION;
            case CONTACT -> SensorRole.CONTACT;
            case BUTTON -> SensorRole.HELP_BUTTON;
            case WEARABLE -> SensorRole.OTHER;
            case PLUG -> SensorRole.APPLIANCE;
            case MAT -> SensorRole.BED;
        };
    }
}
