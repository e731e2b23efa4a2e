package org.hearth.simulator.scenario;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The events a scenario can inject, each with what the gateway should do about it (an alert code, or none) and the
 * capabilities it needs to be scored (alert codes, or {@code event:<EventKind>} for a gateway that decodes it). An
 * injection whose gateway lacks a capability is still played but scored as pending.
 */
public enum InjectionKind {
    FALL_WEARABLE("fall-wearable", "fall-detected", "10:30", "30m", List.of("fall-detected")),
    FALL_RADAR("fall-radar", "fall-detected-radar", "10:30", "30m", List.of("fall-detected-radar")),
    /** Collapses and lies still: only the inactivity rule can see it. */
    COLLAPSE("collapse", "prolonged-inactivity", "10:00", "0s", List.of("prolonged-inactivity")),
    LONG_BATHROOM_STAY("long-bathroom-stay", "bathroom-dwell", "11:00", "75m", List.of("bathroom-dwell")),
    NIGHT_WANDERING("night-wandering", "door-open-night", "03:00", "10m", List.of("door-open-night")),
    HELP_BUTTON("help-button", "help-button-pressed", "15:05", "0s", List.of("help-button-pressed")),
    MISSED_BREAKFAST("missed-breakfast", "missed-morning-routine", "07:00", "0s",
            List.of("missed-morning-routine")),
    /** Sits still until warned, then presses "I'm OK": no alert must reach the care record. */
    IM_OK_CANCEL("im-ok-cancel", null, "10:00", "0s", List.of("prolonged-inactivity", "event:RESIDENT_OK")),
    BATTERY_DYING("battery-dying", "monitoring-degraded", "09:00", "2h",
            List.of("monitoring-degraded", "health:BATTERY_LOW", "decodes:BATTERY_LOW")),
    STUCK_MOTION("stuck-motion", "monitoring-degraded", "09:00", "0s",
            List.of("monitoring-degraded", "health:STUCK_OCCUPIED", "decodes:BRIDGE_OFFLINE")),
    BRIDGE_DOWN("bridge-down", "monitoring-degraded", "13:00", "2h",
            List.of("monitoring-degraded", "health:BRIDGE_DOWN", "decodes:BRIDGE_OFFLINE")),
    /** The gateway and its embedded broker restart; a help press just after must still get through. */
    BROKER_RESTART("broker-restart", "help-button-pressed", "12:00", "0s", List.of("help-button-pressed")),
    /** The care record is unreachable; a help press during it must arrive once it is back, exactly once. */
    UPLINK_OUTAGE("uplink-outage", "help-button-pressed", "12:00", "1h", List.of("help-button-pressed")),
    /** A help press at 01:30 on a UK clock-change day: raised at the right instant, nothing else goes wrong. */
    CLOCK_CHANGE("clock-change", "help-button-pressed", "01:30", "0s", List.of("help-button-pressed"));

    private final String code;
    private final String expected;
    private final LocalTime defaultAt;
    private final java.time.Duration defaultLength;
    private final List<String> requires;

    InjectionKind(String code, String expected, String defaultAt, String defaultLength, List<String> requires) {
        this.code = code;
        this.expected = expected;
        this.defaultAt = LocalTime.parse(defaultAt);
        this.defaultLength = Duration.parse("PT" + defaultLength.toUpperCase(Locale.ROOT));
        this.requires = requires;
    }

    /** The kind's name in scenario files. */
    public String code() {
        return code;
    }

    /** The alert code the gateway should raise, or empty when no alert must reach the care record. */
    public Optional<String> expectedAlert() {
        return Optional.ofNullable(expected);
    }

    public LocalTime defaultAt() {
        return defaultAt;
    }

    public Duration defaultLength() {
        return defaultLength;
    }

    /** The capabilities the gateway needs for this kind to be scored. */
    public List<String> requires() {
        return requires;
    }

    /** The kind with this scenario-file name, if any. */
    public static Optional<InjectionKind> byCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** Every scenario-file name, for error messages. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(InjectionKind::code).toList());
    }
}
