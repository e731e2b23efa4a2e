package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hearth.simulator.Peers;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.home.DemoHome;
import org.hearth.simulator.home.Zigbee2MqttSensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Mosquitto killed (SIGKILL) and restarted under a running gateway: the gateway reconnects, resubscribes, and
 * journals every QoS 1 reading exactly once, those published before the restart, those published while it is still
 * reconnecting (queued by the broker in its persistent session) and those after; a help call after the restart
 * reaches the care record once.
 */
class BrokerRestartIT {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    private static final Instant MONDAY = LocalDateTime.of(2026, 11, 23, 8, 0).atZone(GatewayRig.LONDON).toInstant();
    private static final int PER_PHASE = 50;

    @Test
    void theGatewayReconnectsAfterABrokerKillAndLosesNoQos1Reading(@TempDir Path dir) throws Exception {
        SharedSandbox.get();
        Mosquitto broker = Peers.mosquitto(dir.resolve("mosquitto"));
        try (broker; var rig = new GatewayRig(id -> yaml(id, broker.uri(), SharedSandbox.get().baseUrl(),
                dir.resolve("hearth.db")), dir, MONDAY)) {
            publishRadar(broker.uri(), 0, PER_PHASE);
            rig.awaitJournalled(PER_PHASE);

            broker.killAndRestart();
            // The gateway is still finding the broker again: these wait in its persistent session.
            publishRadar(broker.uri(), PER_PHASE, 2 * PER_PHASE);
            LOG.info("published while reconnecting; gateway connections so far: {}", rig.gateway.mqttConnections());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> rig.gateway.mqttConnections() >= 2 && rig.gateway.ready());

            publishRadar(broker.uri(), 2 * PER_PHASE, 3 * PER_PHASE);
            try (var sensors = new Zigbee2MqttSensors(broker.uri(), rig.gatewayId + "-bridge-2", "zigbee2mqtt")) {
                sensors.press("button_0", "single");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.journalledEvents() >= 3 * PER_PHASE + 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().outbox().delivered() == 1);

            assertThat(readingsOf(dir.resolve("hearth.db"), "radar-1")).isEqualTo(3 * PER_PHASE);
            assertThat(readingsOf(dir.resolve("hearth.db"), "button-0")).isEqualTo(1);
            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(1);
            assertThat(rig.tasks().entrySet()).singleElement().satisfies(e -> {
                assertThat(e.getKey()).contains(":help-button-pressed:button-0:");
                assertThat(e.getValue()).isEqualTo(1);
            });
        }
    }

    /** Radar motion events {@code from} (inclusive) to {@code to}, one sequence number each, at QoS 1. */
    private static void publishRadar(String uri, int from, int to) throws Exception {
        var client = new MqttClient(uri, "radar-publisher-" + from, new MemoryPersistence());
        var options = new MqttConnectOptions();
        options.setMaxInflight(1000); // Paho 1.2.5 can report 32202 (too many in flight) under its default 10
        options.setCleanSession(true);
        client.connect(options);
        for (int seq = from; seq < to; seq++) {
            String json = "{\"v\":1,\"seq\":" + seq + ",\"t\":\"" + MONDAY.plusSeconds(seq) + "\",\"type\":\"motion\"}";
            client.publish("hearth/restart-home/radar_1/event", json.getBytes(StandardCharsets.UTF_8), 1, false);
        }
        client.disconnect();
        client.close();
    }

    private static long readingsOf(Path db, String sensorId) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                var q = c.prepareStatement("SELECT COUNT(*) FROM readings WHERE sensor_id = ?")) {
            q.setString(1, sensorId);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String yaml(String gatewayId, String broker, String careRecordUrl, Path store) {
        return """
                gateway: { id: %s }
                home: { id: restart-home, zone: Europe/London }
                resident: { nhs-number: "%s" }
                sensors:
                  - { id: radar-1, name: radar_1, kind: radar }
                  - { id: button-0, name: button_0, kind: button }
                mqtt: { broker: "%s", client-id: "hearth-%s", embedded-port: 0 }
                store: { path: "%s" }
                care-record:
                  base-url: "%s"
                  identifier-system: %s
                  team-ods-code: RX1CT
                  first-retry: 200ms
                  max-retry: 2s
                  request-timeout: 5s
                """.formatted(gatewayId, DemoHome.TEST_NHS_NUMBER, broker, gatewayId, store.toAbsolutePath(),
                careRecordUrl, DemoHome.IDENTIFIER_SYSTEM);
    }
}
