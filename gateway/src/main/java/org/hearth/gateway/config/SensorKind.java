package org.hearth.gateway.config;

/** What a configured sensor is, which decides how its Zigbee2MQTT payload is read. */
public enum SensorKind {
    /** PIR motion sensor: {@code occupancy}. */
    MOTION,
    /** Door or cupboard contact: {@code contact}, where true means closed. */
    CONTACT,
    /** Help button or pendant: {@code action}. */
    BUTTON
}
