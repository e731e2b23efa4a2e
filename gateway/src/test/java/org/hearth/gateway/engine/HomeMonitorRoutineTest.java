package org.hearth.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.config.SensorKind;
import org.hearth.gateway.ingest.IngestCounters;
import org.hearth.gateway.ingest.Zigbee2MqttDecoder;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.routine.RoutineWatch;
import org.hearth.rules.routine.RoutineWatchPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routine detectors run in the monitor on messages and ticks, and their state survives a restart. */
class HomeMonitorRoutineTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<GatewayConfig.Sensor> SENSORS = List.of(
            new GatewayConfig.Sensor("front-door", "front_door", SensorKind.CONTACT, "hall", SensorRole.FRONT_DOOR),
            new GatewayConfig.Sensor("hall-motion", "hall_motion", SensorKind.MOTION, "hall"));

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-06-10T22:20:00Z"); // 23:20 BST
    private final List<Alert> raised = new ArrayList<>();

    private HomeMonitor monitor(SqliteStore store) {
        HomeLayout layout = HomeLayout.empty().with("front-door", SensorRole.FRONT_DOOR, Room.HALL)
                .with("hall-motion", SensorRole.MOTION, Room.HALL);
        RulesEngine engine = new RulesEngine(layout, ClinicianLimits.routinePolicy(InactivityPolicy.ukDefault(LONDON)));
        return new HomeMonitor(engine, store, new Zigbee2MqttDecoder("zigbee2mqtt", SENSORS), new IngestCounters(),
                clock, raised::addAll, null, new RoutineWatch(layout, RoutineWatchPolicy.ukDefault(LONDON)));
    }

    @Test
    void aNightOpeningOfTheFrontDoorIsAlertedOnceByTheTickAfterARestart() {
        SqliteStore store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test");
        HomeMonitor monitor = monitor(store);
        monitor.onMessage("zigbee2mqtt/hall_motion", "{\"occupancy\":true}".getBytes(StandardCharsets.UTF_8));
        clock.advance(Duration.ofMinutes(1));
        monitor.onMessage("zigbee2mqtt/front_door", "{\"contact\":false}".getBytes(StandardCharsets.UTF_8));
        assertThat(monitor.nextDeadline()).contains(clock.instant().plus(Duration.ofMinutes(5)));
        store.close();

        clock.advance(Duration.ofMinutes(10));
        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test");
        HomeMonitor restarted = monitor(store);
        restarted.tick();
        restarted.tick();
        store.close();

        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.DOOR_OPEN_NIGHT);
            assertThat(a.raisedAt()).isEqualTo(a.onset().plus(Duration.ofMinutes(5)));
        });
    }
}
