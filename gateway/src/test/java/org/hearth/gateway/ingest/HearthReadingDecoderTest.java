package org.hearth.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

/** The transport-neutral Hearth reading decoder, as CoAP uses it (sensor named by id, body by kind). */
class HearthReadingDecoderTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-28T10:02:00Z");
    private static final Instant T = Instant.parse("2026-03-28T10:01:59.500Z");

    private final HearthReadingDecoder decoder = new HearthReadingDecoder(List.of(
            new Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
            new Sensor("pendant-accel", "pendant_accel", SensorKind.WEARABLE, "worn"),
            new Sensor("radar", "lounge_radar", SensorKind.RADAR, "lounge")));

    @Test
    void readsARadarEventByTheSensorsId() {
        Decoded d = decode("radar", "{\"v\":1,\"seq\":3,\"t\":\"" + T + "\",\"type\":\"fall\"}");

        assertThat(d).isEqualTo(new Decoded.Sequenced("radar", 3, T,
                List.of(new SensorEvent("radar", EventKind.RADAR_FALL, T, "")), null));
    }

    @Test
    void readsAnAccelerometerBatchFromAWearable() {
        Decoded d = decode("pendant-accel",
                "{\"v\":1,\"seq\":9,\"t\":\"" + T + "\",\"hz\":50,\"x\":[0.1],\"y\":[-1.0],\"z\":[0.0]}");

        assertThat(d).isInstanceOf(Decoded.Sequenced.class);
        assertThat(((Decoded.Sequenced) d).batch()).isNotNull();
    }

    @Test
    void aSensorThatSendsNoHearthReadingsOrNoSensorAtAllIsUnknown() {
        String body = "{\"v\":1,\"seq\":3,\"t\":\"" + T + "\",\"type\":\"motion\"}";

        assertThat(decode("hall-motion", body)).isEqualTo(new Decoded.Rejected(RejectReason.UNKNOWN_SENSOR));
        assertThat(decode("hall_motion", body)).isEqualTo(new Decoded.Rejected(RejectReason.UNKNOWN_SENSOR));
        assertThat(decoder.decode((String) null, body.getBytes(StandardCharsets.UTF_8), RECEIVED))
                .isEqualTo(new Decoded.Rejected(RejectReason.UNKNOWN_SENSOR));
    }

    @Test
    void appliesTheTimePolicy() {
        assertThat(decode("radar", event(RECEIVED.plus(ReadingTime.MAX_AHEAD).plusMillis(1))))
                .isEqualTo(new Decoded.Rejected(RejectReason.FUTURE));
        assertThat(decode("radar", event(RECEIVED.plus(ReadingTime.MAX_AHEAD)))).isInstanceOf(Decoded.Sequenced.class);
        assertThat(decode("radar", event(RECEIVED.minus(ReadingTime.MAX_AGE).minusMillis(1))))
                .isEqualTo(new Decoded.Rejected(RejectReason.STALE));
        assertThat(decode("radar", event(RECEIVED.minus(ReadingTime.MAX_AGE)))).isInstanceOf(Decoded.Sequenced.class);
    }

    @Test
    void rejectsGarbageWithAReason() {
        assertThat(decode("radar", "not json")).isEqualTo(new Decoded.Rejected(RejectReason.MALFORMED_JSON));
        assertThat(decoder.decode("radar", null, RECEIVED)).isEqualTo(new Decoded.Rejected(RejectReason.MALFORMED_JSON));
        assertThat(decoder.decode("radar", new byte[HearthReadingDecoder.MAX_PAYLOAD_BYTES + 1], RECEIVED))
                .isEqualTo(new Decoded.Rejected(RejectReason.TOO_LARGE));
    }

    private static String event(Instant t) {
        return "{\"v\":1,\"seq\":1,\"t\":\"" + t + "\",\"type\":\"motion\"}";
    }

    private Decoded decode(String sensorId, String body) {
        return decoder.decode(sensorId, body.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }
}
