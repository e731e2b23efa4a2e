package org.hearth.gateway.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each plug's appliance was last seen drawing power, so that a plug reporting every few seconds while a kettle
 * boils makes one {@code APPLIANCE_ON}, not dozens. Bounded by the configured plugs; not persisted (after a restart the
 * first report of a running appliance counts as switching on, which is harmless). Thread-safe.
 */
final class ApplianceEdges {
    /** At or above this an appliance is on: far above a plug's own standby draw (under 1 W). */
    static final double ON_WATTS = 10;
    /** Below this a running appliance is off: hysteresis, so a draw wavering near 10 W does not flap. */
    static final double OFF_WATTS = 5;

    private final Map<String, Boolean> on = new ConcurrentHashMap<>();

    /**
     * Records the plug's new level and tells whether it changed.
     *
     * @param sensorId a configured plug
     * @param power    watts, or null if the message did not say
     * @param relayOn  the relay's {@code state}, or null if the message did not say
     * @return TRUE for a switch-on edge, FALSE for a switch-off edge, null for no change (or nothing known)
     */
    Boolean edge(String sensorId, Double power, Boolean relayOn) {
        boolean was = on.getOrDefault(sensorId, false);
        Boolean now;
        if (Boolean.FALSE.equals(relayOn)) {
            now = false; // relay off: nothing can draw power
        } else if (power != null) {
            now = was ? power >= OFF_WATTS : power >= ON_WATTS;
        } else {
            now = relayOn; // a plug without metering: the relay is all we know
        }
        if (now == null || now == was) {
            return null;
        }
        on.put(sensorId, now);
        return now;
    }
}
