package org.hearth.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * Decodes Zigbee2MQTT messages ({@code <prefix>/<friendly_name>} state and {@code <prefix>/<friendly_name>/availability})
 * into sensor events. Pure: no I/O, and the receive time is passed in because Zigbee2MQTT states carry no timestamp.
 *
 * <p>Conventions (design.md §2): {@code occupancy} true/false for motion; {@code contact} where <b>true means
 * closed</b>; {@code action} for buttons (an empty action is Zigbee2MQTT resetting the field, not a press);
 * availability as {@code {"state":"online"}} or the legacy plain {@code online}/{@code offline}.
 */
public final class Zigbee2MqttDecoder {
    /** No real sensor state comes near this; anything larger is garbage or an attack. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String prefix;
    private final Map<String, GatewayConfig.Sensor> sensorsByName;

    public Zigbee2MqttDecoder(String topicPrefix, List<GatewayConfig.Sensor> sensors) {
        this.prefix = topicPrefix.endsWith("/") ? topicPrefix : topicPrefix + "/";
        this.sensorsByName = sensors.stream().collect(Collectors.toUnmodifiableMap(GatewayConfig.Sensor::name, Function.identity()));
    }

    /** The subscription filter that covers every topic this decoder reads. */
    public String subscription() {
        return prefix + "#";
    }

    /** Decodes one message received at {@code receivedAt}. Never throws for any input. */
    public Decoded decode(String topic, byte[] payload, Instant receivedAt) {
        if (topic == null || !topic.startsWith(prefix)) {
            return new Decoded.Rejected(RejectReason.UNSUPPORTED_TOPIC);
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return new Decoded.Rejected(RejectReason.TOO_LARGE);
        }
        String rest = topic.substring(prefix.length());
        if (rest.startsWith("bridge/") || rest.equals("bridge")) {
            return new Decoded.Ignored("bridge topic");
        }
        String[] parts = rest.split("/", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            return new Decoded.Rejected(RejectReason.UNSUPPORTED_TOPIC);
        }
        if (parts.length == 2 && (parts[1].equals("set") || parts[1].equals("get"))) {
            return new Decoded.Ignored("command topic");
        }
        if (parts.length == 2 && !parts[1].equals("availability")) {
            return new Decoded.Rejected(RejectReason.UNSUPPORTED_TOPIC);
        }
        GatewayConfig.Sensor sensor = sensorsByName.get(parts[0]);
        if (sensor == null) {
            return new Decoded.Rejected(RejectReason.UNKNOWN_SENSOR);
        }
        if (parts.length == 2) {
            return availability(sensor, payload, receivedAt);
        }
        JsonNode state = parseObject(payload);
        if (state == null) {
            return new Decoded.Rejected(RejectReason.MALFORMED_JSON);
        }
        return state(sensor, state, receivedAt);
    }

    private static Decoded state(GatewayConfig.Sensor sensor, JsonNode state, Instant at) {
        List<SensorEvent> events = new ArrayList<>(1);
        switch (sensor.kind()) {
            case MOTION -> {
                JsonNode occupancy = state.get("occupancy");
                if (occupancy != null) {
                    if (!occupancy.isBoolean()) {
                        return new Decoded.Rejected(RejectReason.WRONG_TYPE);
                    }
                    events.add(new SensorEvent(sensor.id(), occupancy.booleanValue() ? EventKind.MOTION : EventKind.NO_MOTION, at, ""));
                }
            }
            case CONTACT -> {
                JsonNode contact = state.get("contact");
                if (contact != null) {
                    if (!contact.isBoolean()) {
                        return new Decoded.Rejected(RejectReason.WRONG_TYPE);
                    }
                    // Zigbee2MQTT: contact true means the magnet is near, i.e. the door is CLOSED.
                    events.add(new SensorEvent(sensor.id(), contact.booleanValue() ? EventKind.CONTACT_CLOSED : EventKind.CONTACT_OPEN, at, ""));
                }
            }
            case BUTTON -> {
                JsonNode action = state.get("action");
                if (action != null && !action.isNull()) {
                    if (!action.isTextual()) {
                        return new Decoded.Rejected(RejectReason.WRONG_TYPE);
                    }
                    String a = action.textValue();
                    if (!a.isEmpty()) {
                        if (a.length() > 32 || !a.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c))) {
                            return new Decoded.Rejected(RejectReason.WRONG_TYPE);
                        }
                        events.add(new SensorEvent(sensor.id(), EventKind.BUTTON, at, a));
                    }
                }
            }
        }
        return new Decoded.Accepted(events);
    }

    private static Decoded availability(GatewayConfig.Sensor sensor, byte[] payload, Instant at) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        String state;
        if (text.startsWith("{")) {
            JsonNode node = parseObject(payload);
            if (node == null) {
                return new Decoded.Rejected(RejectReason.MALFORMED_JSON);
            }
            JsonNode s = node.get("state");
            if (s == null || !s.isTextual()) {
                return new Decoded.Rejected(RejectReason.WRONG_TYPE);
            }
            state = s.textValue();
        } else {
            state = text;
        }
        return switch (state) {
            case "online" -> new Decoded.Accepted(List.of(new SensorEvent(sensor.id(), EventKind.SENSOR_ONLINE, at, "")));
            case "offline" -> new Decoded.Accepted(List.of(new SensorEvent(sensor.id(), EventKind.SENSOR_OFFLINE, at, "")));
            default -> new Decoded.Rejected(RejectReason.WRONG_TYPE);
        };
    }

    private static JsonNode parseObject(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
