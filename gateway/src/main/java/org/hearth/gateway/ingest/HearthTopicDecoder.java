package org.hearth.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.config.SensorKind;
import org.hearth.rules.fall.AccelBatch;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * Decodes the Hearth MQTT topics, version 1 (design.md §2, README "Sensor topics accepted"), for sensors with no
 * Zigbee2MQTT convention:
 * <ul>
 *   <li>{@code hearth/<home-id>/<sensor-name>/accel} from a {@link SensorKind#WEARABLE}:
 *       {@code {"v":1,"seq":<long>,"t":"<ISO-8601 instant of the first sample>","hz":<20..200>,"x":[g...],"y":[...],"z":[...]}},
 *       1 to {@code 2 s × hz} samples per axis, equal lengths, finite numbers in g;</li>
 *   <li>{@code hearth/<home-id>/<sensor-name>/event} from a {@link SensorKind#RADAR}:
 *       {@code {"v":1,"seq":<long>,"t":"<instant>","type":"fall"|"motion"|"presence"|"no_presence"}}; {@code fall}
 *       becomes {@link EventKind#RADAR_FALL}, {@code motion} and {@code presence} {@link EventKind#MOTION} (activity),
 *       {@code no_presence} {@link EventKind#NO_MOTION}.</li>
 * </ul>
 * {@code hearth/<home-id>/<leaf>} (one level: the gateway's own outputs, such as the escalation notice) is ignored.
 *
 * <p><b>Time policy.</b> Events and samples carry the sensor's own time {@code t}. A reading whose {@code t} is more
 * than {@link #MAX_AGE} (24 h) before or more than {@link #MAX_AHEAD} (5 min) after the gateway's receive time is
 * rejected as {@link RejectReason#STALE}: a day-old reading is of no use to a fall rule, and a sensor clock far ahead
 * would hold timers hostage.
 *
 * <p><b>Duplicates.</b> QoS 1 means at least once. The decoder remembers, per sensor, the last
 * {@value #SEEN_PER_SENSOR} {@code (seq, t)} pairs marked stored through {@link #markSeen}; a message with a pair
 * already remembered is {@link RejectReason#DUPLICATE}. Keying on {@code t} too means a sensor that restarts its
 * {@code seq} from 0 is not mistaken for a redelivery. The memory is bounded and lost on restart; the rules absorb
 * what gets through anyway (the wearable detector ignores samples it already has, the radar confirmer repeated fall
 * reports, the store alert identifiers it already has).
 *
 * <p>Pure apart from that memory (thread-safe): never throws for any input, never logs the payload.
 */
public final class HearthTopicDecoder {
    /** Topic root of the Hearth topics. */
    public static final String ROOT = "hearth/";
    /** The schema version this decoder reads. */
    public static final int VERSION = 1;
    /** Larger than any valid message (2 s at 200 Hz is 1,200 numbers). */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** Accepted sample rates, in Hz. */
    public static final double MIN_HZ = 20;
    public static final double MAX_HZ = 200;
    /** The longest batch accepted: at most {@code hz × 2} samples. */
    public static final Duration MAX_BATCH = Duration.ofSeconds(2);
    /** Readings older than this at receipt are stale. */
    public static final Duration MAX_AGE = Duration.ofHours(24);
    /** Readings timed further ahead of the gateway's clock than this are stale. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    /** How many stored {@code (seq, t)} pairs are remembered per sensor. */
    public static final int SEEN_PER_SENSOR = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String homeId;
    private final Map<String, GatewayConfig.Sensor> sensorsByName;
    private final Map<String, ArrayDeque<Key>> seen = new HashMap<>();

    private record Key(long seq, Instant t) {}

    /**
     * @param homeId  the home's id ({@code home.id}); the topic's must equal it
     * @param sensors the configured sensors; only wearable and radar ones are read here
     */
    public HearthTopicDecoder(String homeId, List<GatewayConfig.Sensor> sensors) {
        this.homeId = homeId;
        this.sensorsByName = sensors.stream()
                .filter(s -> s.kind() == SensorKind.WEARABLE || s.kind() == SensorKind.RADAR)
                .collect(Collectors.toUnmodifiableMap(GatewayConfig.Sensor::name, Function.identity()));
    }

    /** The subscription filter that covers every topic this decoder reads. */
    public String subscription() {
        return ROOT + homeId + "/#";
    }

    /** True if {@code topic} is under the Hearth root, so this decoder (not Zigbee2MQTT's) should read it. */
    public static boolean handles(String topic) {
        return topic != null && topic.startsWith(ROOT);
    }

    /** Decodes one message received at {@code receivedAt}. Never throws for any input. */
    public Decoded decode(String topic, byte[] payload, Instant receivedAt) {
        try {
            return decodeUnchecked(topic, payload, receivedAt);
        } catch (RuntimeException e) {
            // Defence in depth: every path above returns a reason; an unforeseen one is still malformed input.
            return new Decoded.Rejected(RejectReason.MALFORMED_JSON);
        }
    }

    /** Remembers that the message decoded as {@code d} is stored, so a redelivery of it is a duplicate. */
    public synchronized void markSeen(Decoded.Sequenced d) {
        ArrayDeque<Key> keys = seen.computeIfAbsent(d.sensorId(), k -> new ArrayDeque<>());
        Key key = new Key(d.seq(), d.sentAt());
        if (!keys.contains(key)) {
            keys.addLast(key);
            if (keys.size() > SEEN_PER_SENSOR) {
                keys.removeFirst();
            }
        }
    }

    /** Forgets a {@link #markSeen} whose message was not stored after all (its batch failed), so it is taken again. */
    public synchronized void unmarkSeen(Decoded.Sequenced d) {
        ArrayDeque<Key> keys = seen.get(d.sensorId());
        if (keys != null) {
            keys.remove(new Key(d.seq(), d.sentAt()));
        }
    }

    private synchronized boolean isSeen(String sensorId, long seq, Instant t) {
        ArrayDeque<Key> keys = seen.get(sensorId);
        return keys != null && keys.contains(new Key(seq, t));
    }

    private Decoded decodeUnchecked(String topic, byte[] payload, Instant receivedAt) {
        if (!handles(topic)) {
            return rejected(RejectReason.UNSUPPORTED_TOPIC);
        }
        if (payload == null || payload.length > MAX_PAYLOAD_BYTES) {
            return rejected(payload == null ? RejectReason.MALFORMED_JSON : RejectReason.TOO_LARGE);
        }
        String[] parts = topic.substring(ROOT.length()).split("/", -1);
        if (parts.length == 2 && parts[0].equals(homeId)) {
            // hearth/<home>/<leaf> is the gateway's own output (the escalation notice by default), never a sensor's
            return new Decoded.Ignored("gateway topic");
        }
        if (parts.length != 3 || !parts[0].equals(homeId)
                || !(parts[2].equals("accel") || parts[2].equals("event"))) {
            return rejected(RejectReason.UNSUPPORTED_TOPIC);
        }
        GatewayConfig.Sensor sensor = sensorsByName.get(parts[1]);
        if (sensor == null) {
            return rejected(RejectReason.UNKNOWN_SENSOR);
        }
        boolean accel = parts[2].equals("accel");
        if (accel != (sensor.kind() == SensorKind.WEARABLE)) {
            return rejected(RejectReason.UNSUPPORTED_TOPIC); // accel from a radar, or events from a wearable
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (java.io.IOException | RuntimeException e) {
            return rejected(RejectReason.MALFORMED_JSON);
        }
        if (root == null || !root.isObject()) {
            return rejected(RejectReason.MALFORMED_JSON);
        }
        JsonNode v = root.get("v");
        if (v == null || !v.isIntegralNumber()) {
            return rejected(RejectReason.WRONG_TYPE);
        }
        if (!v.canConvertToInt() || v.intValue() != VERSION) {
            return rejected(RejectReason.UNSUPPORTED_VERSION);
        }
        JsonNode seqNode = root.get("seq");
        if (seqNode == null || !seqNode.isIntegralNumber() || !seqNode.canConvertToLong() || seqNode.longValue() < 0) {
            return rejected(RejectReason.WRONG_TYPE);
        }
        long seq = seqNode.longValue();
        JsonNode tNode = root.get("t");
        if (tNode == null || !tNode.isTextual()) {
            return rejected(RejectReason.WRONG_TYPE);
        }
        Instant t;
        try {
            t = Instant.parse(tNode.textValue());
        } catch (DateTimeParseException e) {
            return rejected(RejectReason.WRONG_TYPE);
        }
        if (t.isBefore(receivedAt.minus(MAX_AGE)) || t.isAfter(receivedAt.plus(MAX_AHEAD))) {
            return rejected(RejectReason.STALE);
        }
        Decoded body = accel ? accel(sensor, root, seq, t) : event(sensor, root, seq, t);
        if (body instanceof Decoded.Sequenced && isSeen(sensor.id(), seq, t)) {
            return rejected(RejectReason.DUPLICATE);
        }
        return body;
    }

    private static Decoded accel(GatewayConfig.Sensor sensor, JsonNode root, long seq, Instant t) {
        JsonNode hzNode = root.get("hz");
        if (hzNode == null || !hzNode.isNumber()) {
            return rejected(RejectReason.WRONG_TYPE);
        }
        double hz = hzNode.doubleValue();
        if (!(hz >= MIN_HZ && hz <= MAX_HZ)) {
            return rejected(RejectReason.OUT_OF_RANGE);
        }
        int max = (int) Math.floor(hz * MAX_BATCH.toMillis() / 1000.0);
        float[][] axes = new float[3][];
        String[] names = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            JsonNode arr = root.get(names[a]);
            if (arr == null || !arr.isArray()) {
                return rejected(RejectReason.WRONG_TYPE);
            }
            if (arr.size() > max) {
                return rejected(RejectReason.TOO_LARGE);
            }
            float[] values = new float[arr.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode n = arr.get(i);
                if (n == null || !n.isNumber()) {
                    return rejected(RejectReason.WRONG_TYPE);
                }
                float f = (float) n.doubleValue();
                if (!Float.isFinite(f)) {
                    return rejected(RejectReason.WRONG_TYPE);
                }
                values[i] = f;
            }
            axes[a] = values;
        }
        if (axes[0].length == 0 || axes[0].length != axes[1].length || axes[0].length != axes[2].length) {
            return rejected(RejectReason.WRONG_TYPE);
        }
        AccelBatch batch = new AccelBatch(sensor.id(), t, hz, axes[0], axes[1], axes[2]);
        return new Decoded.Sequenced(sensor.id(), seq, t, List.of(), batch);
    }

    private static Decoded event(GatewayConfig.Sensor sensor, JsonNode root, long seq, Instant t) {
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            return rejected(RejectReason.WRONG_TYPE);
        }
        EventKind kind = switch (type.textValue()) {
            case "fall" -> EventKind.RADAR_FALL;
            case "motion", "presence" -> EventKind.MOTION;
            case "no_presence" -> EventKind.NO_MOTION;
            default -> null;
        };
        if (kind == null) {
            return rejected(RejectReason.WRONG_TYPE);
        }
        return new Decoded.Sequenced(sensor.id(), seq, t, List.of(new SensorEvent(sensor.id(), kind, t, "")), null);
    }

    private static Decoded rejected(RejectReason reason) {
        return new Decoded.Rejected(reason);
    }
}
