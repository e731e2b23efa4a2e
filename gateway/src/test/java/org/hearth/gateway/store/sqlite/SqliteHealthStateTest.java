package org.hearth.gateway.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.store.MonitorState;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.fall.RadarFallState;
import org.hearth.rules.health.HealthPolicy;
import org.hearth.rules.health.SensorHealthDetector;
import org.hearth.rules.health.SensorHealthState;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

/** The sensor-health state survives the rule_state JSON snapshot exactly, and snapshots from before it still load. */
class SqliteHealthStateTest {
    private static final Instant T0 = Instant.parse("2026-03-28T10:00:00Z");

    @Test
    void aHealthStateWithAnOpenEpisodeAndLearntRhythmRoundTrips() {
        var detector = new SensorHealthDetector(List.of("hall-motion", "kettle"),
                HealthPolicy.defaults(ZoneId.of("Europe/London")));
        SensorHealthState health = SensorHealthState.initial();
        for (SensorEvent e : List.of(new SensorEvent("kettle", EventKind.POWER_SOURCE, T0, "mains"),
                new SensorEvent("hall-motion", EventKind.MOTION, T0, ""),
                new SensorEvent("hall-motion", EventKind.BATTERY, T0.plusSeconds(60), "12"),
                new SensorEvent(SensorHealthDetector.BRIDGE_ID, EventKind.BRIDGE_OFFLINE, T0.plusSeconds(90), ""),
                new SensorEvent("hall-motion", EventKind.SENSOR_OFFLINE, T0.plusSeconds(120), ""))) {
            health = detector.onEvent(health, e).state();
        }
        health = detector.onTick(health, T0.plus(Duration.ofMinutes(30))).state();
        assertThat(health.episodes()).isNotEmpty();
        MonitorState state = new MonitorState(EngineState.initial(), Map.of(), RadarFallState.initial(), health);

        MonitorState back = SqliteStore.readMonitorState(Json.write(state));

        assertThat(back).isEqualTo(state);
        assertThat(detector.onTick(back.health(), T0.plus(Duration.ofHours(2))))
                .isEqualTo(detector.onTick(health, T0.plus(Duration.ofHours(2))));
    }

    @Test
    void aSnapshotFromBeforeTheHealthStateReadsWithTheInitialOne() {
        String old = Json.write(new MonitorState(EngineState.initial(), Map.of(), RadarFallState.initial()))
                .replace(",\"health\":" + Json.write(SensorHealthState.initial()), "");
        assertThat(old).doesNotContain("health");

        MonitorState back = SqliteStore.readMonitorState(old);

        assertThat(back.health()).isEqualTo(SensorHealthState.initial());
    }
}
