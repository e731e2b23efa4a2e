package org.hearth.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.gateway.testing.Seeded;
import org.hearth.rules.health.SensorHealthDetector;
import org.junit.jupiter.api.Test;

/**
 * Over generated states of every sensor kind, the bridge's state and its device list: the decoder never throws, and
 * always answers with a decoded result (events about a configured sensor or the bridge, at the receive instant, and
 * per-field rejections only as out of range or wrong type) or a counted rejection.
 */
class Zigbee2MqttDecoderKindsPropertiesTest {
    private static final List<Sensor> SENSORS = List.of(
            new Sensor("m", "motion", SensorKind.MOTION, "hall"), new Sensor("c", "contact", SensorKind.CONTACT, "hall"),
            new Sensor("b", "button", SensorKind.BUTTON, "worn"), new Sensor("p", "plug", SensorKind.PLUG, "kitchen"),
            new Sensor("t", "mat", SensorKind.MAT, "bed"), new Sensor("r", "radar", SensorKind.RADAR, "bath"),
            new Sensor("w", "wearable", SensorKind.WEARABLE, "worn"));
    private static final List<String> KEYS = List.of("occupancy", "presence", "contact", "action", "state", "power",
            "battery", "battery_low", "voltage", "linkquality", "tamper", "fall", "fall_detected", "fall_down_status",
            "friendly_name", "power_source", "energy");
    private static final List<String> VALUES = List.of("true", "false", "null", "0", "-1", "100", "101", "255", "256",
            "1e400", "-0.0", "3.3", "\"ON\"", "\"OFF\"", "\"online\"", "\"offline\"", "\"fall\"", "\"none\"",
            "\"Battery\"", "\"Mains (single phase)\"", "\"motion\"", "\"\"", "[]", "{}", "\"single\"");

    private final Zigbee2MqttDecoder decoder = new Zigbee2MqttDecoder("zigbee2mqtt", SENSORS);

    @Test
    void neverThrowsAndAlwaysDecodesOrCountsARejection() {
        List<String> ids = new ArrayList<>(SENSORS.stream().map(Sensor::id).toList());
        ids.add(SensorHealthDetector.BRIDGE_ID);
        Seeded.forAll(5_000, 90_000L, random -> {
            String topic = topic(random);
            String payload = random.nextInt(6) == 0 ? "[" + object(random) + "," + object(random) + "]"
                    : random.nextInt(8) == 0 ? List.of("online", "offline", "", "on").get(random.nextInt(4))
                    : object(random);
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L));

            Decoded result = decoder.decode(topic, payload.getBytes(StandardCharsets.UTF_8), at);

            assertThat(result).as("%s %s", topic, payload)
                    .isInstanceOfAny(Decoded.Accepted.class, Decoded.Rejected.class, Decoded.Ignored.class);
            if (result instanceof Decoded.Accepted a) {
                assertThat(a.events()).as("%s %s", topic, payload).allSatisfy(e -> {
                    assertThat(e.sensorId()).isIn(ids);
                    assertThat(e.at()).isEqualTo(at);
                });
                assertThat(a.fieldRejections()).isSubsetOf(RejectReason.OUT_OF_RANGE, RejectReason.WRONG_TYPE);
                if (!topic.endsWith("bridge/devices")) {
                    assertThat(a.events()).as("%s %s", topic, payload).isNotEmpty(); // at least a heartbeat
                }
            }
        });
    }

    private static String topic(SplittableRandom random) {
        int i = random.nextInt(SENSORS.size() + 3);
        if (i == SENSORS.size()) {
            return "zigbee2mqtt/bridge/state";
        }
        if (i == SENSORS.size() + 1) {
            return "zigbee2mqtt/bridge/devices";
        }
        if (i == SENSORS.size() + 2) {
            return "zigbee2mqtt/" + SENSORS.get(random.nextInt(SENSORS.size())).name() + "/availability";
        }
        return "zigbee2mqtt/" + SENSORS.get(i).name();
    }

    private static String object(SplittableRandom random) {
        StringBuilder sb = new StringBuilder("{");
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(KEYS.get(random.nextInt(KEYS.size()))).append("\":")
                    .append(VALUES.get(random.nextInt(VALUES.size())));
        }
        return sb.append('}').toString();
    }
}
