package org.hearth.rules.health;

import java.time.Duration;
import java.time.Instant;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * What the health rules remember of one sensor: when it was heard from, its learnt rhythm, and the conditions that
 * are open now. Nullable instants mean "not so" (never heard, not offline, ...). Immutable.
 *
 * @param firstSeen       the first message heard from it
 * @param lastSeen        the latest message heard from it
 * @param longestGap      the longest normal gap between two of its messages
 * @param power           what powers it
 * @param offlineSince    when its availability said offline, if it still does
 * @param occupiedSince   when a motion sensor began saying occupied, if it still does
 * @param longestOccupied the longest normal "occupied" spell it had
 * @param lastActivity    its latest event that shows a person did something
 * @param batteryPercent  the latest battery percentage, or -1 if never told
 * @param batteryLowSince when its battery became low, if it still is
 * @param tamperedSince   when its tamper switch opened, if it still is
 * @param lastEvent       the latest event heard from it (the evidence of its alerts)
 */
public record SensorWatch(Instant firstSeen, Instant lastSeen, Duration longestGap, PowerSource power,
        Instant offlineSince, Instant occupiedSince, Duration longestOccupied, Instant lastActivity,
        int batteryPercent, Instant batteryLowSince, Instant tamperedSince, SensorEvent lastEvent) {

    /** A sensor never heard from. */
    public static final SensorWatch NEW = new SensorWatch(null, null, Duration.ZERO, PowerSource.UNKNOWN, null, null,
            Duration.ZERO, null, -1, null, null, null);

    /** Normalises missing values (as in older snapshots) to "nothing learnt". */
    public SensorWatch {
        longestGap = longestGap == null ? Duration.ZERO : longestGap;
        power = power == null ? PowerSource.UNKNOWN : power;
        longestOccupied = longestOccupied == null ? Duration.ZERO : longestOccupied;
    }

    /**
     * How long it may stay silent: {@code rhythmFactor} times its longest learnt gap, within its floor (by power
     * source) and the cap; the cap itself until its rhythm is learnt.
     *
     * @param p the policy
     * @return the silence limit
     */
    public Duration silenceLimit(HealthPolicy p) {
        if (firstSeen == null || lastSeen == null
                || Duration.between(firstSeen, lastSeen).compareTo(p.learningSpan()) < 0) {
            return p.silenceCap();
        }
        Duration floor = power == PowerSource.MAINS ? p.mainsFloor() : p.batteryFloor();
        return clamp(longestGap.multipliedBy(p.rhythmFactor()), floor, p.silenceCap());
    }

    /**
     * How long a motion sensor may say occupied before it looks stuck.
     *
     * @param p the policy
     * @return {@code stuckFactor} times its longest normal spell, within the floor and cap
     */
    public Duration stuckLimit(HealthPolicy p) {
        return clamp(longestOccupied.multipliedBy(p.stuckFactor()), p.stuckFloor(), p.stuckCap());
    }

    /**
     * This watch after {@code e}.
     *
     * @param e          an event of this sensor
     * @param p          the policy
     * @param bridgeDown whether the Zigbee bridge is down (a gap across an outage teaches no rhythm)
     * @return the new watch
     */
    SensorWatch observe(SensorEvent e, HealthPolicy p, boolean bridgeDown) {
        Instant at = e.at();
        EventKind kind = e.kind();
        if (kind == EventKind.POWER_SOURCE) {
            // Told by the bridge's device list, not heard from the sensor.
            PowerSource next = switch (e.detail()) {
                case "battery" -> PowerSource.BATTERY;
                case "mains" -> PowerSource.MAINS;
                default -> power;
            };
            return with(next);
        }
        if (kind == EventKind.SENSOR_OFFLINE) {
            // Said by the bridge about a sensor it stopped hearing: no proof of life.
            return new SensorWatch(firstSeen, lastSeen, longestGap, power, earliest(offlineSince, at), occupiedSince,
                    longestOccupied, lastActivity, batteryPercent, batteryLowSince, tamperedSince, e);
        }
        Duration gap = longestGap;
        if (lastSeen != null && at.isAfter(lastSeen) && offlineSince == null && !bridgeDown) {
            Duration g = Duration.between(lastSeen, at);
            if (g.compareTo(gap) > 0 && g.compareTo(silenceLimit(p)) <= 0) {
                gap = g; // a gap that was itself a silent episode is no rhythm
            }
        }
        Instant occupied = occupiedSince;
        Duration spell = longestOccupied;
        if (kind == EventKind.MOTION) {
            occupied = earliest(occupiedSince, at);
        } else if (kind == EventKind.NO_MOTION && occupiedSince != null) {
            Duration d = Duration.between(occupiedSince, at);
            if (!d.isNegative() && d.compareTo(spell) > 0 && d.compareTo(stuckLimit(p)) < 0) {
                spell = d;
            }
            occupied = null;
        }
        int percent = batteryPercent;
        Instant low = batteryLowSince;
        Instant tampered = tamperedSince;
        switch (kind) {
            case BATTERY -> {
                percent = percent(e.detail(), percent);
                if (percent >= 0 && percent < p.batteryLowBelow()) {
                    low = earliest(low, at);
                } else if (percent >= p.batteryOkFrom()) {
                    low = null;
                }
            }
            case BATTERY_LOW -> {
                if ("true".equals(e.detail())) {
                    low = earliest(low, at);
                } else if (percent < 0 || percent >= p.batteryOkFrom()) {
                    low = null; // the flag cleared and no percentage below the hysteresis says otherwise
                }
            }
            case TAMPER -> tampered = "true".equals(e.detail()) ? earliest(tampered, at) : null;
            default -> { }
        }
        Instant activity = kind.isActivity() ? latest(lastActivity, at) : lastActivity;
        return new SensorWatch(earliest(firstSeen, at), latest(lastSeen, at), gap, power, null, occupied, spell,
                activity, percent, low, tampered, e);
    }

    private SensorWatch with(PowerSource next) {
        return new SensorWatch(firstSeen, lastSeen, longestGap, next, offlineSince, occupiedSince, longestOccupied,
                lastActivity, batteryPercent, batteryLowSince, tamperedSince, lastEvent);
    }

    private static int percent(String detail, int otherwise) {
        if (detail.isEmpty() || detail.length() > 3 || !detail.chars().allMatch(Character::isDigit)) {
            return otherwise;
        }
        int p = Integer.parseInt(detail);
        return p <= 100 ? p : otherwise;
    }

    /** The earlier of two instants, either of which may be null (absent). */
    static Instant earliest(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    /** The later of two instants, either of which may be null (absent). */
    static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    private static Duration clamp(Duration d, Duration floor, Duration cap) {
        return d.compareTo(floor) < 0 ? floor : d.compareTo(cap) > 0 ? cap : d;
    }
}
