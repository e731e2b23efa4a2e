package org.hearth.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.config.SensorKind;
import org.hearth.rules.fall.AccelBatch;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * Decodes one Hearth reading, schema version 1, whatever carried it (the MQTT {@code hearth/...} topics through
 * {@link HearthTopicDecoder}, CoAP {@code POST /sensors/{id}} and Observe notifications). The sensor's kind says which
 * body it sends:
 * <ul>
 *   <li>a {@link SensorKind#WEARABLE} sends an accelerometer batch:
 *       {@code {"v":1,"seq":<long>,"t":"<ISO-8601 instant of the first sample>","hz":<20..200>,"x":[g...],"y":[...],"z":[...]}},
 *       1 to {@code 2 s × hz} samples per axis, equal lengths, finite numbers in g;</li>
 *   <li>a {@link SensorKind#RADAR} sends an event:
 *       {@code {"v":1,"seq":<long>,"t":"<instant>","type":"fall"|"motion"|"presence"|"no_presence"}}; {@code fall}
 *       becomes {@link EventKind#RADAR_FALL}, {@code motion} and {@code presence} {@link EventKind#MOTION},
 *       {@code no_presence} {@link EventKind#NO_MOTION}.</li>
 * </ul>
 * Timestamps follow {@link ReadingTime}. Duplicates are not this class's business ({@link SeenSequences}).
 *
 * <p>Pure and thread-safe: never throws for any input, never logs the payload.
 */
public final class HearthReadingDecoder {
    /** The schema version this decoder reads. */
    public static final int VERSION = 1;
    /** Larger than any valid message (2 s at 200 Hz is 1,200 numbers). */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** Accepted sample rates, in Hz. */
    public static final double MIN_HZ = 20;
    public static final double MAX_HZ = 200;
    /** The longest batch accepted: at most {@code hz × 2} samples. */
    public static final Duration MAX_BATCH = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, GatewayConfig.Sensor> sensorsById;

    /** @param sensors the configured sensors; only wearable and radar ones send Hearth readings */
    public HearthReadingDecoder(List<GatewayConfig.Sensor> sensors) {
        this.sensorsById = sensors.stream()
                .filter(HearthReadingDecoder::sendsReadings)
                .collect(Collectors.toUnmodifiableMap(GatewayConfig.Sensor::id, Function.identity()));
    }

    /** True if sensors of this kind send Hearth readings (wearables and radars). */
    public static boolean sendsReadings(GatewayConfig.Sensor sensor) {
        return sensor.kind() == SensorKind.WEARABLE || sensor.kind() == SensorKind.RADAR;
    }

    /** The configured sensor with this id that sends Hearth readings, if any. */
    public Optional<GatewayConfig.Sensor> sensor(String sensorId) {
        return Optional.ofNullable(sensorId == null ? null : sensorsById.get(sensorId));
    }

    /**
     * Decodes a reading from the sensor with id {@code sensorId}, received at {@code receivedAt}.
     *
     * @return {@link Decoded.Sequenced} or {@link Decoded.Rejected} ({@link RejectReason#UNKNOWN_SENSOR} for an id that
     *     is not a configured wearable or radar); never throws
     */
    public Decoded decode(String sensorId, byte[] payload, Instant receivedAt) {
        Optional<GatewayConfig.Sensor> sensor = sensor(sensorId);
        if (sensor.isEmpty()) {
            return rejected(RejectReason.UNKNOWN_SENSOR);
        }
        return decode(sensor.get(), payload, receivedAt);
    }

    /** Decodes a reading from {@code sensor} (a wearable or radar). Never throws. */
    public Decoded decode(GatewayConfig.Sensor sensor, byte[] payload, Instant receivedAt) {
        try {
            return decodeUnchecked(sensor, payload, receivedAt);
        } catch (RuntimeException e) {
            // Defence in depth: every path returns a reason; an unforeseen one is still malformed input.
            return rejected(RejectReason.MALFORMED_JSON);
        }
    }

    private Decoded decodeUnchecked(GatewayConfig.Sensor sensor, byte[] payload, Instant receivedAt) {
        if (payload == null || payload.length > MAX_PAYLOAD_BYTES) {
            return rejected(payload == null ? RejectReason.MALFORMED_JSON : RejectReason.TOO_LARGE);
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
        Optional<RejectReason> insane = ReadingTime.check(t, receivedAt);
        if (insane.isPresent()) {
            return rejected(insane.get());
        }
        return sensor.kind() == SensorKind.WEARABLE ? accel(sensor, root, seq, t) : event(sensor, root, seq, t);
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
