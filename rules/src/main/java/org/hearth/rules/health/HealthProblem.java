package org.hearth.rules.health;

/**
 * What can be wrong with a sensor (or the Zigbee bridge), each raised at most once per episode.
 */
public enum HealthProblem {
    /** The sensor's availability said offline, and it stayed so beyond the grace period. */
    OFFLINE("offline", true),
    /** The Zigbee bridge (Zigbee2MQTT) went away: no Zigbee sensor can report. */
    BRIDGE_DOWN("bridge-down", true),
    /** Nothing heard from the sensor for far longer than its own reporting rhythm. */
    SILENT("silent", true),
    /** A motion sensor kept saying "occupied" far longer than ever, while other sensors saw the resident elsewhere. */
    STUCK_OCCUPIED("stuck-occupied", true),
    /** The battery is low (below 20 %, or the sensor's own flag); cleared only from 30 %. The sensor still sees. */
    BATTERY_LOW("battery-low", false),
    /** The tamper switch is open: the sensor was opened or moved. */
    TAMPERED("tampered", false);

    private final String code;
    private final boolean blinds;

    HealthProblem(String code, boolean blinds) {
        this.code = code;
        this.blinds = blinds;
    }

    /**
     * The stable code, part of the alert's sensor reference and its rule id.
     *
     * @return for example {@code "stuck-occupied"}
     */
    public String code() {
        return code;
    }

    /**
     * Whether the problem means the sensor cannot see: then a quiet home is not proof that all is well.
     *
     * @return true for offline, bridge down, silent and stuck
     */
    public boolean blinds() {
        return blinds;
    }
}
