package org.hearth.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.gateway.ingest.Decoded;
import org.hearth.gateway.ingest.HearthTopicDecoder;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The decoders on the ingest path: one Zigbee2MQTT motion reading, one radar event, one 1 s accelerometer batch. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx64m", "-XX:+UseSerialGC"})
@State(Scope.Thread)
public class DecoderBenchmark {
    private static final List<Sensor> SENSORS = List.of(
            new Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
            new Sensor("radar", "lounge_radar", SensorKind.RADAR, "lounge"),
            new Sensor("pendant", "pendant_accel", SensorKind.WEARABLE, "worn"));
    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    private final Zigbee2MqttDecoder z2m = new Zigbee2MqttDecoder("zigbee2mqtt", SENSORS);
    private final HearthTopicDecoder hearth = new HearthTopicDecoder("home-1", SENSORS);
    private final byte[] motion = "{\"occupancy\":true,\"battery\":97,\"linkquality\":120}"
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] accel = accelBatch(50);
    private long seq;

    @Benchmark
    public Decoded zigbee2mqttMotion() {
        return z2m.decode("zigbee2mqtt/hall_motion", motion, NOW);
    }

    @Benchmark
    public Decoded hearthRadarEvent() {
        byte[] event = ("{\"v\":1,\"seq\":" + (seq++) + ",\"t\":\"2026-06-01T08:59:59Z\",\"type\":\"motion\"}")
                .getBytes(StandardCharsets.UTF_8);
        return hearth.decode("hearth/home-1/lounge_radar/event", event, NOW);
    }

    @Benchmark
    public Decoded hearthAccelBatch50Hz() {
        return hearth.decode("hearth/home-1/pendant_accel/accel", accel, NOW);
    }

    private static byte[] accelBatch(int hz) {
        StringBuilder x = new StringBuilder();
        StringBuilder y = new StringBuilder();
        StringBuilder z = new StringBuilder();
        for (int i = 0; i < hz; i++) {
            String sep = i == 0 ? "" : ",";
            x.append(sep).append(0.01 * (i % 7));
            y.append(sep).append(-0.98 + 0.01 * (i % 3));
            z.append(sep).append(0.02);
        }
        return ("{\"v\":1,\"seq\":1,\"t\":\"2026-06-01T08:59:59Z\",\"hz\":" + hz + ",\"x\":[" + x + "],\"y\":[" + y
                + "],\"z\":[" + z + "]}").getBytes(StandardCharsets.UTF_8);
    }
}
