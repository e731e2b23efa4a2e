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
import org.hearth.simulator.home.DeviceReports;
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
    /** The devices' periodic reports, as real Zigbee2MQTT devices send them, so long runs do not look silent. */
    private final DeviceReports reports;

    GatewayRig(String broker, String careRecordUrl, Path dir, Instant start) throws Exception {
        this(id -> DemoHome.yaml(id, broker, careRecordUrl, dir.resolve("hearth.db")), dir, start);
    }

    /** A rig whose YAML configuration is made for its gateway id and written to {@code dir/hearth.yaml}. */
    GatewayRig(java.util.function.Function<String, String> yamlFor, Path dir, Instant start) throws Exception {
        this.clock = VirtualClock.at(start, LONDON);
        this.configFile = java.nio.file.Files.writeString(dir.resolve("hearth.yaml"), yamlFor.apply(gatewayId));
        var config = new org.hearth.gateway.config.ConfigLoader(Map.of()).load(configFile);
        this.gateway = Gateway.start(config, clock, false);
        await().atMost(Duration.ofSeconds(20)).until(gateway::ready);
        this.sensors = new Zigbee2MqttSensors(gateway.brokerUri(), gatewayId + "-bridge", "zigbee2mqtt");
        this.reports = new DeviceReports(sensors, config, start);
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

    /**
     * Moves virtual time forward in steps, ticking the rules at each; the devices send their periodic reports when due
     * and the gateway takes them in before time moves on.
     */
    void advance(Duration total, Duration step) {
        Instant end = clock.instant().plus(total);
        while (clock.instant().isBefore(end)) {
            Instant next = clock.instant().plus(step);
            clock.advanceTo(next.isAfter(end) ? end : next);
            long before = gateway.counters().accepted();
            int sent = sendReports();
            await().atMost(Duration.ofSeconds(120)).until(() -> gateway.counters().accepted() >= before + sent);
            gateway.tick();
        }
    }

    private int sendReports() {
        try {
            return reports.sendIfDue(clock.instant());
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            throw new IllegalStateException("device reports not published", e);
        }
    }

    @Override
    public void close() throws Exception {
        sensors.close();
        gateway.close();
    }
}
