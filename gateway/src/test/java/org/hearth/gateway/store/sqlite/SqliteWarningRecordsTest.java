package org.hearth.gateway.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hearth.gateway.store.AlertState;
import org.hearth.gateway.store.MonitorState;
import org.hearth.gateway.store.WarningChanges;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.warning.CancelledWarning;
import org.hearth.rules.warning.PendingWarning;
import org.hearth.rules.warning.WarningState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local warnings in the SQLite store: pending in the snapshot, publications, cancellations kept but never sent. */
class SqliteWarningRecordsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T12:00:00Z");
    private SqliteStore store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static PendingWarning warning(Alert alert) {
        return new PendingWarning(alert, T0, T0.plus(Duration.ofMinutes(5)));
    }

    private long rows(String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hearth.db"));
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aPendingWarningSurvivesAReopenAndAnOldSnapshotWithoutOneReadsAsNone() throws Exception {
        Alert alert = TestAlerts.inactivity("kitchen-motion", T0.minus(Duration.ofHours(3)), Duration.ofHours(3));
        var state = new MonitorState(EngineState.initial(), java.util.Map.of(), null,
                new WarningState(List.of(warning(alert))));
        store.record(List.of(), state, List.of(), new WarningChanges(List.of(warning(alert)), List.of(), List.of()));
        store.close();
        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test");

        assertThat(store.loadMonitorState()).contains(state);
        String old = "{\"engine\":" + Json.write(EngineState.initial())
                + ",\"wearables\":{},\"radar\":{\"radars\":{}}}";
        assertThat(SqliteStore.readMonitorState(old).warning()).isEqualTo(WarningState.initial());
    }

    @Test
    void aCancelledWarningIsKeptAsACancelledAlertWithAnEventAndNeverReachesTheOutbox() throws Exception {
        Alert alert = TestAlerts.inactivity("kitchen-motion", T0.minus(Duration.ofHours(3)), Duration.ofHours(3));
        var ok = new SensorEvent("pendant", EventKind.RESIDENT_OK, T0.plus(Duration.ofMinutes(2)), "single");
        var cancelled = new CancelledWarning(warning(alert), ok);
        store.record(List.of(), MonitorState.initial(), List.of(),
                new WarningChanges(List.of(warning(alert)), List.of(), List.of()));
        store.record(List.of(ok), MonitorState.initial(), List.of(),
                new WarningChanges(List.of(), List.of(cancelled), List.of()));

        assertThat(rows("SELECT COUNT(*) FROM outbox")).isZero();
        assertThat(store.claimDue(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM alerts WHERE state = '" + AlertState.CANCELLED_BY_RESIDENT.code() + "'"))
                .isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM alert_events WHERE event = 'cancelled_by_resident'")).isEqualTo(1);
        assertThat(store.alertCount()).isZero();
        assertThat(store.cancelledWarnings(T0, T0.plus(Duration.ofMinutes(2)))).isEmpty(); // [from, to)
        assertThat(store.cancelledWarnings(T0, T0.plus(Duration.ofHours(1)))).containsExactly(cancelled);
        assertThat(new SqliteLocalWarnings(store).unpublished(T0)).isEmpty();
    }

    @Test
    void aWarningIsListedForPublicationUntilPublishedOrPastItsDeadline() {
        Alert alert = TestAlerts.inactivity("kitchen-motion", T0.minus(Duration.ofHours(3)), Duration.ofHours(3));
        store.record(List.of(), MonitorState.initial(), List.of(),
                new WarningChanges(List.of(warning(alert)), List.of(), List.of()));
        var warnings = new SqliteLocalWarnings(store);

        var due = warnings.unpublished(T0);
        assertThat(due).singleElement().satisfies(w -> assertThat(w.attempts()).isZero());
        assertThat(warnings.unpublished(T0.plus(Duration.ofMinutes(5)))).isEmpty();
        warnings.publishFailed(due.get(0).id(), "mqtt reason 32103");
        assertThat(warnings.unpublished(T0)).singleElement().satisfies(w -> assertThat(w.attempts()).isEqualTo(1));
        warnings.published(due.get(0).id(), T0.plusSeconds(2));
        assertThat(warnings.unpublished(T0)).isEmpty();
    }

    @Test
    void anUnansweredWarningRaisesItsAlertOnceLikeAnyOther() throws Exception {
        Alert alert = TestAlerts.inactivity("kitchen-motion", T0.minus(Duration.ofHours(3)), Duration.ofHours(3));
        store.record(List.of(), MonitorState.initial(), List.of(),
                new WarningChanges(List.of(warning(alert)), List.of(), List.of()));
        for (int i = 0; i < 2; i++) { // a replay stores nothing twice
            store.record(List.of(), MonitorState.initial(), List.of(alert),
                    new WarningChanges(List.of(), List.of(), List.of(warning(alert))));
        }

        assertThat(rows("SELECT COUNT(*) FROM outbox")).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM local_warnings WHERE outcome = 'unanswered'")).isEqualTo(1);
        assertThat(store.alertCount()).isEqualTo(1);
    }
}
