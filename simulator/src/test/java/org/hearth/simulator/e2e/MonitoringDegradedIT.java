package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.hearth.gateway.app.GatewayHealth;
import org.hearth.simulator.Peers;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.home.DemoHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring degraded end to end (real Mosquitto, real gateway on virtual time, real HAPI JPA care record): a sensor
 * going offline, or the Zigbee bridge going away, reaches the care record as one routine alert per outage; recovery
 * ends the episode and a second outage is a second alert.
 */
class MonitoringDegradedIT {
    private static final Instant MORNING = LocalDateTime.of(2026, 11, 23, 9, 0).atZone(GatewayRig.LONDON).toInstant();
    private static Mosquitto mosquitto;

    @BeforeAll
    static void startPeers() throws Exception {
        SharedSandbox.get();
        mosquitto = Peers.sharedMosquitto();
    }

    @Test
    void aSensorOfflineIsOneRoutineAlertPerOutage(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(mosquitto.uri(), SharedSandbox.get().baseUrl(), dir, MORNING)) {
            rig.sensors.availability(DemoHome.FRONT_DOOR, false);
            awaitAccepted(rig, 1);
            rig.advance(Duration.ofMinutes(4), Duration.ofMinutes(1));
            assertThat(rig.gateway.health().alertsRaised()).isZero(); // within the 5 min grace

            rig.advance(Duration.ofMinutes(40), Duration.ofMinutes(1)); // past the grace, and long after
            await().atMost(Duration.ofSeconds(30)).until(() -> degraded(rig).size() == 1);
            String first = degraded(rig).keySet().iterator().next();
            assertThat(first).contains(":monitoring-degraded:front-door/offline:");
            assertThat(rig.careRecord.taskByIdentifier(DemoHome.IDENTIFIER_SYSTEM, first))
                    .hasValueSatisfying(t -> assertThat(t.getPriority().toCode()).isEqualTo("routine"));
            assertThat(rig.gateway.health().degradedSensors()).extracting(GatewayHealth.DegradedSensor::sensorId,
                    GatewayHealth.DegradedSensor::problem).containsExactly(org.assertj.core.groups.Tuple.tuple(
                    "front-door", "offline"));

            rig.sensors.availability(DemoHome.FRONT_DOOR, true);
            awaitAccepted(rig, 2);
            rig.advance(Duration.ofMinutes(1), Duration.ofMinutes(1));
            assertThat(rig.gateway.health().degradedSensors()).isEmpty();

            rig.sensors.availability(DemoHome.FRONT_DOOR, false);
            awaitAccepted(rig, 3);
            rig.advance(Duration.ofMinutes(10), Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> degraded(rig).size() == 2);
            assertThat(degraded(rig).values()).containsOnly(1);
            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(2);
        }
    }

    @Test
    void theBridgeGoingDownIsOneAlertForTheWholeHomePerOutage(@TempDir Path dir) throws Exception {
        try (var rig = new GatewayRig(mosquitto.uri(), SharedSandbox.get().baseUrl(), dir, MORNING)) {
            rig.sensors.bridgeState(false);
            awaitAccepted(rig, 1);
            rig.advance(Duration.ofHours(2), Duration.ofMinutes(5));
            await().atMost(Duration.ofSeconds(30)).until(() -> degraded(rig).size() == 1);
            assertThat(degraded(rig).keySet()).singleElement().asString()
                    .contains(":monitoring-degraded:zigbee2mqtt-bridge/bridge-down:");

            rig.sensors.bridgeState(true);
            awaitAccepted(rig, 2);
            rig.advance(Duration.ofMinutes(5), Duration.ofMinutes(1));
            rig.sensors.bridgeState(false);
            awaitAccepted(rig, 3);
            rig.advance(Duration.ofMinutes(10), Duration.ofMinutes(1));

            await().atMost(Duration.ofSeconds(30)).until(() -> degraded(rig).size() == 2);
            assertThat(degraded(rig).values()).containsOnly(1);
            assertThat(rig.gateway.health().alertsRaised()).isEqualTo(2); // one cause, not one alert per sensor
        }
    }

    private static void awaitAccepted(GatewayRig rig, long n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.gateway.counters().accepted() >= n);
    }

    private static Map<String, Integer> degraded(GatewayRig rig) {
        return rig.tasks().entrySet().stream().filter(e -> e.getKey().contains(":monitoring-degraded:"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
