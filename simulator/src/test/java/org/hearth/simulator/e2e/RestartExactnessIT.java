package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.hearth.gateway.app.Gateway;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.home.DemoHome;
import org.hearth.simulator.home.Zigbee2MqttSensors;
import org.hearth.simulator.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reboot neither forgets a pending inactivity deadline nor fires it twice. */
class RestartExactnessIT {

    @Test
    void aDeadlineThatPassesWhileTheGatewayIsDownFiresOnceAtItsOwnTime(@TempDir Path dir) throws Exception {
        String gatewayId = "gw-restart-" + UUID.randomUUID().toString().substring(0, 8);
        GatewayConfig config = DemoHome.config(gatewayId, "embedded", SharedSandbox.get().baseUrl(), dir.resolve("hearth.db"));
        Instant nine = LocalDateTime.of(2026, 11, 23, 9, 0).atZone(GatewayRig.LONDON).toInstant();
        var clock = VirtualClock.at(nine, GatewayRig.LONDON);
        var careRecord = SharedSandbox.inspector();

        try (Gateway gateway = Gateway.start(config, clock, false)) {
            await().atMost(Duration.ofSeconds(20)).until(gateway::ready);
            try (var sensors = new Zigbee2MqttSensors(gateway.brokerUri(), gatewayId + "-bridge", "zigbee2mqtt")) {
                sensors.motion(DemoHome.KITCHEN, true);
                await().atMost(Duration.ofSeconds(10)).until(() -> gateway.journalledEvents() == 1);
            }
        }
        clock.advance(Duration.ofHours(4)); // down across the 12:00 deadline (3 h allowance after 09:00)

        try (Gateway gateway = Gateway.start(config, clock, false)) {
            gateway.tick();
            assertThat(gateway.health().alertsRaised()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.health().outbox().delivered() == 1);
        }
        try (Gateway gateway = Gateway.start(config, clock, false)) {
            clock.advance(Duration.ofHours(1));
            gateway.tick();
            assertThat(gateway.health().alertsRaised()).isEqualTo(1);
        }

        var tasks = careRecord.countTasksByIdentifier(DemoHome.IDENTIFIER_SYSTEM).entrySet().stream()
                .filter(e -> e.getKey().startsWith(gatewayId + ":")).toList();
        assertThat(tasks).singleElement().satisfies(e -> {
            assertThat(e.getValue()).isEqualTo(1);
            // onset 09:00 is in the key; the alert was raised at the deadline itself, not at the restart
            assertThat(e.getKey()).contains(":prolonged-inactivity:kitchen-motion:" + nine.toEpochMilli());
        });
        var task = careRecord.taskByIdentifier(DemoHome.IDENTIFIER_SYSTEM, tasks.get(0).getKey()).orElseThrow();
        assertThat(task.getAuthoredOn().toInstant()).isEqualTo(nine.plus(Duration.ofHours(3)));
    }
}
