package org.hearth.rules.health;

/** What powers a sensor, as Zigbee2MQTT's {@code bridge/devices} tells; it decides how long it may stay silent. */
public enum PowerSource {
    /** Not told (yet): judged like a battery device, the more patient choice. */
    UNKNOWN,
    /** Battery devices sleep and report rarely (Zigbee2MQTT's availability window is 25 h). */
    BATTERY,
    /** Mains devices are always awake and route for others (Zigbee2MQTT's availability window is 10 min). */
    MAINS
}
