package org.hearth.gateway.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.config.SensorKind;

/**
 * Decodes the Hearth MQTT topics, version 1 (design.md §2, README "Sensor topics accepted"), for sensors with no
 * Zigbee2MQTT convention: {@code hearth/<home-id>/<sensor-name>/accel} from a {@link SensorKind#WEARABLE} and
 * {@code hearth/<home-id>/<sensor-name>/event} from a {@link SensorKind#RADAR}. The topic names the sensor; the body is
 * read by the transport-neutral {@link HearthReadingDecoder} (shared with CoAP), whose time policy is
 * {@link ReadingTime}. {@code hearth/<home-id>/<leaf>} (one level: the gateway's own outputs, such as the escalation
 * notice) is ignored.
 *
 * <p><b>Duplicates.</b> QoS 1 means at least once. A message whose {@code (seq, t)} is in the {@link SeenSequences}
 * (shared with the other transports; marked through {@link #markSeen} once stored) is {@link RejectReason#DUPLICATE}.
 *
 * <p>Pure apart from that memory (thread-safe): never throws for any input, never logs the payload.
 */
public final class HearthTopicDecoder {
    /** Topic root of the Hearth topics. */
    public static final String ROOT = "hearth/";
    /** The schema version this decoder reads. */
    public static final int VERSION = HearthReadingDecoder.VERSION;
    /** Larger than any valid message (2 s at 200 Hz is 1,200 numbers). */
    public static final int MAX_PAYLOAD_BYTES = HearthReadingDecoder.MAX_PAYLOAD_BYTES;
    /** Accepted sample rates, in Hz. */
    public static final double MIN_HZ = HearthReadingDecoder.MIN_HZ;
    public static final double MAX_HZ = HearthReadingDecoder.MAX_HZ;
    /** The longest batch accepted: at most {@code hz × 2} samples. */
    public static final Duration MAX_BATCH = HearthReadingDecoder.MAX_BATCH;
    /** Readings older than this at receipt are stale. */
    public static final Duration MAX_AGE = ReadingTime.MAX_AGE;
    /** Readings timed further ahead of the gateway's clock than this are from the future. */
    public static final Duration MAX_AHEAD = ReadingTime.MAX_AHEAD;
    /** How many stored {@code (seq, t)} pairs are remembered per sensor. */
    public static final int SEEN_PER_SENSOR = SeenSequences.PER_SENSOR;

    private final String homeId;
    private final Map<String, GatewayConfig.Sensor> sensorsByName;
    private final HearthReadingDecoder readings;
    private final SeenSequences seen;

    /**
     * @param homeId  the home's id ({@code home.id}); the topic's must equal it
     * @param sensors the configured sensors; only wearable and radar ones are read here
     */
    public HearthTopicDecoder(String homeId, List<GatewayConfig.Sensor> sensors) {
        this(homeId, sensors, new SeenSequences());
    }

    /** As the other constructor, remembering stored readings in {@code seen} (shared with the other transports). */
    public HearthTopicDecoder(String homeId, List<GatewayConfig.Sensor> sensors, SeenSequences seen) {
        this.homeId = homeId;
        this.sensorsByName = sensors.stream()
                .filter(HearthReadingDecoder::sendsReadings)
                .collect(Collectors.toUnmodifiableMap(GatewayConfig.Sensor::name, Function.identity()));
        this.readings = new HearthReadingDecoder(sensors);
        this.seen = seen;
    }

    /** The transport-neutral reading decoder this one delegates to (CoAP uses it directly). */
    public HearthReadingDecoder readings() {
        return readings;
    }

    /** The readings already stored, shared with the other transports. */
    public SeenSequences seen() {
        return seen;
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
    public void markSeen(Decoded.Sequenced d) {
        seen.mark(d);
    }

    /** Forgets a {@link #markSeen} whose message was not stored after all (its batch failed), so it is taken again. */
    public void unmarkSeen(Decoded.Sequenced d) {
        seen.unmark(d);
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
        Decoded body = readings.decode(sensor, payload, receivedAt);
        if (body instanceof Decoded.Sequenced s && seen.contains(s)) {
            return rejected(RejectReason.DUPLICATE);
        }
        return body;
    }

    private static Decoded rejected(RejectReason reason) {
        return new Decoded.Rejected(reason);
    }
}
