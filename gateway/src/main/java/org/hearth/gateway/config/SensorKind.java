package org.hearth.gateway.config;

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
    MAT
}
