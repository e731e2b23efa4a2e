package org.hearth.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.gateway.testing.Seeded;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link Zigbee2MqttDecoder} over generated input: it never throws, always answers with one of its three
 * outcomes, and whatever it accepts is about a configured sensor at the receive instant it was given.
 *
 * <p>Generated with the seeded runner rather than jqwik (see {@link Seeded} for why).
 */
class Zigbee2MqttDecoderPropertiesTest {

    private static final List<Sensor> SENSORS = List.of(
            new Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
            new Sensor("front-door", "front_door", SensorKind.CONTACT, "hall"),
            new Sensor("pendant", "help_pendant", SensorKind.BUTTON, "worn"));
    private static final List<String> TOPIC_PARTS = List.of(
            "zigbee2mqtt", "hall_motion", "front_door", "help_pendant", "garage", "bridge", "availability", "set", "get",
            "", "#", "+", "/", "//", "zigbee2mqtt/", "\u0000", "é", "😀", " ", "..");
    private static final List<String> KEYS = List.of(
            "occupancy", "contact", "action", "state", "battery", "linkquality", "voltage", "illuminance", "", "\u0000");
    private static final List<String> SNIPPETS = List.of(
            "{", "}", "[", "]", ":", ",", "\"", "\\", "true", "false", "null", "0", "-1", "1e999", "\"occupancy\"",
            "\"action\"", "\"single\"", "online", "offline", "\uFFFF", "\u0000");

    private final Zigbee2MqttDecoder decoder = new Zigbee2MqttDecoder("zigbee2mqtt", SENSORS);

    @Test
    void neverThrowsAndAlwaysAnswersForAnyTopicAndAnyBytes() {
        Seeded.forAll(3_000, 1L, random -> {
            String topic = topic(random);
            byte[] payload = payload(random);
            Instant receivedAt = instant(random);

            Decoded result = decoder.decode(topic, payload, receivedAt);

            assertThat(result).isInstanceOfAny(Decoded.Accepted.class, Decoded.Ignored.class, Decoded.Rejected.class);
            assertAboutAConfiguredSensorAt(result, receivedAt);
        });
    }

    @Test
    void neverThrowsForAnyJsonObjectOnAKnownSensorsTopic() {
        Seeded.forAll(3_000, 10_000L, random -> {
            Sensor sensor = SENSORS.get(random.nextInt(SENSORS.size()));
            String topic = "zigbee2mqtt/" + sensor.name() + (random.nextInt(4) == 0 ? "/availability" : "");
            String json = jsonObject(random, 0);
            Instant receivedAt = instant(random);

            Decoded result = decoder.decode(topic, json.getBytes(StandardCharsets.UTF_8), receivedAt);

            assertThat(result).as("%s %s", topic, json).isInstanceOfAny(Decoded.Accepted.class, Decoded.Rejected.class);
            if (result instanceof Decoded.Accepted accepted) {
                assertThat(accepted.events()).as("%s %s", topic, json)
                        .allSatisfy(e -> {
                            assertThat(e.sensorId()).isEqualTo(sensor.id());
                            assertThat(e.at()).isEqualTo(receivedAt);
                        });
            }
        });
    }

    @Test
    void rejectsEveryPayloadOverTheLimitUnderThePrefixWhateverItHolds() {
        Seeded.forAll(200, 50_000L, random -> {
            Sensor sensor = SENSORS.get(random.nextInt(SENSORS.size()));
            byte[] payload = new byte[Zigbee2MqttDecoder.MAX_PAYLOAD_BYTES + 1 + random.nextInt(4096)];
            random.nextBytes(payload);

            Decoded result = decoder.decode("zigbee2mqtt/" + sensor.name(), payload, instant(random));

            assertThat(result).isEqualTo(new Decoded.Rejected(RejectReason.TOO_LARGE));
        });
    }

    private static void assertAboutAConfiguredSensorAt(Decoded result, Instant receivedAt) {
        if (result instanceof Decoded.Accepted accepted) {
            List<String> ids = SENSORS.stream().map(Sensor::id).toList();
            for (SensorEvent e : accepted.events()) {
                assertThat(e.sensorId()).isIn(ids);
                assertThat(e.at()).isEqualTo(receivedAt);
            }
        }
    }

    private static Instant instant(SplittableRandom random) {
        return Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
    }

    /** Mostly topic-like strings built from meaningful parts, sometimes arbitrary characters. */
    private static String topic(SplittableRandom random) {
        if (random.nextInt(10) == 0) {
            return randomText(random, random.nextInt(40));
        }
        var sb = new StringBuilder(random.nextInt(3) == 0 ? "" : "zigbee2mqtt/");
        int parts = random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(TOPIC_PARTS.get(random.nextInt(TOPIC_PARTS.size())));
        }
        return sb.toString();
    }

    /** Random bytes, JSON-ish token soup, or a real-looking state; now and then beyond the size limit. */
    private static byte[] payload(SplittableRandom random) {
        switch (random.nextInt(5)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1 -> {
                var sb = new StringBuilder();
                int n = random.nextInt(30);
                for (int i = 0; i < n; i++) {
                    sb.append(SNIPPETS.get(random.nextInt(SNIPPETS.size())));
                }
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                // Deep nesting: far past Jackson's nesting limit, but within the size limit.
                int depth = random.nextInt(1, 8_000);
                return ("[".repeat(depth) + "]".repeat(random.nextInt(depth + 1))).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                byte[] bytes = new byte[Zigbee2MqttDecoder.MAX_PAYLOAD_BYTES - 8 + random.nextInt(16)];
                random.nextBytes(bytes);
                return bytes;
            }
            default -> {
                return jsonObject(random, 0).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** A JSON object of random known and unknown keys with random values of every JSON type. */
    private static String jsonObject(SplittableRandom random, int depth) {
        var sb = new StringBuilder("{");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String key = random.nextInt(3) == 0 ? randomText(random, random.nextInt(8)) : KEYS.get(random.nextInt(KEYS.size()));
            sb.append(quoted(key)).append(':').append(jsonValue(random, depth));
        }
        return sb.append('}').toString();
    }

    private static String jsonValue(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth < 3 ? 9 : 7)) {
            case 0 -> "true";
            case 1 -> "false";
            case 2 -> "null";
            case 3 -> Long.toString(random.nextLong());
            case 4 -> Double.toString(random.nextDouble() * 1e6);
            case 5 -> quoted(List.of("single", "double", "hold", "", "online", "offline", "yes").get(random.nextInt(7)));
            case 6 -> quoted(randomText(random, random.nextInt(40)));
            case 7 -> jsonObject(random, depth + 1);
            default -> "[" + jsonValue(random, depth + 1) + "," + jsonValue(random, depth + 1) + "]";
        };
    }

    private static String randomText(SplittableRandom random, int length) {
        var sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            int cp = switch (kind) {
                case 0 -> random.nextInt(0x20, 0x7F);
                case 1 -> random.nextInt(0, 0x20);
                case 2 -> random.nextInt(0xA0, 0x3000);
                default -> random.nextInt(0x1F300, 0x1F650);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private static String quoted(String s) {
        var sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }
}
