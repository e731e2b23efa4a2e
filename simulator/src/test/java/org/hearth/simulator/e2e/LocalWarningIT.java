package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.hearth.gateway.app.Gateway;
import org.hearth.gateway.config.ConfigLoader;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.store.AlertState;
import org.hearth.simulator.Peers;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.home.DemoHome;
import org.hearth.simulator.home.Zigbee2MqttSensors;
import org.hearth.simulator.time.VirtualClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staged local warning end to end: real Mosquitto, the real HAPI JPA care record, the real gateway on virtual time.
 * The resident goes quiet in the kitchen at 09:00; the 3 h allowance runs out at 12:00, when the gateway asks through
 * the sounder topic (a real subscriber plays the sounder) and holds the alert for 5 min. The pendant's single press is
 * the "I'm OK" answer.
 */
class LocalWarningIT {
    private static final Instant NINE = LocalDateTime.of(2026, 11, 23, 9, 0).atZone(GatewayRig.LONDON).toInstant();
    private static final Instant NOON = NINE.plus(Duration.ofHours(3));
    private static final Instant DEADLINE = NOON.plus(Duration.ofMinutes(5));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Mosquitto mosquitto;

    @BeforeAll
    static void startPeers() throws Exception {
        SharedSandbox.get();
        mosquitto = Peers.sharedMosquitto();
    }

    private static String topic(String gatewayId) {
        return "hearth/" + gatewayId + "/warning"; // one per test: the broker is shared by the test JVM
    }

    private static String yaml(String gatewayId, Path dir) {
        return DemoHome.yaml(gatewayId, mosquitto.uri(), SharedSandbox.get().baseUrl(), dir.resolve("hearth.db")) + """
                warning:
                  enabled: true
                  topic: %s
                  windows: { inactivity: 5m, fall: 60s }
                  ok-buttons: [pendant]
                  ok-actions: [single]
                """.formatted(topic(gatewayId));
    }

    /** The sounder: a real MQTT subscriber on the warning topic. */
    static final class Sounder implements AutoCloseable {
        final List<String> messages = new CopyOnWriteArrayList<>();
        private final MqttClient client;

        Sounder(String brokerUri, String clientId, String topic) throws Exception {
            client = new MqttClient(brokerUri, clientId, new MemoryPersistence());
            var options = new MqttConnectOptions();
            options.setMaxInflight(1000); // Paho 1.2.5 can report 32202 (too many in flight) under its default 10
            options.setCleanSession(true);
            client.connect(options);
            client.subscribe(topic, 1, (t, m) -> messages.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        }

        JsonNode awaitMessage(int n) throws Exception {
            await().atMost(Duration.ofSeconds(30)).until(() -> messages.size() >= n);
            return JSON.readTree(messages.get(n - 1));
        }

        @Override
        public void close() throws Exception {
            client.disconnect();
            client.close();
        }
    }

    /** Motion at 09:00, then virtual time to noon: the warning is given and reaches the sounder. */
    private static JsonNode quietUntilNoon(GatewayRig rig, Sounder sounder) throws Exception {
        rig.sensors.motion(DemoHome.KITCHEN, true);
        rig.awaitJournalled(1);
        // A real PIR clears after its own timeout; one that stayed "occupied" for hours would rightly look stuck.
        rig.clock.advance(Duration.ofSeconds(90));
        rig.sensors.motion(DemoHome.KITCHEN, false);
        rig.awaitJournalled(2);
        rig.advance(Duration.ofHours(3).minusSeconds(90), Duration.ofMinutes(15));
        JsonNode warning = sounder.awaitMessage(1);
        assertThat(warning.path("schema").asText()).isEqualTo("hearth.warning/1");
        assertThat(warning.path("alertType").asText()).isEqualTo("prolonged-inactivity");
        assertThat(Instant.parse(warning.path("warnedAt").asText())).isEqualTo(NOON);
        assertThat(Instant.parse(warning.path("deadline").asText())).isEqualTo(DEADLINE);
        assertThat(warning.path("text").asText()).isEqualTo("Are you OK? Press your button if you are.");
        assertThat(sounder.messages.get(0)).doesNotContain(DemoHome.TEST_NHS_NUMBER).doesNotContain("kitchen");
        return warning;
    }

    @Test
    void anOkPressWithinTheWindowKeepsTheAlertOutOfTheCareRecordAndRecordsTheCancellation(@TempDir Path dir)
            throws Exception {
        try (var rig = new GatewayRig(id -> yaml(id, dir), dir, NINE);
                var sounder = new Sounder(mosquitto.uri(), rig.gatewayId + "-sounder", topic(rig.gatewayId))) {
            quietUntilNoon(rig, sounder);

            rig.clock.advance(Duration.ofMinutes(2));
            rig.sensors.press(DemoHome.PENDANT, "single");
            rig.awaitJournalled(3);
            rig.advance(Duration.ofHours(1), Duration.ofMinutes(1));
            long passes = rig.gateway.uplinkPasses();
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.uplinkPasses() >= passes + 2);

            var health = rig.gateway.health();
            assertThat(health.alertsRaised()).isZero(); // neither the inactivity alert nor a help call
            assertThat(health.outbox().pending() + health.outbox().delivered() + health.outbox().dead()).isZero();
            assertThat(health.alerts()).containsEntry(AlertState.CANCELLED_BY_RESIDENT, 1L);
            assertThat(rig.tasks()).isEmpty();
            assertThat(rig.observations()).isEmpty();
            assertThat(rig.gateway.cancelledWarnings(NINE, rig.clock.instant())).singleElement().satisfies(c -> {
                assertThat(c.alert().type().code()).isEqualTo("prolonged-inactivity");
                assertThat(c.alert().onset()).isEqualTo(NINE);
                assertThat(c.alert().evidence().events()).isNotEmpty();
                assertThat(c.cancelledBy()).isEqualTo("pendant");
                assertThat(c.cancelledAt()).isEqualTo(NOON.plus(Duration.ofMinutes(2)));
            });
            assertThat(sounder.messages).hasSize(1);
        }
    }

    @Test
    void unansweredTheAlertReachesTheCareRecordOnceAfterTheWindow(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(id -> yaml(id, dir), dir, NINE);
                var sounder = new Sounder(mosquitto.uri(), rig.gatewayId + "-sounder", topic(rig.gatewayId))) {
            quietUntilNoon(rig, sounder);

            rig.advance(Duration.ofMinutes(4).plusSeconds(59), Duration.ofMinutes(1));
            assertThat(rig.gateway.health().alertsRaised()).isZero();
            assertThat(rig.gateway.health().outbox().pending()).isZero();

            rig.clock.advanceTo(DEADLINE);
            rig.gateway.tick();
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.tasks().size() == 1);
            rig.advance(Duration.ofHours(1), Duration.ofMinutes(5));
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().outbox().delivered() == 1);

            assertOneInactivityTaskAtTheDeadline(rig.gatewayId, rig.tasks());
            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(1);
            assertThat(rig.gateway.cancelledWarnings(NINE, rig.clock.instant())).isEmpty();
        }
    }

    @Test
    void aRestartDuringTheWarningStillHonoursItsDeadlineOnce(@TempDir Path dir) throws Exception {
        String gatewayId = "gw-warn-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        GatewayConfig config = new ConfigLoader(Map.of()).parse(yaml(gatewayId, dir));
        var clock = VirtualClock.at(NINE, GatewayRig.LONDON);
        var careRecord = SharedSandbox.inspector();

        try (var sounder = new Sounder(mosquitto.uri(), gatewayId + "-sounder", topic(gatewayId))) {
            try (Gateway gateway = Gateway.start(config, clock, false);
                    var sensors = new Zigbee2MqttSensors(mosquitto.uri(), gatewayId + "-bridge", "zigbee2mqtt")) {
                await().atMost(Duration.ofSeconds(20)).until(gateway::ready);
                sensors.motion(DemoHome.KITCHEN, true);
                await().atMost(Duration.ofSeconds(10)).until(() -> gateway.journalledEvents() == 1);
                clock.advanceTo(NOON);
                gateway.tick();
                sounder.awaitMessage(1);
                clock.advance(Duration.ofMinutes(2));
                gateway.tick();
            }

            try (Gateway gateway = Gateway.start(config, clock, false)) { // back up before the deadline
                gateway.tick();
                assertThat(gateway.health().alertsRaised()).isZero();
                clock.advanceTo(DEADLINE);
                gateway.tick();
                assertThat(gateway.health().alertsRaised()).isEqualTo(1);
                await().atMost(Duration.ofSeconds(30)).until(() -> gateway.health().outbox().delivered() == 1);
            }

            try (Gateway gateway = Gateway.start(config, clock, false)) { // and again: nothing more
                clock.advance(Duration.ofHours(1));
                gateway.tick();
                assertThat(gateway.health().alertsRaised()).isEqualTo(1);
                assertThat(gateway.health().outbox().pending()).isZero();
            }
            assertThat(sounder.messages).hasSize(1); // published once, not again after the restart
        }
        var mine = careRecord.countTasksByIdentifier(DemoHome.IDENTIFIER_SYSTEM);
        assertOneInactivityTaskAtTheDeadline(gatewayId, mine);
        String identifier = mine.keySet().stream().filter(k -> k.startsWith(gatewayId + ":")).findFirst().orElseThrow();
        var task = careRecord.taskByIdentifier(DemoHome.IDENTIFIER_SYSTEM, identifier).orElseThrow();
        assertThat(task.getAuthoredOn().toInstant()).isEqualTo(DEADLINE);
    }

    private static void assertOneInactivityTaskAtTheDeadline(String gatewayId, Map<String, Integer> tasks) {
        var mine = tasks.entrySet().stream().filter(e -> e.getKey().startsWith(gatewayId + ":")).toList();
        assertThat(mine).singleElement().satisfies(e -> {
            assertThat(e.getValue()).isEqualTo(1);
            // the same identifier as without the warning: onset 09:00 in the key
            assertThat(e.getKey()).isEqualTo(gatewayId + ":prolonged-inactivity:kitchen-motion:" + NINE.toEpochMilli());
        });
    }
}
