package org.hearth.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.config.SensorKind;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * Decodes Zigbee2MQTT messages ({@code <prefix>/<friendly_name>} state, {@code <prefix>/<friendly_name>/availability},
 * {@code <prefix>/bridge/state} and {@code <prefix>/bridge/devices}) into sensor events. No I/O, and the receive time
 * is passed in because Zigbee2MQTT states carry no timestamp. Its only memory is whether each plug's appliance is on
 * ({@link ApplianceEdges}).
 *
 * <p>Conventions (design.md §2), by the configured sensor's kind:
 * <ul>
 *   <li>motion: {@code occupancy} true/false: {@code MOTION}/{@code NO_MOTION};</li>
 *   <li>contact: {@code contact}, where <b>true means closed</b>;</li>
 *   <li>button: {@code action} (an empty action is Zigbee2MQTT resetting the field, not a press);</li>
 *   <li>mat (bed, chair): {@code occupancy} or {@code presence}: {@code OCCUPIED}/{@code VACATED};</li>
 *   <li>plug: {@code power} (W, 0 to 100,000) and {@code state} {@code ON}/{@code OFF}: {@code APPLIANCE_ON} when the
 *       draw crosses {@value ApplianceEdges#ON_WATTS} W (or the relay of a plug without metering turns on),
 *       {@code APPLIANCE_OFF} when it falls below {@value ApplianceEdges#OFF_WATTS} W or the relay turns off;</li>
 *   <li>radar: {@code presence} (or {@code occupancy}) as motion, and a fall where the radar exposes one
 *       ({@code fall}, {@code fall_detected}, {@code fall_down_status}, {@code fall_status}: true, or a text such as
 *       {@code "fall"}) as {@code RADAR_FALL};</li>
 *   <li>every kind: the health fields of {@link Zigbee2MqttHealthFields}. A message that says nothing else still proves
 *       the sensor alive: {@code HEARTBEAT}.</li>
 * </ul>
 * JSON {@code null} is absent. A main field of the wrong type rejects the message; a bad health field is rejected on
 * its own ({@link Decoded.Accepted#fieldRejections()}). Availability is {@code {"state":"online"}} or the legacy plain
 * {@code online}/{@code offline}; the bridge's topics are read by {@link Zigbee2MqttBridge}.
 */
public final class Zigbee2MqttDecoder {
    /** No real sensor state comes near this; anything larger is garbage or an attack. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;
    /** Above any household circuit (a UK ring main gives about 7 kW). */
    static final double MAX_WATTS = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FALL_FIELDS = Set.of("fall", "fall_detected", "fall_down_status", "fall_status");
    private static final Set<String> FALL_WORDS = Set.of("fall", "fallen", "fall_detected", "falling", "detected",
            "fall_down", "alarm");
    private static final Set<String> NO_FALL_WORDS = Set.of("none", "normal", "no_fall", "clear", "cleared", "idle",
            "");
    private final String prefix;
    private final Map<String, GatewayConfig.Sensor> sensorsByName;
    private final Set<String> radarIds;
    private final ApplianceEdges appliances = new ApplianceEdges();

    public Zigbee2MqttDecoder(String topicPrefix, List<GatewayConfig.Sensor> sensors) {
        this.prefix = topicPrefix.endsWith("/") ? topicPrefix : topicPrefix + "/";
        this.sensorsByName = sensors.stream().collect(Collectors.toUnmodifiableMap(GatewayConfig.Sensor::name, Function.identity()));
        this.radarIds = sensors.stream().filter(s -> s.kind() == SensorKind.RADAR).map(GatewayConfig.Sensor::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The subscription filter that covers every topic this decoder reads. */
    public String subscription() {
        return prefix + "#";
    }

    /** The ids of every configured sensor (the sensors whose health is watched). */
    public List<String> sensorIds() {
        return sensorsByName.values().stream().map(GatewayConfig.Sensor::id).sorted().toList();
    }

    /** The ids of the configured radars: presence sensors, whose long "occupied" spells are normal. */
    public java.util.Set<String> radarIds() {
        return radarIds;
    }

    /** Whether the sensor is a radar, whose events also go through the radar fall confirmer. */
    public boolean isRadar(String sensorId) {
        return radarIds.contains(sensorId);
    }

    /** Decodes one message received at {@code receivedAt}. Never throws for any input. */
    public Decoded decode(String topic, byte[] payload, Instant receivedAt) {
        if (topic == null || !topic.startsWith(prefix)) {
            return new Decoded.Rejected(RejectReason.UNSUPPORTED_TOPIC);
        }
        String rest = topic.substring(prefix.length());
        if (rest.equals("bridge/devices")) {
            return payload.length > Zigbee2MqttBridge.MAX_DEVICES_BYTES ? new Decoded.Rejected(RejectReason.TOO_LARGE)
                    : Zigbee2MqttBridge.devices(parse(payload), sensorsByName, receivedAt);
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return new Decoded.Rejected(RejectReason.TOO_LARGE);
        }
        if (rest.equals("bridge/state")) {
            return Zigbee2MqttBridge.state(payload, receivedAt);
        }
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
        JsonNode state = parse(payload);
        if (state == null || !state.isObject()) {
            return new Decoded.Rejected(RejectReason.MALFORMED_JSON);
        }
        return state(sensor, state, receivedAt);
    }

    private Decoded state(GatewayConfig.Sensor sensor, JsonNode state, Instant at) {
        List<SensorEvent> events = new ArrayList<>(2);
        List<RejectReason> rejections = new ArrayList<>(0);
        RejectReason wrong = switch (sensor.kind()) {
            case MOTION -> binary(sensor, state, "occupancy", EventKind.MOTION, EventKind.NO_MOTION, at, events);
            case CONTACT -> binary(sensor, state, "contact", EventKind.CONTACT_CLOSED, EventKind.CONTACT_OPEN, at, events);
            case BUTTON -> button(sensor, state, at, events);
            case MAT -> binary(sensor, state, field(state, "occupancy", "presence"), EventKind.OCCUPIED,
                    EventKind.VACATED, at, events);
            case PLUG -> plug(sensor, state, at, events);
            case RADAR -> radar(sensor, state, at, events);
            case WEARABLE -> null;
        };
        if (wrong != null) {
            return new Decoded.Rejected(wrong);
        }
        Zigbee2MqttHealthFields.read(sensor.id(), state, at, events, rejections);
        if (events.isEmpty()) {
            events.add(new SensorEvent(sensor.id(), EventKind.HEARTBEAT, at, "")); // only proves it is alive
        }
        return new Decoded.Accepted(events, rejections);
    }

    /** The first of the fields the state has (not null), else the first. */
    private static String field(JsonNode state, String first, String second) {
        return Zigbee2MqttHealthFields.present(state, first) == null
                && Zigbee2MqttHealthFields.present(state, second) != null ? second : first;
    }

    private static RejectReason binary(GatewayConfig.Sensor sensor, JsonNode state, String field, EventKind ifTrue,
            EventKind ifFalse, Instant at, List<SensorEvent> events) {
        JsonNode value = Zigbee2MqttHealthFields.present(state, field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            return RejectReason.WRONG_TYPE;
        }
        events.add(new SensorEvent(sensor.id(), value.booleanValue() ? ifTrue : ifFalse, at, ""));
        return null;
    }

    private static RejectReason button(GatewayConfig.Sensor sensor, JsonNode state, Instant at,
            List<SensorEvent> events) {
        JsonNode action = Zigbee2MqttHealthFields.present(state, "action");
        if (action == null) {
            return null;
        }
        if (!action.isTextual()) {
            return RejectReason.WRONG_TYPE;
        }
        String a = action.textValue();
        if (a.isEmpty()) {
            return null;
        }
        if (a.length() > 32 || !a.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c))) {
            return RejectReason.WRONG_TYPE;
        }
        events.add(new SensorEvent(sensor.id(), EventKind.BUTTON, at, a));
        return null;
    }

    private RejectReason plug(GatewayConfig.Sensor sensor, JsonNode state, Instant at, List<SensorEvent> events) {
        JsonNode power = Zigbee2MqttHealthFields.present(state, "power");
        JsonNode relay = Zigbee2MqttHealthFields.present(state, "state");
        if ((power != null && !power.isNumber()) || (relay != null && !relay.isTextual())) {
            return RejectReason.WRONG_TYPE;
        }
        if (power != null && !(power.doubleValue() >= 0 && power.doubleValue() <= MAX_WATTS)) {
            return RejectReason.OUT_OF_RANGE;
        }
        Boolean relayOn = null;
        if (relay != null) {
            switch (relay.textValue()) {
                case "ON" -> relayOn = true;
                case "OFF" -> relayOn = false;
                default -> {
                    return RejectReason.WRONG_TYPE;
                }
            }
        }
        Boolean edge = appliances.edge(sensor.id(), power == null ? null : power.doubleValue(), relayOn);
        if (edge != null) {
            events.add(new SensorEvent(sensor.id(), edge ? EventKind.APPLIANCE_ON : EventKind.APPLIANCE_OFF, at, ""));
        }
        return null;
    }

    private static RejectReason radar(GatewayConfig.Sensor sensor, JsonNode state, Instant at,
            List<SensorEvent> events) {
        RejectReason wrong = binary(sensor, state, field(state, "presence", "occupancy"), EventKind.MOTION,
                EventKind.NO_MOTION, at, events);
        if (wrong != null) {
            return wrong;
        }
        for (String f : FALL_FIELDS.stream().sorted().toList()) {
            JsonNode fall = Zigbee2MqttHealthFields.present(state, f);
            if (fall == null) {
                continue;
            }
            boolean fell;
            if (fall.isBoolean()) {
                fell = fall.booleanValue();
            } else if (fall.isTextual() && FALL_WORDS.contains(fall.textValue())) {
                fell = true;
            } else if (fall.isTextual() && NO_FALL_WORDS.contains(fall.textValue())) {
                fell = false;
            } else {
                return RejectReason.WRONG_TYPE;
            }
            if (fell) {
                events.add(new SensorEvent(sensor.id(), EventKind.RADAR_FALL, at, ""));
                break; // one fall, however many fields say so
            }
        }
        return null;
    }

    private static Decoded availability(GatewayConfig.Sensor sensor, byte[] payload, Instant at) {
        String state = Zigbee2MqttAvailability.stateOf(payload);
        if (state == null) {
            return new Decoded.Rejected(RejectReason.MALFORMED_JSON);
        }
        return switch (state) {
            case "online" -> new Decoded.Accepted(List.of(new SensorEvent(sensor.id(), EventKind.SENSOR_ONLINE, at, "")));
            case "offline" -> new Decoded.Accepted(List.of(new SensorEvent(sensor.id(), EventKind.SENSOR_OFFLINE, at, "")));
            default -> new Decoded.Rejected(RejectReason.WRONG_TYPE);
        };
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
