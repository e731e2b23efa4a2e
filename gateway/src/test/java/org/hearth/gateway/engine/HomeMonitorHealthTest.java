package org.hearth.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.config.GatewayConfig.Sensor;
import org.hearth.gateway.config.SensorKind;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home monitor runs the sensor-health rules on every message and tick, with a real SQLite store. */
class HomeMonitorHealthTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final List<Alert> alerts = new ArrayList<>();
    private SqliteStore store;
    private HomeMonitor monitor;

    @BeforeEach
    void start() {
        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test");
        monitor = monitor();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private HomeMonitor monitor() {
        var decoder = new Zigbee2MqttDecoder("zigbee2mqtt", List.of(
                new Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"),
                new Sensor("kitchen-motion", "kitchen_motion", SensorKind.MOTION, "kitchen"),
                new Sensor("front-door", "front_door", SensorKind.CONTACT, "hall"),
                new Sensor("bed-mat", "bed_mat", SensorKind.MAT, "bedroom")));
        return new HomeMonitor(new RulesEngine(InactivityPolicy.constant(LONDON, Duration.ofHours(3))), store, decoder,
                new IngestCounters(), clock, alerts::addAll);
    }

    private void publish(String topic, String payload) {
        monitor.onMessage(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOfflineSensorIsOneRoutineAlertAndTheInactivityAlertSaysTheHomeCannotBeSeen() {
        publish("zigbee2mqtt/kitchen_motion", "{\"occupancy\":true,\"battery\":90}");
        publish("zigbee2mqtt/kitchen_motion", "{\"occupancy\":false}");
        clock.advance(Duration.ofMinutes(10));
        publish("zigbee2mqtt/hall_motion/availability", "offline");
        for (int m = 0; m < 200; m += 5) {
            clock.advance(Duration.ofMinutes(5));
            monitor.tick();
        }

        assertThat(alerts).extracting(Alert::type).containsExactly(AlertType.MONITORING_DEGRADED,
                AlertType.PROLONGED_INACTIVITY);
        assertThat(alerts.get(0).sensorId()).isEqualTo("hall-motion/offline");
        assertThat(alerts.get(1).evidence().explanation()).contains("can't see: hall-motion offline since 09:10");
        assertThat(monitor.degradedSensors()).extracting(e -> e.sensorId()).containsExactly("hall-motion");

        // The state survives a restart: the same episode does not alert again.
        monitor = monitor();
        clock.advance(Duration.ofMinutes(5));
        monitor.tick();
        assertThat(alerts).hasSize(2);
        publish("zigbee2mqtt/hall_motion", "{\"linkquality\":80}");
        assertThat(monitor.degradedSensors()).isEmpty();
    }

    /**
     * Zigbee2MQTT resends a device's whole state with every report: a door's and a mat's hourly check-ins say
     * "closed" and "vacated" again. They prove the sensors alive; they are not someone closing the door, so they
     * neither restart the silence clock nor go in the journal.
     */
    @Test
    void checkInsRepeatingAContactOrMatStateAreNotActivity() {
        publish("zigbee2mqtt/bed_mat", "{\"occupancy\":true,\"battery\":90}");
        publish("zigbee2mqtt/bed_mat", "{\"occupancy\":false,\"battery\":90}");
        publish("zigbee2mqtt/front_door", "{\"contact\":true,\"battery\":88}");
        long journalled = store.eventCount();
        for (int m = 0; m < 4 * 60; m += 5) {
            clock.advance(Duration.ofMinutes(5));
            if (m % 50 == 45) {
                publish("zigbee2mqtt/front_door", "{\"contact\":true,\"battery\":88,\"linkquality\":90}");
                publish("zigbee2mqtt/bed_mat", "{\"occupancy\":false,\"battery\":90,\"linkquality\":70}");
            }
            monitor.tick();
        }

        assertThat(alerts).extracting(Alert::type).containsExactly(AlertType.PROLONGED_INACTIVITY);
        assertThat(alerts.get(0).onset()).isEqualTo(java.time.Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(store.eventCount()).isEqualTo(journalled);

        // A real change still counts, after a restart too (the states are part of the snapshot).
        monitor = monitor();
        publish("zigbee2mqtt/front_door", "{\"contact\":true}");
        assertThat(store.eventCount()).isEqualTo(journalled);
        publish("zigbee2mqtt/front_door", "{\"contact\":false}");
        assertThat(store.eventCount()).isEqualTo(journalled + 1);
    }

    /**
     * A PIR stuck on "occupied" keeps saying so in every check-in. Once the health rules have proven it stuck, those
     * reports are not the resident moving: a resident silent since still raises the inactivity alert.
     */
    @Test
    void aPirProvenStuckNoLongerCountsAsMovement() {
        publish("zigbee2mqtt/hall_motion", "{\"occupancy\":true}"); // 09:00, and it never clears
        clock.advance(Duration.ofHours(2).plusMinutes(5));
        publish("zigbee2mqtt/kitchen_motion", "{\"occupancy\":true}"); // 11:05: someone elsewhere proves it stuck
        publish("zigbee2mqtt/kitchen_motion", "{\"occupancy\":false}");
        assertThat(alerts).extracting(Alert::type).containsExactly(AlertType.MONITORING_DEGRADED);
        assertThat(alerts.get(0).sensorId()).isEqualTo("hall-motion/stuck-occupied");

        for (int m = 0; m < 4 * 60; m += 5) {
            clock.advance(Duration.ofMinutes(5));
            if (m % 30 == 25) {
                publish("zigbee2mqtt/hall_motion", "{\"occupancy\":true,\"battery\":80}"); // its check-in
            }
            monitor.tick();
        }

        assertThat(alerts).extracting(Alert::type).containsExactly(AlertType.MONITORING_DEGRADED,
                AlertType.PROLONGED_INACTIVITY);
        assertThat(alerts.get(1).onset()).isEqualTo(java.time.Instant.parse("2026-03-02T11:05:00Z"));
    }
}
