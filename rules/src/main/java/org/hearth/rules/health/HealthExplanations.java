package org.hearth.rules.health;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The sentences of monitoring-degraded evidence and of the "can't see" note: sensor ids, times and limits only. */
final class HealthExplanations {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String BLIND = ": it cannot see, so quiet there is not proof that all is well";

    private HealthExplanations() {
    }

    static String of(String sensorId, HealthProblem problem, Instant since, Instant raisedAt, Duration threshold,
            HealthPolicy p) {
        ZoneId zone = p.zone();
        String at = local(since, zone, raisedAt);
        String text = switch (problem) {
            case OFFLINE -> "Sensor " + sensorId + " offline since " + at + ", longer than the "
                    + duration(threshold) + " allowed" + BLIND;
            case BRIDGE_DOWN -> "The Zigbee bridge is down since " + at + ", longer than the " + duration(threshold)
                    + " allowed: no Zigbee sensor can report, so a quiet home is not proof that all is well";
            case SILENT -> "Nothing heard from " + sensorId + " since " + at + " for "
                    + duration(Duration.between(since, raisedAt)) + ", beyond its reporting rhythm (limit "
                    + duration(threshold) + ")" + BLIND;
            case STUCK_OCCUPIED -> "Motion sensor " + sensorId + " has said occupied since " + at + ", longer than "
                    + duration(threshold) + ", while another sensor saw activity elsewhere at "
                    + local(raisedAt, zone, raisedAt) + ": it looks stuck and cannot see movement";
            case BATTERY_LOW -> "Battery of " + sensorId + " low since " + at + " (below " + p.batteryLowBelow()
                    + " % or its own low flag; cleared from " + p.batteryOkFrom() + " %)";
            case TAMPERED -> "Tamper switch of " + sensorId + " open since " + at + ": the sensor was opened or moved";
        };
        return text + " (" + zone.getId() + ")";
    }

    /** For example {@code "can't see: hall-motion offline since 09:12, zigbee2mqtt-bridge bridge-down since 09:00"}. */
    static String cantSee(List<Episode> blinding, ZoneId zone, Instant reference) {
        return "can't see: " + blinding.stream()
                .map(e -> e.sensorId() + " " + e.problem().code() + " since " + local(e.since(), zone, reference))
                .collect(Collectors.joining(", "));
    }

    static String duration(Duration d) {
        return String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart());
    }

    private static String local(Instant t, ZoneId zone, Instant reference) {
        var wall = t.atZone(zone);
        return wall.toLocalDate().equals(reference.atZone(zone).toLocalDate()) ? TIME.format(wall)
                : DATE_TIME.format(wall);
    }
}
