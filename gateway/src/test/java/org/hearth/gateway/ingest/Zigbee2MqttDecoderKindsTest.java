package org.hearth.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.rules.health.SensorHealthDetector;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sensor kinds beyond motion, contact and button, the health fields and the bridge's topics, with payloads shaped
 * as Zigbee2MQTT's device pages document them (exposes {@code occupancy}, {@code presence}, {@code power},
 * {@code state}, {@code battery}, {@code battery_low}, {@code voltage}, {@code linkquality}, {@code tamper}).
 */
class Zigbee2MqttDecoderKindsTest {
    private static final Instant AT = Instant.parse("2026-03-28T10:02:00Z");

    private final Zigbee2MqttDecoder decoder = new Zigbee2MqttDecoder("zigbee2mqtt", List.of(
            new Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
            new Sensor("bed", "bed_mat", SensorKind.MAT, "bedroom"),
            new Sensor("chair", "chair_pad", SensorKind.MAT, "lounge"),
            new Sensor("kettle", "kettle_plug", SensorKind.PLUG, "kitchen"),
            new Sensor("lamp", "lamp_plug", SensorKind.PLUG, "lounge"),
            new Sensor("radar", "bathroom_fp1", SensorKind.RADAR, "bathroom"),
            new Sensor("pendant", "help_pendant", SensorKind.BUTTON, "worn")));

    @Test
    void readsAMatsOccupancyOrPresenceAsOccupiedAndVacated() {
        assertThat(events("bed_mat", "{\"occupancy\":true,\"battery\":88,\"linkquality\":93}"))
                .containsExactly(e("bed", EventKind.OCCUPIED, ""), e("bed", EventKind.BATTERY, "88"));
        assertThat(events("chair_pad", "{\"presence\":false,\"linkquality\":60}"))
                .containsExactly(e("chair", EventKind.VACATED, ""));
        assertThat(events("chair_pad", "{\"occupancy\":null,\"presence\":true}"))
                .containsExactly(e("chair", EventKind.OCCUPIED, ""));
    }

    @Test
    void aKettlePlugSwitchesOnOnceWhenItsDrawCrossesTheThresholdAndOffBelowTheHysteresis() {
        assertThat(events("kettle_plug", "{\"state\":\"ON\",\"power\":0.4,\"energy\":12.3,\"voltage\":239,"
                + "\"current\":0,\"linkquality\":144}")).containsExactly(e("kettle", EventKind.HEARTBEAT, ""));
        assertThat(events("kettle_plug", "{\"state\":\"ON\",\"power\":1850.2,\"voltage\":236,\"linkquality\":144}"))
                .containsExactly(e("kettle", EventKind.APPLIANCE_ON, ""));
        assertThat(events("kettle_plug", "{\"state\":\"ON\",\"power\":1843.9}"))
                .containsExactly(e("kettle", EventKind.HEARTBEAT, ""));
        assertThat(events("kettle_plug", "{\"state\":\"ON\",\"power\":7}"))
                .containsExactly(e("kettle", EventKind.HEARTBEAT, "")); // between 5 and 10 W: still on
        assertThat(events("kettle_plug", "{\"state\":\"ON\",\"power\":0.5}"))
                .containsExactly(e("kettle", EventKind.APPLIANCE_OFF, ""));
    }

    @Test
    void aPlugWithoutMeteringIsOnWhenItsRelayIs() {
        assertThat(events("lamp_plug", "{\"state\":\"ON\"}")).containsExactly(e("lamp", EventKind.APPLIANCE_ON, ""));
        assertThat(events("lamp_plug", "{\"state\":\"ON\"}")).containsExactly(e("lamp", EventKind.HEARTBEAT, ""));
        assertThat(events("lamp_plug", "{\"state\":\"OFF\",\"power\":900}"))
                .containsExactly(e("lamp", EventKind.APPLIANCE_OFF, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"power\":\"high\"}", "{\"state\":\"TOGGLE\"}", "{\"state\":1}"})
    void rejectsAPlugsMainFieldsOfTheWrongType(String payload) {
        assertThat(decode("kettle_plug", payload)).isEqualTo(new Decoded.Rejected(RejectReason.WRONG_TYPE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"power\":-3}", "{\"power\":1e9}"})
    void rejectsAnImpossibleDraw(String payload) {
        assertThat(decode("kettle_plug", payload)).isEqualTo(new Decoded.Rejected(RejectReason.OUT_OF_RANGE));
    }

    @Test
    void readsARadarsPresenceAsMotionAndItsFallReport() {
        assertThat(events("bathroom_fp1", "{\"presence\":true,\"presence_event\":\"enter\",\"linkquality\":98}"))
                .containsExactly(e("radar", EventKind.MOTION, ""));
        assertThat(events("bathroom_fp1", "{\"presence\":false}")).containsExactly(e("radar", EventKind.NO_MOTION, ""));
        assertThat(events("bathroom_fp1", "{\"presence\":true,\"fall_down_status\":\"fall\"}"))
                .containsExactly(e("radar", EventKind.MOTION, ""), e("radar", EventKind.RADAR_FALL, ""));
        assertThat(events("bathroom_fp1", "{\"fall_detected\":true,\"fall\":true}"))
                .containsExactly(e("radar", EventKind.RADAR_FALL, ""));
        assertThat(events("bathroom_fp1", "{\"fall_detected\":false,\"fall_down_status\":\"none\"}"))
                .containsExactly(e("radar", EventKind.HEARTBEAT, ""));
        assertThat(decode("bathroom_fp1", "{\"fall_down_status\":\"maybe\"}"))
                .isEqualTo(new Decoded.Rejected(RejectReason.WRONG_TYPE));
        assertThat(decoder.isRadar("radar")).isTrue();
        assertThat(decoder.isRadar("bed")).isFalse();
    }

    @Test
    void readsTheHealthFieldsOfAnyKind() {
        assertThat(events("help_pendant", "{\"battery\":17.6,\"battery_low\":true,\"tamper\":false,\"voltage\":2810,"
                + "\"linkquality\":255}")).containsExactly(e("pendant", EventKind.BATTERY, "18"),
                e("pendant", EventKind.BATTERY_LOW, "true"), e("pendant", EventKind.TAMPER, "false"));
    }

    @Test
    void rejectsABadHealthFieldOnItsOwnAndKeepsTheGoodFieldsOfTheMessage() {
        Decoded result = decode("hall_motion", "{\"occupancy\":true,\"battery\":250,\"linkquality\":300,"
                + "\"voltage\":-1,\"tamper\":\"yes\",\"battery_low\":false}");

        assertThat(result).isEqualTo(new Decoded.Accepted(List.of(e("hall-motion", EventKind.MOTION, ""),
                e("hall-motion", EventKind.BATTERY_LOW, "false")), List.of(RejectReason.OUT_OF_RANGE,
                RejectReason.WRONG_TYPE, RejectReason.OUT_OF_RANGE, RejectReason.OUT_OF_RANGE)));
        IngestCounters counters = new IngestCounters();
        counters.count(result);
        assertThat(counters.accepted()).isEqualTo(1);
        assertThat(counters.rejected(RejectReason.OUT_OF_RANGE)).isEqualTo(3);
        assertThat(counters.rejected(RejectReason.WRONG_TYPE)).isEqualTo(1);
    }

    @Test
    void readsNullsAsAbsentAndAMessageThatSaysNothingElseAsAHeartbeat() {
        assertThat(events("hall_motion", "{\"occupancy\":null,\"battery\":null,\"linkquality\":87}"))
                .containsExactly(e("hall-motion", EventKind.HEARTBEAT, ""));
        assertThat(events("hall_motion", "{}")).containsExactly(e("hall-motion", EventKind.HEARTBEAT, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"state\":\"offline\"}", "offline", " offline\n"})
    void readsTheBridgesLastWillAsTheRadioNetworkGone(String payload) {
        assertThat(decode("bridge/state", payload)).isEqualTo(new Decoded.Accepted(List.of(
                new SensorEvent(SensorHealthDetector.BRIDGE_ID, EventKind.BRIDGE_OFFLINE, AT, ""))));
    }

    @Test
    void readsTheBridgeComingOnlineAndRejectsOtherStates() {
        assertThat(decode("bridge/state", "{\"state\":\"online\"}")).isEqualTo(new Decoded.Accepted(List.of(
                new SensorEvent(SensorHealthDetector.BRIDGE_ID, EventKind.BRIDGE_ONLINE, AT, ""))));
        assertThat(decode("bridge/state", "{\"state\":\"starting\"}"))
                .isEqualTo(new Decoded.Rejected(RejectReason.WRONG_TYPE));
        assertThat(decode("bridge/state", "{\"state\":")).isEqualTo(new Decoded.Rejected(RejectReason.MALFORMED_JSON));
    }

    @Test
    void learnsEachConfiguredDevicesPowerSourceFromTheBridgesDeviceList() {
        String devices = "[{\"ieee_address\":\"0x00124b0022ab5e51\",\"type\":\"Coordinator\",\"friendly_name\":"
                + "\"Coordinator\",\"interview_completed\":true},"
                + "{\"ieee_address\":\"0x00158d0001a2b3c4\",\"type\":\"EndDevice\",\"friendly_name\":\"hall_motion\","
                + "\"power_source\":\"Battery\",\"model_id\":\"lumi.sensor_motion.aq2\",\"supported\":true},"
                + "{\"ieee_address\":\"0x00158d0001a2b3c5\",\"type\":\"Router\",\"friendly_name\":\"kettle_plug\","
                + "\"power_source\":\"Mains (single phase)\"},"
                + "{\"ieee_address\":\"0x00158d0001a2b3c6\",\"type\":\"Router\",\"friendly_name\":\"garage_plug\","
                + "\"power_source\":\"Mains (single phase)\"}, 42]";

        assertThat(events("bridge/devices", devices)).containsExactly(e("hall-motion", EventKind.POWER_SOURCE,
                "battery"), e("kettle", EventKind.POWER_SOURCE, "mains"));
        assertThat(decode("bridge/devices", "{\"not\":\"a list\"}"))
                .isEqualTo(new Decoded.Rejected(RejectReason.MALFORMED_JSON));
    }

    @Test
    void acceptsADeviceListLargerThanAStateButNotUnbounded() {
        String big = "[" + "{\"friendly_name\":\"x\",\"power_source\":\"Battery\"},".repeat(2000) + "{}]";
        assertThat(big.length()).isGreaterThan(Zigbee2MqttDecoder.MAX_PAYLOAD_BYTES);
        assertThat(decode("bridge/devices", big)).isEqualTo(new Decoded.Accepted(List.of()));
        byte[] huge = new byte[Zigbee2MqttBridge.MAX_DEVICES_BYTES + 1];
        assertThat(decoder.decode("zigbee2mqtt/bridge/devices", huge, AT))
                .isEqualTo(new Decoded.Rejected(RejectReason.TOO_LARGE));
    }

    private Decoded decode(String name, String payload) {
        return decoder.decode("zigbee2mqtt/" + name, payload.getBytes(StandardCharsets.UTF_8), AT);
    }

    private List<SensorEvent> events(String name, String payload) {
        Decoded d = decode(name, payload);
        assertThat(d).isInstanceOf(Decoded.Accepted.class);
        assertThat(((Decoded.Accepted) d).fieldRejections()).isEmpty();
        return ((Decoded.Accepted) d).events();
    }

    private static SensorEvent e(String id, EventKind kind, String detail) {
        return new SensorEvent(id, kind, AT, detail);
    }
}
