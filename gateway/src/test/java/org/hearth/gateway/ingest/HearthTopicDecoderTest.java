package org.hearth.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.gateway.testing.Seeded;
import org.hearth.rules.fall.AccelBatch;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte-level tests of the Hearth topics v1. */
class HearthTopicDecoderTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-28T10:02:00Z");
    private static final Instant T = Instant.parse("2026-03-28T10:01:59.500Z");
    private static final String ACCEL = "hearth/home-1/pendant_accel/accel";
    private static final String EVENT = "hearth/home-1/lounge_radar/event";

    private final HearthTopicDecoder decoder = new HearthTopicDecoder("home-1", List.of(
            new Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
            new Sensor("pendant-accel", "pendant_accel", SensorKind.WEARABLE, "worn"),
            new Sensor("radar", "lounge_radar", SensorKind.RADAR, "lounge")));

    @Test
    void subscribesToTheHomesHearthTopics() {
        assertThat(decoder.subscription()).isEqualTo("hearth/home-1/#");
    }

    @Test
    void readsAnAccelerometerBatch() {
        Decoded d = decode(ACCEL, accel(7, T, 50, "[0.1,0.2]", "[-1.0,-0.98]", "[0.0,0.01]"));

        assertThat(d).isInstanceOf(Decoded.Sequenced.class);
        Decoded.Sequenced s = (Decoded.Sequenced) d;
        assertThat(s.sensorId()).isEqualTo("pendant-accel");
        assertThat(s.seq()).isEqualTo(7);
        assertThat(s.events()).isEmpty();
        assertThat(s.batch()).isEqualTo(new AccelBatch("pendant-accel", T, 50, new float[] {0.1f, 0.2f},
                new float[] {-1.0f, -0.98f}, new float[] {0.0f, 0.01f}));
    }

    @Test
    void readsRadarEvents() {
        assertThat(events(decode(EVENT, event(1, T, "fall")))).containsExactly(
                new SensorEvent("radar", EventKind.RADAR_FALL, T, ""));
        assertThat(events(decode(EVENT, event(2, T, "motion")))).containsExactly(
                new SensorEvent("radar", EventKind.MOTION, T, ""));
        assertThat(events(decode(EVENT, event(3, T, "presence")))).containsExactly(
                new SensorEvent("radar", EventKind.MOTION, T, ""));
        assertThat(events(decode(EVENT, event(4, T, "no_presence")))).containsExactly(
                new SensorEvent("radar", EventKind.NO_MOTION, T, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "null", "42", "\"x\"", "{\"v\":1,", ""})
    void rejectsMalformedJson(String payload) {
        assertThat(decode(EVENT, payload)).isEqualTo(new Decoded.Rejected(RejectReason.MALFORMED_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"seq\":1,\"t\":\"2026-03-28T10:01:59.500Z\",\"type\":\"fall\"}",
        "{\"v\":\"1\",\"seq\":1,\"t\":\"2026-03-28T10:01:59.500Z\",\"type\":\"fall\"}",
        "{\"v\":1,\"seq\":\"1\",\"t\":\"2026-03-28T10:01:59.500Z\",\"type\":\"fall\"}",
        "{\"v\":1,\"seq\":-1,\"t\":\"2026-03-28T10:01:59.500Z\",\"type\":\"fall\"}",
        "{\"v\":1,\"seq\":1.5,\"t\":\"2026-03-28T10:01:59.500Z\",\"type\":\"fall\"}",
        "{\"v\":1,\"seq\":1,\"t\":12345,\"type\":\"fall\"}",
        "{\"v\":1,\"seq\":1,\"t\":\"yesterday\",\"type\":\"fall\"}",
        "{\"v\":1,\"seq\":1,\"t\":\"2026-03-28T10:01:59.500Z\",\"type\":true}",
        "{\"v\":1,\"seq\":1,\"t\":\"2026-03-28T10:01:59.500Z\",\"type\":\"explode\"}",
        "{\"v\":1,\"seq\":1,\"t\":\"2026-03-28T10:01:59.500Z\"}"})
    void rejectsWrongTypesInEvents(String payload) {
        assertThat(decode(EVENT, payload)).isEqualTo(new Decoded.Rejected(RejectReason.WRONG_TYPE));
    }

    @Test
    void rejectsWrongTypesAndShapesInBatches() {
        assertThat(decode(ACCEL, accel(1, T, 50, "[0.1,\"a\"]", "[1,1]", "[0,0]"))).isEqualTo(rejected(RejectReason.WRONG_TYPE));
        assertThat(decode(ACCEL, accel(1, T, 50, "0.1", "[1]", "[0]"))).isEqualTo(rejected(RejectReason.WRONG_TYPE));
        assertThat(decode(ACCEL, accel(1, T, 50, "[0.1,0.2]", "[1]", "[0,0]"))).isEqualTo(rejected(RejectReason.WRONG_TYPE));
        assertThat(decode(ACCEL, accel(1, T, 50, "[]", "[]", "[]"))).isEqualTo(rejected(RejectReason.WRONG_TYPE));
        assertThat(decode(ACCEL, accel(1, T, 50, "[1e999]", "[1]", "[0]"))).isEqualTo(rejected(RejectReason.WRONG_TYPE));
        assertThat(decode(ACCEL, "{\"v\":1,\"seq\":1,\"t\":\"" + T + "\",\"hz\":\"50\",\"x\":[1],\"y\":[1],\"z\":[1]}"))
                .isEqualTo(rejected(RejectReason.WRONG_TYPE));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 19.9, 200.1, 1000, -50})
    void rejectsSampleRatesOutOfRange(double hz) {
        assertThat(decode(ACCEL, accel(1, T, hz, "[1]", "[0]", "[0]"))).isEqualTo(rejected(RejectReason.OUT_OF_RANGE));
    }

    @Test
    void rejectsBatchesLongerThanTwoSecondsAndOversizedPayloads() {
        assertThat(decode(ACCEL, accel(1, T, 20, samples(40), samples(40), samples(40)))).isInstanceOf(Decoded.Sequenced.class);
        assertThat(decode(ACCEL, accel(1, T, 20, samples(41), samples(41), samples(41)))).isEqualTo(rejected(RejectReason.TOO_LARGE));
        byte[] huge = new byte[HearthTopicDecoder.MAX_PAYLOAD_BYTES + 1];
        assertThat(decoder.decode(ACCEL, huge, RECEIVED)).isEqualTo(rejected(RejectReason.TOO_LARGE));
    }

    @Test
    void rejectsStaleAndFutureTimestamps() {
        assertThat(decode(EVENT, event(1, RECEIVED.minusSeconds(24 * 3600 + 1), "fall"))).isEqualTo(rejected(RejectReason.STALE));
        assertThat(decode(EVENT, event(1, RECEIVED.minusSeconds(24 * 3600 - 1), "fall"))).isInstanceOf(Decoded.Sequenced.class);
        assertThat(decode(EVENT, event(1, RECEIVED.plusSeconds(301), "fall"))).isEqualTo(rejected(RejectReason.FUTURE));
        assertThat(decode(EVENT, event(1, RECEIVED.plusSeconds(299), "fall"))).isInstanceOf(Decoded.Sequenced.class);
    }

    @Test
    void rejectsAnUnsupportedVersion() {
        assertThat(decode(EVENT, "{\"v\":2,\"seq\":1,\"t\":\"" + T + "\",\"type\":\"fall\"}"))
                .isEqualTo(rejected(RejectReason.UNSUPPORTED_VERSION));
    }

    @Test
    void aRedeliveryOfAStoredMessageIsADuplicateButAnUnstoredOneIsNot() {
        String payload = event(5, T, "fall");
        Decoded first = decode(EVENT, payload);
        assertThat(decode(EVENT, payload)).isEqualTo(first); // not marked stored yet: storing may have failed
        decoder.markSeen((Decoded.Sequenced) first);

        assertThat(decode(EVENT, payload)).isEqualTo(rejected(RejectReason.DUPLICATE));
        assertThat(decode(EVENT, event(6, T, "fall"))).isInstanceOf(Decoded.Sequenced.class);
        // a sensor that restarted its numbering sends seq 5 again with another time: not a duplicate
        assertThat(decode(EVENT, event(5, T.plusSeconds(1), "fall"))).isInstanceOf(Decoded.Sequenced.class);
    }

    @Test
    void theDuplicateMemoryIsBoundedPerSensor() {
        for (int i = 0; i <= HearthTopicDecoder.SEEN_PER_SENSOR; i++) {
            decoder.markSeen((Decoded.Sequenced) decode(EVENT, event(i, T, "motion")));
        }
        assertThat(decode(EVENT, event(0, T, "motion"))).isInstanceOf(Decoded.Sequenced.class); // forgotten
        assertThat(decode(EVENT, event(1, T, "motion"))).isEqualTo(rejected(RejectReason.DUPLICATE));
    }

    @Test
    void rejectsOtherHomesUnknownSensorsAndWrongTopicShapes() {
        String ok = event(1, T, "fall");
        assertThat(decode("hearth/home-2/lounge_radar/event", ok)).isEqualTo(rejected(RejectReason.UNSUPPORTED_TOPIC));
        assertThat(decode("hearth/home-1/kitchen_radar/event", ok)).isEqualTo(rejected(RejectReason.UNKNOWN_SENSOR));
        assertThat(decode("hearth/home-1/hall_motion/event", ok)).isEqualTo(rejected(RejectReason.UNKNOWN_SENSOR));
        assertThat(decode("hearth/home-1/lounge_radar/status", ok)).isEqualTo(rejected(RejectReason.UNSUPPORTED_TOPIC));
        assertThat(decode("hearth/home-1/lounge_radar/event/x", ok)).isEqualTo(rejected(RejectReason.UNSUPPORTED_TOPIC));
        assertThat(decode("hearth/home-1/lounge_radar/event/x", ok)).isEqualTo(rejected(RejectReason.UNSUPPORTED_TOPIC));
        assertThat(decode("hearth/home-1/lounge_radar/accel", accel(1, T, 50, "[1]", "[0]", "[0]")))
                .isEqualTo(rejected(RejectReason.UNSUPPORTED_TOPIC));
        assertThat(decode("zigbee2mqtt/lounge_radar", ok)).isEqualTo(rejected(RejectReason.UNSUPPORTED_TOPIC));
    }

    @Test
    void ignoresTheGatewaysOwnTopicsSuchAsTheEscalationNotice() {
        assertThat(decode("hearth/home-1/escalation", "{\"alert\":\"x\"}")).isInstanceOf(Decoded.Ignored.class);
    }

    @Test
    void neverThrowsOnArbitraryBytesOrTopics() {
        String[] topics = {ACCEL, EVENT, "hearth/home-1/", "hearth/", "hearth/home-1/pendant_accel/accel/", "x", null};
        String[] fragments = {"{", "}", "[", "]", ",", ":", "\"v\"", "1", "\"seq\"", "-3", "\"t\"", "\"" + T + "\"",
            "\"hz\"", "50", "\"x\"", "\"y\"", "\"z\"", "1e400", "null", "true", "\"fall\"", "\"type\"", "0.5", "\u00e9"};
        Seeded.forAll(2_000, 20260328L, r -> {
            String topic = topics[r.nextInt(topics.length)];
            byte[] payload = r.nextBoolean() ? randomBytes(r) : randomJsonish(r, fragments);
            Decoded d = decoder.decode(topic, payload, RECEIVED);
            assertThat(d).isNotNull();
            if (d instanceof Decoded.Sequenced s) {
                decoder.markSeen(s);
            }
        });
    }

    private static byte[] randomBytes(SplittableRandom r) {
        byte[] b = new byte[r.nextInt(200)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] randomJsonish(SplittableRandom r, String[] fragments) {
        if (r.nextInt(4) == 0) { // a valid message with one value swapped for a random fragment
            String[] fields = {"1", "2", "\"" + T + "\"", "50", "[1,2]", "[1,2]", "[1,2]"};
            fields[r.nextInt(fields.length)] = fragments[r.nextInt(fragments.length)];
            return String.format(Locale.ROOT, "{\"v\":%s,\"seq\":%s,\"t\":%s,\"hz\":%s,\"x\":%s,\"y\":%s,\"z\":%s,\"type\":\"fall\"}",
                    (Object[]) fields).getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append(fragments[r.nextInt(fragments.length)]);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String samples(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("0.5");
        }
        return sb.append(']').toString();
    }

    private static String accel(long seq, Instant t, double hz, String x, String y, String z) {
        return "{\"v\":1,\"seq\":" + seq + ",\"t\":\"" + t + "\",\"hz\":" + hz + ",\"x\":" + x + ",\"y\":" + y + ",\"z\":" + z + "}";
    }

    private static String event(long seq, Instant t, String type) {
        return "{\"v\":1,\"seq\":" + seq + ",\"t\":\"" + t + "\",\"type\":\"" + type + "\"}";
    }

    private Decoded decode(String topic, String payload) {
        return decoder.decode(topic, payload.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    private static List<SensorEvent> events(Decoded d) {
        assertThat(d).isInstanceOf(Decoded.Sequenced.class);
        return ((Decoded.Sequenced) d).events();
    }

    private static Decoded rejected(RejectReason reason) {
        return new Decoded.Rejected(reason);
    }
}
