package org.hearth.rules.health;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The thresholds of the sensor-health rules.
 *
 * @param zone            the home's time zone (for the local times in explanations only)
 * @param offlineGrace    how long an availability "offline" (or the bridge's) may last before it is a problem; rides
 *                        out restarts of a device or of Zigbee2MQTT
 * @param rhythmFactor    a sensor is silent after this many times its longest learnt gap between messages
 * @param learningSpan    how long a sensor must have been heard from before its rhythm counts as learnt (two days
 *                        cover the nights); until then the cap applies
 * @param batteryFloor    the shortest silence limit of a battery (or unknown) device
 * @param mainsFloor      the shortest silence limit of a mains device
 * @param silenceCap      the longest silence limit of any device (Zigbee2MQTT's battery availability window)
 * @param stuckFloor      the shortest "occupied" spell judged stuck
 * @param stuckFactor     a spell is stuck after this many times the longest normal spell learnt
 * @param stuckCap        the longest "occupied" spell limit
 * @param batteryLowBelow a battery below this percentage is low
 * @param batteryOkFrom   a low battery is cleared only at or above this percentage (hysteresis)
 */
public record HealthPolicy(ZoneId zone, Duration offlineGrace, int rhythmFactor, Duration learningSpan,
        Duration batteryFloor, Duration mainsFloor, Duration silenceCap, Duration stuckFloor, int stuckFactor,
        Duration stuckCap, int batteryLowBelow, int batteryOkFrom) {

    /**
     * Validates the policy.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a limit is not positive or the floors exceed the caps
     */
    public HealthPolicy {
        Objects.requireNonNull(zone, "zone");
        for (Duration d : new Duration[] {offlineGrace, learningSpan, batteryFloor, mainsFloor, silenceCap,
                stuckFloor, stuckCap}) {
            if (Objects.requireNonNull(d, "duration").isNegative() || d.isZero()) {
                throw new IllegalArgumentException("health durations must be positive");
            }
        }
        if (batteryFloor.compareTo(silenceCap) > 0 || mainsFloor.compareTo(silenceCap) > 0
                || stuckFloor.compareTo(stuckCap) > 0) {
            throw new IllegalArgumentException("a floor exceeds its cap");
        }
        if (rhythmFactor < 1 || stuckFactor < 1 || batteryLowBelow > batteryOkFrom) {
            throw new IllegalArgumentException("factors must be >= 1 and batteryLowBelow <= batteryOkFrom");
        }
    }

    /**
     * The defaults: 5 min offline grace; silent after 3 times the longest learnt gap, learnt over 2 days, floored
     * at 1 h (battery) or 10 min (mains) and capped at 25 h; stuck after 3 times the longest normal spell, floored at
     * 2 h and capped at 24 h; battery low below 20 %, cleared from 30 %.
     *
     * @param zone the home's time zone
     * @return the default policy
     */
    public static HealthPolicy defaults(ZoneId zone) {
        return new HealthPolicy(zone, Duration.ofMinutes(5), 3, Duration.ofDays(2), Duration.ofHours(1),
                Duration.ofMinutes(10), Duration.ofHours(25), Duration.ofHours(2), 3, Duration.ofHours(24), 20, 30);
    }
}
