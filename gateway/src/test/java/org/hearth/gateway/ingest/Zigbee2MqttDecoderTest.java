package org.hearth.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte-level tests with payloads shaped as Zigbee2MQTT publishes them. */
class Zigbee2MqttDecoderTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-28T10:02:00.123Z");

    private final Zigbee2MqttDecoder decoder = new Zigbee2MqttDecoder("zigbee2mqtt", List.of(
            new Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
            new Sensor("front-door", "front_door", SensorKind.CONTACT, "hall"),
            new Sensor("pendant", "help_pendant", SensorKind.BUTTON, "worn")));

    @Test
    void readsOccupancyFromAMotionSensorAsMotion() {
        Decoded result = decode("zigbee2mqtt/hall_motion",
                "{\"battery\":100,\"illuminance\":13,\"occupancy\":true,\"linkquality\":120,\"voltage\":3015}");

        assertThat(result).isEqualTo(accepted(new SensorEvent("hall-motion", EventKind.MOTION, RECEIVED, ""),
                new SensorEvent("hall-motion", EventKind.BATTERY, RECEIVED, "100")));
    }

    @Test
    void readsAClearedOccupancyAsNoMotion() {
        Decoded result = decode("zigbee2mqtt/hall_motion",
                "{\"battery\":100,\"illuminance\":9,\"occupancy\":false,\"linkquality\":116,\"voltage\":3015}");

        assertThat(result).isEqualTo(accepted(new SensorEvent("hall-motion", EventKind.NO_MOTION, RECEIVED, ""),
                new SensorEvent("hall-motion", EventKind.BATTERY, RECEIVED, "100")));
    }

    @Test
    void readsABatteryOnlyReportAsTheBatteryLevel() {
        Decoded result = decode("zigbee2mqtt/hall_motion", "{\"battery\":97,\"linkquality\":120,\"voltage\":2995}");

        assertThat(result).isEqualTo(accepted(new SensorEvent("hall-motion", EventKind.BATTERY, RECEIVED, "97")));
    }

    @Test
    void readsContactFalseAsTheDoorOpening() {
        Decoded result = decode("zigbee2mqtt/front_door",
                "{\"battery\":91,\"contact\":false,\"linkquality\":87,\"voltage\":2985}");

        assertThat(result).isEqualTo(accepted(new SensorEvent("front-door", EventKind.CONTACT_OPEN, RECEIVED, ""),
                new SensorEvent("front-door", EventKind.BATTERY, RECEIVED, "91")));
    }

    @Test
    void readsContactTrueAsTheDoorClosing() {
        Decoded result = decode("zigbee2mqtt/front_door",
                "{\"battery\":91,\"contact\":true,\"linkquality\":87,\"voltage\":2985}");

        assertThat(result).isEqualTo(accepted(new SensorEvent("front-door", EventKind.CONTACT_CLOSED, RECEIVED, ""),
                new SensorEvent("front-door", EventKind.BATTERY, RECEIVED, "91")));
    }

    @Test
    void readsAButtonActionAsAPressWithTheActionAsDetail() {
        Decoded result = decode("zigbee2mqtt/help_pendant", "{\"action\":\"single\",\"battery\":100,\"linkquality\":72}");

        assertThat(result).isEqualTo(accepted(new SensorEvent("pendant", EventKind.BUTTON, RECEIVED, "single"),
                new SensorEvent("pendant", EventKind.BATTERY, RECEIVED, "100")));
    }

    @Test
    void treatsAnEmptyActionAsZigbee2MqttResettingTheFieldNotAsAPress() {
        Decoded result = decode("zigbee2mqtt/help_pendant", "{\"action\":\"\",\"linkquality\":72}");

        assertThat(result).isEqualTo(accepted(new SensorEvent("pendant", EventKind.HEARTBEAT, RECEIVED, "")));
    }

    @Test
    void readsJsonAvailability() {
        Decoded offline = decode("zigbee2mqtt/hall_motion/availability", "{\"state\":\"offline\"}");
        Decoded online = decode("zigbee2mqtt/hall_motion/availability", "{\"state\":\"online\"}");

        assertThat(offline).isEqualTo(accepted(new SensorEvent("hall-motion", EventKind.SENSOR_OFFLINE, RECEIVED, "")));
        assertThat(online).isEqualTo(accepted(new SensorEvent("hall-motion", EventKind.SENSOR_ONLINE, RECEIVED, "")));
    }

    @Test
    void readsLegacyPlainTextAvailability() {
        Decoded online = decode("zigbee2mqtt/front_door/availability", "online");
        Decoded offline = decode("zigbee2mqtt/front_door/availability", "offline");

        assertThat(online).isEqualTo(accepted(new SensorEvent("front-door", EventKind.SENSOR_ONLINE, RECEIVED, "")));
        assertThat(offline).isEqualTo(accepted(new SensorEvent("front-door", EventKind.SENSOR_OFFLINE, RECEIVED, "")));
    }

    @Test
    void rejectsAnAvailabilityStateItDoesNotKnow() {
        assertThat(decode("zigbee2mqtt/front_door/availability", "{\"state\":\"sleeping\"}")).isEqualTo(rejected(RejectReason.WRONG_TYPE));
        assertThat(decode("zigbee2mqtt/front_door/availability", "{\"state\":true}")).isEqualTo(rejected(RejectReason.WRONG_TYPE));
        assertThat(decode("zigbee2mqtt/front_door/availability", "{\"state\":")).isEqualTo(rejected(RejectReason.MALFORMED_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zigbee2mqtt/bridge/info", "zigbee2mqtt/bridge/logging", "zigbee2mqtt/bridge/event", "zigbee2mqtt/bridge"})
    void ignoresBridgeTopics(String topic) {
        Decoded result = decode(topic, "{\"state\":\"online\"}");

        assertThat(result).isInstanceOf(Decoded.Ignored.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zigbee2mqtt/hall_motion/set", "zigbee2mqtt/hall_motion/get"})
    void ignoresCommandTopics(String topic) {
        Decoded result = decode(topic, "{\"occupancy_timeout\":60}");

        assertThat(result).isInstanceOf(Decoded.Ignored.class);
    }

    @Test
    void rejectsADeviceThatIsNotConfigured() {
        Decoded state = decode("zigbee2mqtt/garage_motion", "{\"occupancy\":true}");
        Decoded availability = decode("zigbee2mqtt/garage_motion/availability", "{\"state\":\"online\"}");

        assertThat(state).isEqualTo(rejected(RejectReason.UNKNOWN_SENSOR));
        assertThat(availability).isEqualTo(rejected(RejectReason.UNKNOWN_SENSOR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"occupancy\":true", "not json", "", "[{\"occupancy\":true}]", "null", "42", "\"occupancy\""})
    void rejectsAStateThatIsNotAJsonObjectAsMalformed(String payload) {
        Decoded result = decode("zigbee2mqtt/hall_motion", payload);

        assertThat(result).isEqualTo(rejected(RejectReason.MALFORMED_JSON));
    }

    @Test
    void rejectsBytesThatAreNotUtf8AsMalformed() {
        Decoded result = decoder.decode("zigbee2mqtt/hall_motion", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, RECEIVED);

        assertThat(result).isEqualTo(rejected(RejectReason.MALFORMED_JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "zigbee2mqtt/hall_motion|{\"occupancy\":\"yes\"}",
        "zigbee2mqtt/hall_motion|{\"occupancy\":1}",
        "zigbee2mqtt/front_door|{\"contact\":\"closed\"}",
        "zigbee2mqtt/help_pendant|{\"action\":1}",
        "zigbee2mqtt/help_pendant|{\"action\":\"single; rm -rf\"}",
        "zigbee2mqtt/help_pendant|{\"action\":\"a_very_long_action_name_beyond_32_chars\"}",
    })
    void rejectsAKnownFieldOfTheWrongType(String topicAndPayload) {
        String[] parts = topicAndPayload.split("\\|", 2);

        Decoded result = decode(parts[0], parts[1]);

        assertThat(result).isEqualTo(rejected(RejectReason.WRONG_TYPE));
    }

    @Test
    void ignoresFieldsThatDoNotBelongToTheSensorsKind() {
        // A motion sensor's state is read for occupancy only; a stray "contact" does not make it a door.
        Decoded result = decode("zigbee2mqtt/hall_motion", "{\"contact\":\"whatever\",\"occupancy\":true}");

        assertThat(result).isEqualTo(accepted(new SensorEvent("hall-motion", EventKind.MOTION, RECEIVED, "")));
    }

    @Test
    void rejectsAPayloadLargerThanSixteenKibibytes() {
        byte[] tooLarge = paddedState(Zigbee2MqttDecoder.MAX_PAYLOAD_BYTES + 1);

        Decoded result = decoder.decode("zigbee2mqtt/hall_motion", tooLarge, RECEIVED);

        assertThat(result).isEqualTo(rejected(RejectReason.TOO_LARGE));
    }

    @Test
    void acceptsAPayloadOfExactlySixteenKibibytes() {
        byte[] atTheLimit = paddedState(Zigbee2MqttDecoder.MAX_PAYLOAD_BYTES);

        Decoded result = decoder.decode("zigbee2mqtt/hall_motion", atTheLimit, RECEIVED);

        assertThat(result).isEqualTo(accepted(new SensorEvent("hall-motion", EventKind.MOTION, RECEIVED, "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "other/hall_motion",
        "zigbee2mqtt",
        "zigbee2mqtt/",
        "zigbee2mqtt//availability",
        "zigbee2mqtt/hall_motion/availability/extra",
        "zigbee2mqtt/hall_motion/battery",
        "zigbee2mqttx/hall_motion",
        "homeassistant/binary_sensor/hall_motion/config",
    })
    void rejectsTopicShapesItDoesNotRead(String topic) {
        Decoded result = decode(topic, "{\"occupancy\":true}");

        assertThat(result).isEqualTo(rejected(RejectReason.UNSUPPORTED_TOPIC));
    }

    @Test
    void rejectsANullTopic() {
        Decoded result = decoder.decode(null, "{}".getBytes(StandardCharsets.UTF_8), RECEIVED);

        assertThat(result).isEqualTo(rejected(RejectReason.UNSUPPORTED_TOPIC));
    }

    @Test
    void acceptsAPrefixConfiguredWithATrailingSlash() {
        var slashed = new Zigbee2MqttDecoder("home/z2m/", List.of(new Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall")));

        Decoded result = slashed.decode("home/z2m/hall_motion", "{\"occupancy\":true}".getBytes(StandardCharsets.UTF_8), RECEIVED);

        assertThat(result).isEqualTo(accepted(new SensorEvent("hall-motion", EventKind.MOTION, RECEIVED, "")));
        assertThat(slashed.subscription()).isEqualTo("home/z2m/#");
    }

    @Test
    void subscribesToEverythingUnderThePrefix() {
        assertThat(decoder.subscription()).isEqualTo("zigbee2mqtt/#");
    }

    private Decoded decode(String topic, String payload) {
        return decoder.decode(topic, payload.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    private static Decoded accepted(SensorEvent... events) {
        return new Decoded.Accepted(List.of(events));
    }

    private static Decoded rejected(RejectReason reason) {
        return new Decoded.Rejected(reason);
    }

    /** A motion state padded with spaces to exactly {@code size} bytes. */
    private static byte[] paddedState(int size) {
        byte[] json = "{\"occupancy\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[size];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(json, 0, padded, 0, json.length);
        return padded;
    }
}
