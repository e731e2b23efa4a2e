package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hearth.gateway.ingest.RejectReason;
import org.hearth.simulator.Peers;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.home.CoapSensor;
import org.hearth.simulator.home.DemoHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At-least-once and bad input across both transports, against real Mosquitto, a real Californium client and the real
 * HAPI care record: a duplicate storm makes one reading and one alert; a garbage flood loses no good reading and does
 * not stop a help-button alert. Also measures the ingest rates (printed, never asserted).
 */
class IngestFloodIT {
    private static final String RADAR_TOPIC = "hearth/" + DemoHome.HOME_ID + "/" + DemoHome.RADAR + "/event";
    private static Mosquitto mosquitto;

    @BeforeAll
    static void startPeers() throws Exception {
        SharedSandbox.get();
        mosquitto = Peers.sharedMosquitto();
    }

    @Test
    void aDuplicateStormOverMqttAndCoapIsOneReadingAndOneAlert(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(id -> CoapIngestIT.yaml(id, dir, true, ""), dir, CoapIngestIT.MORNING);
                var coap = CoapSensor.plain(rig.gateway.coapPlainPort().orElseThrow());
                var mqtt = new Publisher(rig.gatewayId + "-radar")) {
            String fall = CoapSensor.radarEvent(7, rig.clock.instant(), "fall");
            int each = 25;
            for (int i = 0; i < each; i++) {
                mqtt.publish(RADAR_TOPIC, fall);
                assertThat(coap.post("radar", fall, i % 2 == 0)).map(CoapSensor.Answer::code).contains("2.04");
            }

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> rig.gateway.counters().rejected(RejectReason.DUPLICATE) == 2 * each - 1);
            assertThat(rig.gateway.journalledEvents()).isEqualTo(1);
            rig.advance(Duration.ofMinutes(2), Duration.ofSeconds(10)); // no movement after the fall: confirmed

            await().atMost(Duration.ofSeconds(30)).until(() -> rig.tasks().size() == 1);
            rig.advance(Duration.ofMinutes(1), Duration.ofSeconds(10));
            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(1);
            assertThat(rig.tasks()).hasSize(1).containsValue(1);
            assertThat(rig.tasks().keySet()).singleElement().asString().contains("fall");
        }
    }

    @Test
    void aGarbageFloodLosesNoGoodReadingAndAHelpPressStillReachesTheCareRecordOnce(@TempDir Path dir)
            throws Exception {
        try (var rig = new GatewayRig(id -> CoapIngestIT.yaml(id, dir, true, ""), dir, CoapIngestIT.MORNING);
                var coap = CoapSensor.plain(rig.gateway.coapPlainPort().orElseThrow());
                var mqtt = new Publisher(rig.gatewayId + "-flood")) {
            SplittableRandom random = new SplittableRandom(20261203);
            int garbage = 1000;
            int good = 100;
            Instant t = rig.clock.instant();
            for (int i = 0, seq = 1; i < garbage + good; i++) {
                boolean isGood = i % ((garbage + good) / good) == 0 && seq <= good;
                boolean overMqtt = random.nextBoolean();
                if (isGood) {
                    String body = CoapSensor.radarEvent(seq++, t, "presence");
                    if (overMqtt) {
                        mqtt.publish(RADAR_TOPIC, body);
                    } else {
                        assertThat(coap.post("radar", body, true)).map(CoapSensor.Answer::code).contains("2.04");
                    }
                } else if (overMqtt) {
                    if (random.nextBoolean()) {
                        mqtt.publish(RADAR_TOPIC, garbage(random));
                    } else { // only what no Zigbee2MQTT reading could be: a well-formed object would be taken
                        mqtt.publish("zigbee2mqtt/" + DemoHome.KITCHEN, garbage(random, random.nextBoolean() ? 0 : 5));
                    }
                } else {
                    assertThat(coap.post("radar", garbage(random), false)).map(CoapSensor.Answer::code)
                            .hasValueSatisfying(code -> assertThat(code).startsWith("4."));
                }
            }
            rig.sensors.press(DemoHome.PENDANT, "single");

            await().atMost(Duration.ofSeconds(60)).until(() -> rig.gateway.journalledEvents() == good + 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> rig.gateway.counters().rejectedTotal() == garbage);
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.tasks().size() == 1);
            assertThat(rig.tasks()).containsValue(1);
            assertThat(rig.tasks().keySet()).singleElement().asString().contains("help");
            System.out.printf("garbage flood: %d garbage + %d good (MQTT and CoAP), journalled %d, rejected %s%n",
                    garbage, good, rig.gateway.journalledEvents(), rig.gateway.counters().rejections());
        }
    }

    @Test
    void measuresCoapAndMqttIngestRates(@TempDir Path dir) throws Exception {
        int n = 500;
        try (var rig = new GatewayRig(id -> CoapIngestIT.yaml(id, dir, true, ""), dir, CoapIngestIT.MORNING);
                var coap = CoapSensor.plain(rig.gateway.coapPlainPort().orElseThrow());
                var mqtt = new Publisher(rig.gatewayId + "-rate")) {
            Instant t = rig.clock.instant();
            long start = System.nanoTime();
            for (int i = 1; i <= n; i++) { // sequential CON posts: each answered once committed
                assertThat(coap.post("radar", CoapSensor.radarEvent(i, t, "presence"), true))
                        .map(CoapSensor.Answer::code).contains("2.04");
            }
            double coapRate = n / ((System.nanoTime() - start) / 1e9);

            start = System.nanoTime();
            for (int i = n + 1; i <= 2 * n; i++) { // QoS 1 publishes, each PUBACK awaited
                mqtt.publish(RADAR_TOPIC, CoapSensor.radarEvent(i, t, "presence"));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> rig.gateway.journalledEvents() == 2L * n);
            double mqttRate = n / ((System.nanoTime() - start) / 1e9);

            assertThat(rig.gateway.counters().accepted()).isEqualTo(2L * n);
            System.out.printf("ingest rate: CoAP %.0f readings/s (%d sequential CON posts, answered after commit); "
                    + "MQTT %.0f readings/s (%d QoS 1 publishes, acks awaited, until all journalled)%n",
                    coapRate, n, mqttRate, n);
        }
    }

    private static String garbage(SplittableRandom random) {
        return garbage(random, random.nextInt(6));
    }

    private static String garbage(SplittableRandom random, int kind) {
        return switch (kind) {
            case 0 -> "{\"v\":1,";
            case 1 -> "{\"v\":2,\"seq\":1,\"t\":\"2026-11-23T09:00:00Z\",\"type\":\"fall\"}";
            case 2 -> "{\"v\":1,\"seq\":-4,\"t\":\"2026-11-23T09:00:00Z\",\"type\":\"fall\"}";
            case 3 -> "{\"v\":1,\"seq\":1,\"t\":\"yesterday\",\"type\":\"fall\"}";
            case 4 -> "[1,2,3]";
            default -> {
                byte[] b = new byte[1 + random.nextInt(200)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) ('!' + random.nextInt(90));
                }
                yield "\u0000" + new String(b, StandardCharsets.US_ASCII); // never valid JSON
            }
        };
    }

    /** A plain Paho publisher at QoS 1 that waits for each PUBACK. */
    private static final class Publisher implements AutoCloseable {
        private final MqttClient client;

        Publisher(String clientId) throws MqttException {
            client = new MqttClient(mosquitto.uri(), clientId, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(1000); // Paho 1.2.5 can report 32202 (too many in flight) under its default 10
            options.setCleanSession(true);
            client.connect(options);
        }

        void publish(String topic, String body) throws MqttException {
            client.publish(topic, body.getBytes(StandardCharsets.UTF_8), 1, false);
        }

        @Override
        public void close() throws MqttException {
            client.disconnect();
            client.close();
        }
    }
}
