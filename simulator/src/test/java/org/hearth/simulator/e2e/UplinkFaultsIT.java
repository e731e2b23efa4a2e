package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.IntStream;
import org.hearth.simulator.Peers;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.faults.FaultyCareRecordProxy;
import org.hearth.simulator.home.ButtonHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uplink under faults, between the real gateway and the real HAPI JPA care record: a three-day outage, a care
 * record that answers 409/429/500, answers slowly or not at all.
 */
class UplinkFaultsIT {
    private static final Logger LOG = LoggerFactory.getLogger(UplinkFaultsIT.class);
    private static final Instant MONDAY = LocalDateTime.of(2026, 11, 23, 8, 0).atZone(GatewayRig.LONDON).toInstant();
    private static Mosquitto mosquitto;

    @BeforeAll
    static void startPeers() throws Exception {
        SharedSandbox.get();
        mosquitto = Peers.sharedMosquitto();
    }

    @Test
    void aThreeDayOutageIsDrainedAfterRecoveryWithoutLossOrDuplicate(@TempDir Path dir) throws Exception {
        int buttons = 300;
        try (var proxy = FaultyCareRecordProxy.start(SharedSandbox.get().baseUrl());
                var rig = new GatewayRig(id -> ButtonHome.yaml(id, buttons, mosquitto.uri(), proxy.baseUrl(), dir.resolve("hearth.db")), dir, MONDAY)) {
            proxy.down(true);

            // Three virtual days of alerts while the care record is unreachable.
            for (int day = 0; day < 3; day++) {
                for (int i = day * 100; i < (day + 1) * 100; i++) {
                    rig.sensors.press(ButtonHome.name(i), "single");
                }
                rig.awaitJournalled((day + 1) * 100L);
                rig.advance(Duration.ofDays(1), Duration.ofHours(1));
            }
            // 300 help calls, and one inactivity alert a day after each burst of presses.
            long raised = rig.gateway.health().alertsRaised();
            assertThat(raised).isEqualTo(buttons + 3);
            assertThat(rig.gateway.health().outbox().pending()).isEqualTo(raised);
            assertThat(rig.tasks()).isEmpty();

            proxy.down(false);
            rig.clock.advance(Duration.ofMinutes(5)); // past every not-before and the breaker's open wait
            long t0 = System.nanoTime();
            // Time keeps passing while the backlog drains, so a request that timed out on a busy machine (and was
            // rescheduled with backoff on the virtual clock) still falls due.
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
                rig.clock.advance(Duration.ofSeconds(1));
                return rig.gateway.health().outbox().delivered() == raised;
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            LOG.info("outage drain: {} alerts in {} s = {} alerts/s", raised, String.format("%.2f", seconds),
                    String.format("%.0f", raised / seconds));

            Map<String, Integer> tasks = rig.tasks();
            assertThat(tasks).hasSize((int) raised).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(rig.observations()).hasSize((int) raised).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(tasks.keySet().stream().filter(id -> id.contains(":help-button-pressed:")).map(ButtonHome::sensorOf))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, buttons).mapToObj(ButtonHome::sensorId).toList());
        }
    }

    @Test
    void conflictsThrottlingServerErrorsAndTimeoutsAreRetriedUntilEachAlertIsStoredOnce(@TempDir Path dir) throws Exception {
        try (var proxy = FaultyCareRecordProxy.start(SharedSandbox.get().baseUrl());
                var rig = new GatewayRig(id -> ButtonHome.yaml(id, 5, mosquitto.uri(), proxy.baseUrl(), dir.resolve("hearth.db")), dir, MONDAY)) {
            int[][] faults = {{409}, {429}, {500}};
            for (int i = 0; i < faults.length; i++) {
                proxy.answerNext(1, faults[i][0]);
                rig.sensors.press(ButtonHome.name(i), "single");
                await().atMost(Duration.ofSeconds(30)).until(() -> proxy.refused() > 0);
                keepAdvancingUntilDelivered(rig, i + 1);
            }
            // Slow beyond the request timeout (5 s): the care record stores it, the gateway gives up and retries.
            proxy.delayNext(1, Duration.ofSeconds(7));
            rig.sensors.press(ButtonHome.name(3), "single");
            keepAdvancingUntilDelivered(rig, 4);
            // A lost answer: stored, but the gateway hears 503.
            proxy.loseNextResponses(1);
            rig.sensors.press(ButtonHome.name(4), "single");
            keepAdvancingUntilDelivered(rig, 5);

            assertThat(rig.tasks()).hasSize(5).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(rig.observations()).hasSize(5).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(proxy.refused()).isEqualTo(3);
        }
    }

    /** Moves virtual time on (so retries fall due) until {@code n} alerts are delivered. */
    private static void keepAdvancingUntilDelivered(GatewayRig rig, long n) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            rig.clock.advance(Duration.ofSeconds(3));
            return rig.gateway.health().outbox().delivered() >= n;
        });
    }
}
