package org.hearth.gateway.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hearth.gateway.store.MonitorState;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.SyntheticFall;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.fall.AccelBatch;
import org.hearth.rules.fall.FallState;
import org.hearth.rules.fall.RadarFallConfirmer;
import org.hearth.rules.fall.RadarFallState;
import org.hearth.rules.fall.WearableFallDetector;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.routine.RoutineState;
import org.hearth.rules.routine.RoutineWatch;
import org.hearth.rules.routine.RoutineWatchPolicy;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor state (engine, wearable and radar fall states) survives the rule_state JSON snapshot exactly. */
class SqliteMonitorStateTest {

    private static final Instant T0 = Instant.parse("2026-03-28T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-28T10:00:00Z");
    private Path file;
    private SqliteStore store;

    @BeforeEach
    void openStore() {
        file = dir.resolve("hearth.db");
        store = SqliteStore.open(file, clock, "gw-test");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aFallStateMidFallAndAPendingRadarFallRoundTripThroughAReopen() {
        WearableFallDetector detector = new WearableFallDetector();
        FallState fall = FallState.initial();
        List<AccelBatch> batches = SyntheticFall.batches("pendant-accel", T0, 4, 3);
        for (AccelBatch b : batches) {
            fall = detector.onBatch(fall, b).state();
        }
        // the state is mid-fall: an impact waiting for stillness, frames, an upright direction learnt from walking
        assertThat(fall.candidates()).isNotEmpty();
        assertThat(fall.recent()).isNotEmpty();
        assertThat(fall.upright()).isNotNull();
        RadarFallState radar = new RadarFallConfirmer()
                .onEvent(RadarFallState.initial(), new SensorEvent("radar", EventKind.RADAR_FALL, T0, "")).state();
        assertThat(radar.watch("radar").pendingFall()).isNotNull();
        SensorEvent motion = SensorEvent.of("hall-motion", EventKind.MOTION, T0);
        EngineState engine = EngineState.initial(); // built only through its public API: its shape is changing elsewhere
        MonitorState state = new MonitorState(engine, Map.of("pendant-accel", fall), radar);

        store.record(List.of(motion), state, List.of());
        store.close();
        store = SqliteStore.open(file, clock, "gw-test");

        assertThat(store.loadMonitorState()).contains(state);
        assertThat(store.loadEngineState()).contains(engine);
        // and the reloaded state detects exactly as the original would
        FallState reloaded = store.loadMonitorState().orElseThrow().wearables().get("pendant-accel");
        AccelBatch next = SyntheticFall.batches("pendant-accel", T0, 4, 20).get(8);
        assertThat(detector.onBatch(reloaded, next)).isEqualTo(detector.onBatch(fall, next));
    }

    @Test
    void anOldSnapshotHoldingOnlyAnEngineStateReadsWithNoFallState() throws Exception {
        EngineState engine = EngineState.initial();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO rule_state (id, body) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body")) {
            ps.setString(1, Json.write(engine));
            ps.executeUpdate();
        }

        assertThat(store.loadMonitorState()).contains(MonitorState.of(engine));
        assertThat(store.loadEngineState()).contains(engine);
    }

    @Test
    void recordingOnlyAnEngineStateKeepsTheStoredFallStates() {
        RadarFallState radar = new RadarFallConfirmer()
                .onEvent(RadarFallState.initial(), new SensorEvent("radar", EventKind.RADAR_FALL, T0, "")).state();
        store.record(List.of(), new MonitorState(EngineState.initial(), Map.of(), radar), List.of());

        store.record(List.of(), EngineState.initial(), List.of(TestAlerts.helpButton("pendant", T0)));

        assertThat(store.loadMonitorState().orElseThrow().radar()).isEqualTo(radar);
    }

    @Test
    void theRoutineDetectorsStateRoundTripsAndOldSnapshotsWithoutItLoad() throws Exception {
        RoutineWatch watch = new RoutineWatch(HomeLayout.empty().with("bathroom-motion", SensorRole.MOTION,
                Room.BATHROOM).with("kitchen-motion", SensorRole.MOTION, Room.KITCHEN),
                RoutineWatchPolicy.ukDefault(ZoneId.of("Europe/London")));
        RoutineState routine = RoutineState.initial();
        for (SensorEvent e : List.of(SensorEvent.of("kitchen-motion", EventKind.MOTION, T0.minusSeconds(3600 * 20)),
                SensorEvent.of("bathroom-motion", EventKind.MOTION, T0.minusSeconds(600)),
                SensorEvent.of("kitchen-motion", EventKind.MOTION, T0.minusSeconds(300)),
                SensorEvent.of("bathroom-motion", EventKind.MOTION, T0))) {
            routine = watch.onEvent(routine, e).state();
        }
        assertThat(routine.bathroom().entered()).isNotNull(); // a stay in progress, one stay learnt
        assertThat(routine.morning().day()).isNotNull();
        MonitorState state = new MonitorState(EngineState.initial(), Map.of(), RadarFallState.initial(), routine);

        store.record(List.of(), state, List.of());
        store.close();
        store = SqliteStore.open(file, clock, "gw-test");

        assertThat(store.loadMonitorState()).contains(state);
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                PreparedStatement ps = c.prepareStatement("UPDATE rule_state SET body = ?")) {
            ps.setString(1, Json.write(Map.of("engine", EngineState.initial(), "wearables", Map.of())));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        store = SqliteStore.open(file, clock, "gw-test");
        assertThat(store.loadMonitorState().orElseThrow().routine()).isEqualTo(RoutineState.initial());
    }
}
