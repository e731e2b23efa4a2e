package org.hearth.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.rules.health.SensorHealthDetector;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * Reads Zigbee2MQTT's own topics that matter to Hearth:
 * <ul>
 *   <li>{@code bridge/state}: retained, and the bridge's MQTT last will: {@code {"state":"online"|"offline"}} or the
 *       legacy plain {@code online}/{@code offline}. Offline means the whole radio network is gone:
 *       {@link EventKind#BRIDGE_OFFLINE} (sensor id {@value SensorHealthDetector#BRIDGE_ID}).</li>
 *   <li>{@code bridge/devices}: retained JSON array of every paired device; each configured sensor's
 *       {@code power_source} ("Battery", or "Mains (single phase)", "Mains (3 phase)", "DC Source", ...) becomes a
 *       {@link EventKind#POWER_SOURCE} event ({@code battery} or {@code mains}), matched by {@code friendly_name}.
 *       Devices not configured, and entries without a power source (the coordinator), are skipped.</li>
 * </ul>
 */
final class Zigbee2MqttBridge {
    /** A real network's device list (with its exposes) runs to hundreds of KiB; this bounds it. */
    static final int MAX_DEVICES_BYTES = 4 * 1024 * 1024;

    private Zigbee2MqttBridge() {}

    static Decoded state(byte[] payload, Instant at) {
        String state = Zigbee2MqttAvailability.stateOf(payload);
        if (state == null) {
            return new Decoded.Rejected(RejectReason.MALFORMED_JSON);
        }
        return switch (state) {
            case "online" -> event(EventKind.BRIDGE_ONLINE, at);
            case "offline" -> event(EventKind.BRIDGE_OFFLINE, at);
            default -> new Decoded.Rejected(RejectReason.WRONG_TYPE);
        };
    }

    static Decoded devices(JsonNode list, Map<String, GatewayConfig.Sensor> sensorsByName, Instant at) {
        if (list == null || !list.isArray()) {
            return new Decoded.Rejected(RejectReason.MALFORMED_JSON);
        }
        List<SensorEvent> events = new ArrayList<>();
        for (JsonNode device : list) {
            JsonNode name = device.get("friendly_name");
            JsonNode power = device.get("power_source");
            if (name == null || !name.isTextual() || power == null || !power.isTextual()) {
                continue;
            }
            GatewayConfig.Sensor sensor = sensorsByName.get(name.textValue());
            if (sensor != null) {
                String source = power.textValue().toLowerCase(Locale.ROOT).startsWith("battery") ? "battery" : "mains";
                events.add(new SensorEvent(sensor.id(), EventKind.POWER_SOURCE, at, source));
            }
        }
        return new Decoded.Accepted(events);
    }

    private static Decoded event(EventKind kind, Instant at) {
        return new Decoded.Accepted(List.of(new SensorEvent(SensorHealthDetector.BRIDGE_ID, kind, at, "")));
    }
}
