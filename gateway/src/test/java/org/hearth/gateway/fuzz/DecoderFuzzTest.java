package org.hearth.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.List;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.gateway.ingest.Decoded;
import org.hearth.gateway.ingest.HearthReadingDecoder;
import org.hearth.gateway.ingest.HearthTopicDecoder;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;

/**
 * Coverage-guided fuzz targets (Jazzer) for every decoder. In CI (no {@code JAZZER_FUZZ}) they run in regression mode:
 * the seed inputs under {@code src/test/resources/.../DecoderFuzzTestInputs/<method>/}, in seconds. Locally,
 * {@code JAZZER_FUZZ=1 mvn -pl gateway test -Dtest=DecoderFuzzTest} fuzzes each for its {@code maxDuration}.
 * A clean outcome is any non-null {@link Decoded} with a reason when rejected; anything thrown fails.
 */
class DecoderFuzzTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-28T10:02:00Z");
    private static final List<Sensor> SENSORS = List.of(
            new Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
            new Sensor("front-door", "front_door", SensorKind.CONTACT, "hall"),
            new Sensor("pendant", "help_pendant", SensorKind.BUTTON, "worn"),
            new Sensor("pendant-accel", "pendant_accel", SensorKind.WEARABLE, "worn"),
            new Sensor("radar", "lounge_radar", SensorKind.RADAR, "lounge"));
    private static final Zigbee2MqttDecoder ZIGBEE = new Zigbee2MqttDecoder("zigbee2mqtt", SENSORS);
    private static final HearthTopicDecoder HEARTH = new HearthTopicDecoder("home-1", SENSORS);
    private static final HearthReadingDecoder READINGS = new HearthReadingDecoder(SENSORS);
    private static final String[] Z2M_TOPICS = {"zigbee2mqtt/hall_motion", "zigbee2mqtt/front_door",
        "zigbee2mqtt/help_pendant", "zigbee2mqtt/hall_motion/availability", "zigbee2mqtt/bridge/state",
        "zigbee2mqtt/bridge/devices", "zigbee2mqtt/garage_motion"};
    private static final String[] HEARTH_TOPICS = {"hearth/home-1/pendant_accel/accel",
        "hearth/home-1/lounge_radar/event", "hearth/home-1/escalation", "hearth/home-1/nobody/event"};
    private static final String[] IDS = {"pendant-accel", "radar", "hall-motion", "nobody"};

    @FuzzTest(maxDuration = "30s")
    void zigbee2mqtt(FuzzedDataProvider data) {
        String topic = data.consumeBoolean() ? data.pickValue(Z2M_TOPICS) : data.consumeString(64);
        requireClean(ZIGBEE.decode(topic, data.consumeRemainingAsBytes(), RECEIVED));
    }

    @FuzzTest(maxDuration = "30s")
    void hearthTopic(FuzzedDataProvider data) {
        String topic = data.consumeBoolean() ? data.pickValue(HEARTH_TOPICS) : data.consumeString(64);
        requireClean(HEARTH.decode(topic, data.consumeRemainingAsBytes(), RECEIVED));
    }

    @FuzzTest(maxDuration = "30s")
    void coapPayload(FuzzedDataProvider data) {
        String id = data.pickValue(IDS);
        requireClean(READINGS.decode(id, data.consumeRemainingAsBytes(), RECEIVED));
    }

    private static void requireClean(Decoded d) {
        assertThat(d).isNotNull();
        if (d instanceof Decoded.Rejected r) {
            assertThat(r.reason()).isNotNull();
        }
    }
}
