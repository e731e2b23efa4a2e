package org.hearth.simulator.e2e;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hearth.gateway.app.Gateway;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.carerecord.CareRecordInspector;
import org.hearth.simulator.home.DemoHome;
import org.hearth.simulator.home.Zigbee2MqttSensors;
import org.hearth.simulator.time.VirtualClock;

/**
 * A real gateway on virtual time with the demo home's sensors, wired to a broker and a care record, for one test.
 * Each rig has its own gateway id, so its identifiers are its own in the shared care record.
 */
final class GatewayRig implements AutoCloseable {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final String gatewayId = "gw-it-" + UUID.randomUUID().toString().substring(0, 8);
    final VirtualClock clock;
    final Gateway gateway;
    final Zigbee2MqttSensors sensors;
    final CareRecordInspector careRecord = SharedSandbox.inspector();
    /** The gateway's configuration as a file, for its command line. */
    final Path configFile;

    GatewayRig(String broker, String careRecordUrl, Path dir, Instant start) throws Exception {
        this(id -> DemoHome.yaml(id, broker, careRecordUrl, dir.resolve("hearth.db")), dir, start);
    }

    /** A rig whose YAML configuration is made for its gateway id and written to {@code dir/hearth.yaml}. */
    GatewayRig(java.util.function.Function<String, String> yamlFor, Path dir, Instant start) throws Exception {
        this.clock = VirtualClock.at(start, LONDON);
        this.configFile = java.nio.file.Files.writeString(dir.resolve("hearth.yaml"), yamlFor.apply(gatewayId));
        this.gateway = Gateway.start(new org.hearth.gateway.config.ConfigLoader(Map.of()).load(configFile), clock, false);
        await().atMost(Duration.ofSeconds(20)).until(gateway::ready);
        this.sensors = new Zigbee2MqttSensors(gateway.brokerUri(), gatewayId + "-bridge", "zigbee2mqtt");
    }

    /** Tasks in the care record per identifier minted by this rig's gateway. */
    Map<String, Integer> tasks() {
        return mine(careRecord.countTasksByIdentifier(DemoHome.IDENTIFIER_SYSTEM));
    }

    /** Observations in the care record per identifier minted by this rig's gateway. */
    Map<String, Integer> observations() {
        return mine(careRecord.countObservationsByIdentifier(DemoHome.IDENTIFIER_SYSTEM));
    }

    private Map<String, Integer> mine(Map<String, Integer> all) {
        return all.entrySet().stream().filter(e -> e.getKey().startsWith(gatewayId + ":"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Waits until the gateway has journalled more than {@code events} events. */
    void awaitJournalled(long events) {
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.journalledEvents() >= events);
    }

    /** Moves virtual time forward in steps, ticking the rules at each. */
    void advance(Duration total, Duration step) {
        Instant end = clock.instant().plus(total);
        while (clock.instant().isBefore(end)) {
            Instant next = clock.instant().plus(step);
            clock.advanceTo(next.isAfter(end) ? end : next);
            gateway.tick();
        }
    }

    @Override
    public void close() throws Exception {
        sensors.close();
        gateway.close();
    }
}
