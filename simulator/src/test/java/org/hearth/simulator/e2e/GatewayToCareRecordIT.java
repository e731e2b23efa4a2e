package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.hearth.gateway.ingest.RejectReason;
import org.hearth.simulator.Peers;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.faults.FaultyCareRecordProxy;
import org.hearth.simulator.home.DemoHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zigbee2MQTT messages published to a real broker (Mosquitto, and the embedded one) reach the real gateway, whose
 * alerts appear exactly once in the real HAPI JPA care record: also when a message is delivered twice and when the
 * uplink call has to be retried.
 */
class GatewayToCareRecordIT {
    private static final Instant MORNING = LocalDateTime.of(2026, 11, 23, 9, 0).atZone(GatewayRig.LONDON).toInstant();
    private static Mosquitto mosquitto;

    @BeforeAll
    static void startPeers() throws Exception {
        SharedSandbox.get();
        mosquitto = Peers.sharedMosquitto();
    }

    private static String broker(String kind) {
        return kind.equals("mosquitto") ? mosquitto.uri() : "embedded";
    }

    @ParameterizedTest(name = "{0} broker")
    @ValueSource(strings = {"mosquitto", "embedded"})
    void helpButtonPressAppearsExactlyOnceInTheCareRecord(String broker, @TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(broker(broker), SharedSandbox.get().baseUrl(), dir, MORNING)) {
            rig.sensors.press(DemoHome.PENDANT, "single");

            await().atMost(Duration.ofSeconds(30)).until(() -> rig.tasks().size() == 1);
            assertThat(rig.tasks().values()).containsExactly(1);
            assertThat(rig.observations()).isEqualTo(rig.tasks());
            var task = rig.careRecord.taskByIdentifier(DemoHome.IDENTIFIER_SYSTEM, rig.tasks().keySet().iterator().next());
            assertThat(task).hasValueSatisfying(t -> {
                assertThat(t.getPriority().toCode()).isEqualTo("stat");
                assertThat(t.getFocus().getReference()).startsWith("Observation/");
            });
        }
    }

    @ParameterizedTest(name = "{0} broker")
    @ValueSource(strings = {"mosquitto", "embedded"})
    void theSameMessageDeliveredTwiceRaisesOneAlert(String broker, @TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(broker(broker), SharedSandbox.get().baseUrl(), dir, MORNING)) {
            rig.sensors.press(DemoHome.PENDANT, "single");
            rig.awaitJournalled(1);
            rig.clock.advance(Duration.ofSeconds(2)); // at-least-once: the redelivery arrives a moment later
            rig.sensors.press(DemoHome.PENDANT, "single");
            rig.awaitJournalled(2);

            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().outbox().delivered() >= 1);
            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(1);
            assertThat(rig.tasks()).hasSize(1).containsValue(1);
            assertThat(rig.observations()).hasSize(1).containsValue(1);
        }
    }

    @Test
    void aLostCareRecordResponseIsRetriedWithoutADuplicate(@TempDir Path dir) throws Exception {
        try (var proxy = FaultyCareRecordProxy.start(SharedSandbox.get().baseUrl());
                var rig = new GatewayRig(mosquitto.uri(), proxy.baseUrl(), dir, MORNING)) {
            proxy.loseNextResponses(1);

            rig.sensors.press(DemoHome.PENDANT, "single");
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.lost() == 1);
            // The proxy counts the loss before the gateway has its 503: wait until the retry is scheduled, or the
            // clock could move first and the not-before be computed from the later time.
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().uplink().lastError().isPresent());
            rig.clock.advance(Duration.ofMinutes(1)); // past the retry's not-before

            await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().outbox().delivered() == 1);
            assertThat(proxy.forwarded()).isGreaterThanOrEqualTo(2);
            assertThat(rig.tasks()).hasSize(1).containsValue(1);
            assertThat(rig.observations()).hasSize(1).containsValue(1);
        }
    }

    @Test
    void prolongedInactivityIsRaisedOnceAtItsDeadline(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(mosquitto.uri(), SharedSandbox.get().baseUrl(), dir, MORNING)) {
            rig.sensors.motion(DemoHome.KITCHEN, true);
            rig.awaitJournalled(1);

            rig.advance(Duration.ofHours(2).plusMinutes(55), Duration.ofMinutes(5));
            assertThat(rig.gateway.health().alertsRaised()).isZero();
            rig.advance(Duration.ofHours(2), Duration.ofMinutes(5));

            await().atMost(Duration.ofSeconds(30)).until(() -> rig.tasks().size() == 1);
            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(1);
            assertThat(rig.tasks().keySet()).singleElement().asString().contains("prolonged-inactivity");
        }
    }

    @Test
    void badInputIsCountedAndDroppedAndLaterGoodReadingsStillRaiseAlerts(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(mosquitto.uri(), SharedSandbox.get().baseUrl(), dir, MORNING)) {
            rig.sensors.raw(DemoHome.KITCHEN, "{not json".getBytes(StandardCharsets.UTF_8));
            rig.sensors.raw("stranger_sensor", "{\"occupancy\":true}".getBytes(StandardCharsets.UTF_8));
            rig.sensors.raw(DemoHome.KITCHEN, "{\"occupancy\":\"yes\"}".getBytes(StandardCharsets.UTF_8));
            rig.sensors.raw(DemoHome.KITCHEN, new byte[20_000]);
            rig.sensors.raw(DemoHome.KITCHEN + "/deeper/topic", "{}".getBytes(StandardCharsets.UTF_8));

            var counters = rig.gateway.counters();
            await().atMost(Duration.ofSeconds(10)).until(() -> counters.rejectedTotal() == 5);
            assertThat(counters.rejections()).containsAllEntriesOf(Map.of(
                    RejectReason.MALFORMED_JSON, 1L, RejectReason.UNKNOWN_SENSOR, 1L, RejectReason.WRONG_TYPE, 1L,
                    RejectReason.TOO_LARGE, 1L, RejectReason.UNSUPPORTED_TOPIC, 1L));
            assertThat(rig.gateway.journalledEvents()).isZero();

            rig.sensors.press(DemoHome.PENDANT, "single");
            await().atMost(Duration.ofSeconds(30)).until(() -> rig.tasks().size() == 1);
            assertThat(rig.gateway.ready()).isTrue();
        }
    }
}
