package org.hearth.gateway.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.store.OutboxStats;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import java.time.ZoneId;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.inactivity.RoutinePolicy;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real SQLite file: what is stored, what the outbox hands out and when, and what survives a reopen. */
class SqliteStoreTest {

    private static final String GATEWAY = "gw-test";
    private static final Instant T0 = Instant.parse("2026-03-28T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-28T10:00:00Z");
    private Path file;
    private SqliteStore store;

    @BeforeEach
    void openStore() {
        file = dir.resolve("data").resolve("hearth.db");
        store = SqliteStore.open(file, clock, GATEWAY);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void recordingAnAlertQueuesOneDeliveryUnderTheGatewaysBusinessIdentifier() {
        Alert alert = TestAlerts.helpButton("pendant", T0);

        store.record(List.of(press(T0)), stateAfter(press(T0)), List.of(alert));

        List<OutboxItem> due = store.claimDue(clock.instant(), 10);
        assertThat(due).singleElement().satisfies(item -> {
            assertThat(item.identifier()).isEqualTo("gw-test:help-button-pressed:pendant:" + T0.toEpochMilli());
            assertThat(item.identifier()).isEqualTo(GATEWAY + ":" + alert.key()).isEqualTo(store.identifierOf(alert));
            assertThat(item.alert()).isEqualTo(alert);
            assertThat(item.attempts()).isZero();
        });
        assertThat(store.alertCount()).isEqualTo(1);
        assertThat(store.eventCount()).isEqualTo(1);
    }

    @Test
    void recordingTheSameAlertAgainAddsNoAlertAndNoDelivery() {
        Alert alert = TestAlerts.inactivity("kitchen-motion", T0, Duration.ofHours(3));
        store.record(List.of(), EngineState.initial(), List.of(alert));

        store.record(List.of(), EngineState.initial(), List.of(alert));

        assertThat(store.alertCount()).isEqualTo(1);
        assertThat(store.stats().pending()).isEqualTo(1);
        assertThat(store.claimDue(clock.instant(), 10)).hasSize(1);
    }

    @Test
    void replayingAnAlreadyDeliveredAlertDoesNotQueueItAgain() {
        Alert alert = TestAlerts.helpButton("pendant", T0);
        store.record(List.of(), EngineState.initial(), List.of(alert));
        OutboxItem item = store.claimDue(clock.instant(), 10).get(0);
        store.delivered(item.id(), clock.instant(), "Observation/1 Task/2");

        store.record(List.of(), EngineState.initial(), List.of(alert));

        assertThat(store.claimDue(clock.instant().plusSeconds(3600), 10)).isEmpty();
        assertThat(store.stats()).isEqualTo(new OutboxStats(0, 1, 0, Optional.empty(), Optional.of(T0)));
    }

    @Test
    void claimingMarksRowsInFlightSoASecondClaimGetsNothing() {
        store.record(List.of(), EngineState.initial(), List.of(TestAlerts.helpButton("pendant", T0)));

        List<OutboxItem> first = store.claimDue(clock.instant(), 10);
        List<OutboxItem> second = store.claimDue(clock.instant(), 10);

        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();
        assertThat(store.stats().pending()).as("in flight still counts as undelivered").isEqualTo(1);
    }

    @Test
    void claimsOldestFirstAndNoMoreThanTheLimit() {
        Alert first = TestAlerts.helpButton("pendant", T0);
        Alert second = TestAlerts.inactivity("hall-motion", T0.minusSeconds(3 * 3600), Duration.ofHours(3));
        Alert third = TestAlerts.helpButton("pendant", T0.plusSeconds(120));
        recordAt(T0, first);
        recordAt(T0.plusSeconds(60), second);
        recordAt(T0.plusSeconds(120), third);

        List<OutboxItem> claimed = store.claimDue(clock.instant(), 2);

        assertThat(claimed).extracting(OutboxItem::alert).containsExactly(first, second);
        assertThat(store.claimDue(clock.instant(), 2)).extracting(OutboxItem::alert).containsExactly(third);
    }

    @Test
    void claimsAlertsBeforeLowerPriorityRowsEvenWhenThoseAreOlder() throws SQLException {
        Alert older = TestAlerts.inactivity("hall-motion", T0.minusSeconds(3 * 3600), Duration.ofHours(3));
        recordAt(T0, older);
        // A daily summary (priority 1) older than any alert still comes after them.
        givenRoutineRowCopiedFrom(GATEWAY + ":" + older.key(), "gw-test:summary:2026-03-27", T0.minusSeconds(86_400));
        Alert newer = TestAlerts.helpButton("pendant", T0.plusSeconds(60));
        recordAt(T0.plusSeconds(60), newer);

        List<OutboxItem> claimed = store.claimDue(clock.instant(), 10);

        assertThat(claimed).extracting(OutboxItem::identifier).containsExactly(
                store.identifierOf(older), store.identifierOf(newer), "gw-test:summary:2026-03-27");
    }

    @Test
    void aRowToRetryLaterStaysHiddenUntilItsNotBeforeTime() {
        recordAt(T0, TestAlerts.helpButton("pendant", T0));
        OutboxItem item = store.claimDue(clock.instant(), 10).get(0);
        Instant notBefore = T0.plusSeconds(30);

        store.retryLater(item.id(), notBefore, "HTTP 503");

        assertThat(store.claimDue(notBefore.minusMillis(1), 10)).isEmpty();
        assertThat(store.claimDue(notBefore, 10)).singleElement().satisfies(again -> {
            assertThat(again.id()).isEqualTo(item.id());
            assertThat(again.identifier()).isEqualTo(item.identifier());
            assertThat(again.attempts()).isEqualTo(1);
        });
    }

    @Test
    void releasingInFlightRowsMakesThemDueAgain() {
        recordAt(T0, TestAlerts.helpButton("pendant", T0));
        OutboxItem item = store.claimDue(clock.instant(), 10).get(0);

        store.releaseInFlight();

        assertThat(store.claimDue(clock.instant(), 10)).extracting(OutboxItem::id).containsExactly(item.id());
    }

    @Test
    void deadRowsAreNeverHandedOutAgain() {
        recordAt(T0, TestAlerts.helpButton("pendant", T0));
        OutboxItem item = store.claimDue(clock.instant(), 10).get(0);

        store.dead(item.id(), "HTTP 422");
        store.releaseInFlight();

        assertThat(store.claimDue(clock.instant().plus(Duration.ofDays(365)), 10)).isEmpty();
        assertThat(store.stats().dead()).isEqualTo(1);
    }

    @Test
    void statsCountPendingDeliveredAndDeadRows() {
        recordAt(T0, TestAlerts.helpButton("pendant", T0));
        recordAt(T0.plusSeconds(10), TestAlerts.helpButton("pendant", T0.plusSeconds(10)));
        recordAt(T0.plusSeconds(20), TestAlerts.helpButton("pendant", T0.plusSeconds(20)));
        recordAt(T0.plusSeconds(30), TestAlerts.helpButton("pendant", T0.plusSeconds(30)));
        List<OutboxItem> items = store.claimDue(clock.instant(), 2);
        store.delivered(items.get(0).id(), T0.plusSeconds(40), "Observation/1 Task/2");
        store.dead(items.get(1).id(), "HTTP 400");

        OutboxStats stats = store.stats();

        assertThat(stats).isEqualTo(new OutboxStats(2, 1, 1, Optional.of(T0.plusSeconds(20)), Optional.of(T0.plusSeconds(40))));
    }

    @Test
    void statsOfAnEmptyOutboxAreZero() {
        assertThat(store.stats()).isEqualTo(new OutboxStats(0, 0, 0, Optional.empty(), Optional.empty()));
    }

    @Test
    void stateAndCountsSurviveClosingAndReopeningTheFile() {
        SensorEvent motion = SensorEvent.of("hall-motion", EventKind.MOTION, T0);
        store.record(List.of(motion), stateAfter(motion), List.of());
        SensorEvent press = press(T0.plusSeconds(60));
        EngineState last = stateAfter(press);
        store.record(List.of(press), last, List.of(TestAlerts.helpButton("pendant", press.at())));

        store.close();
        store = SqliteStore.open(file, clock, GATEWAY);

        assertThat(store.loadEngineState()).contains(last);
        assertThat(store.eventCount()).isEqualTo(2);
        assertThat(store.alertCount()).isEqualTo(1);
        assertThat(store.stats().pending()).isEqualTo(1);
    }

    @Test
    void aLearntRoutineWhereaboutsAndALearntAlertSurviveTheSnapshot() {
        HomeLayout layout = HomeLayout.empty().with("bed", SensorRole.BED, Room.BEDROOM)
                .with("door", SensorRole.FRONT_DOOR, Room.HALL).with("hall-motion", SensorRole.MOTION, Room.HALL);
        RulesEngine engine = new RulesEngine(layout, RoutinePolicy.ukDefault(ZoneId.of("Europe/London")));
        EngineState state = EngineState.initial();
        List<Alert> alerts = new java.util.ArrayList<>();
        for (int day = 0; day < 9; day++) {
            Instant morning = T0.plus(Duration.ofDays(day));
            for (SensorEvent e : List.of(SensorEvent.of("bed", EventKind.VACATED, morning),
                    SensorEvent.of("hall-motion", EventKind.MOTION, morning.plus(Duration.ofMinutes(5))),
                    SensorEvent.of("door", EventKind.CONTACT_OPEN, morning.plus(Duration.ofMinutes(6))),
                    SensorEvent.of("door", EventKind.CONTACT_CLOSED, morning.plus(Duration.ofMinutes(7))),
                    SensorEvent.of("door", EventKind.CONTACT_OPEN, morning.plus(Duration.ofHours(3))),
                    SensorEvent.of("hall-motion", EventKind.MOTION, morning.plus(Duration.ofHours(3).plusMinutes(1))),
                    SensorEvent.of("bed", EventKind.OCCUPIED, morning.plus(Duration.ofHours(12))))) {
                var step = engine.onEvent(state, e);
                state = step.state();
                alerts.addAll(step.alerts());
            }
        }
        assertThat(state.routine().histograms()).isNotEmpty();
        assertThat(alerts).isNotEmpty(); // still in bed long after the usual time, each morning after learning
        store.record(List.of(), state, List.of(alerts.get(alerts.size() - 1)));

        store.close();
        store = SqliteStore.open(file, clock, GATEWAY);

        assertThat(store.loadEngineState()).contains(state);
        assertThat(store.claimDue(clock.instant().plus(Duration.ofDays(30)), 1)).singleElement()
                .satisfies(item -> assertThat(item.alert()).isEqualTo(alerts.get(alerts.size() - 1)));
    }

    @Test
    void evidenceKeepsItsLearntNormal() {
        Alert alert = TestAlerts.inactivity("kitchen-motion", T0, Duration.ofMinutes(60));
        var e = alert.evidence();
        Alert learnt = new Alert(alert.type(), alert.sensorId(), alert.onset(), alert.raisedAt(), new org.hearth.rules
                .model.Evidence(e.events(), "inactivity.learnt-routine", e.threshold(), e.observed(), e.explanation(),
                Duration.ofMinutes(24)));

        assertThat(Json.read(Json.write(learnt), Alert.class)).isEqualTo(learnt);
    }

    @Test
    void stateAndAlertsStoredBeforeTheRoutineExistedStillRead() {
        String oldState = "{\"lastActivityAt\":\"2026-03-28T10:00:00Z\",\"lastActivity\":{\"sensorId\":\"hall-motion\","
                + "\"kind\":\"MOTION\",\"at\":\"2026-03-28T10:00:00Z\",\"detail\":\"\"},\"inactivityAlerted\":false,"
                + "\"helpCalls\":{}}";
        Alert alert = TestAlerts.inactivity("hall-motion", T0, Duration.ofHours(3));
        String oldAlert = Json.write(alert).replace(",\"learntNormal\":\"PT0S\"", "");

        assertThat(oldAlert).doesNotContain("learntNormal");
        assertThat(Json.read(oldState, EngineState.class))
                .isEqualTo(stateAfter(SensorEvent.of("hall-motion", EventKind.MOTION, T0)));
        assertThat(Json.read(oldAlert, Alert.class)).isEqualTo(alert);
    }

    @Test
    void aNewStoreHasNoEngineState() {
        assertThat(store.loadEngineState()).isEmpty();
    }

    @Test
    void theFileIsInWriteAheadLogMode() throws SQLException {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = other.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    private void recordAt(Instant at, Alert alert) {
        clock.advance(Duration.between(clock.instant(), at));
        store.record(List.of(), EngineState.initial(), List.of(alert));
    }

    private static SensorEvent press(Instant at) {
        return new SensorEvent("pendant", EventKind.BUTTON, at, "single");
    }

    private static EngineState stateAfter(SensorEvent activity) {
        return new EngineState(activity.at(), activity, false);
    }

    private void givenRoutineRowCopiedFrom(String alertIdentifier, String identifier, Instant createdAt) throws SQLException {
        // A daily summary's row (priority 1), as SqliteSummaryStore writes it, but older than any alert.
        var summary = new org.hearth.rules.summary.DailySummariser(org.hearth.rules.model.HomeLayout.empty(),
                org.hearth.rules.summary.SummaryPolicy.ukDefault(java.time.ZoneId.of("Europe/London")))
                .summarise(java.time.LocalDate.of(2026, 3, 27), List.of(), 0);
        var delivery = org.hearth.gateway.store.SummaryDelivery.of("gw-test", summary,
                java.util.EnumSet.allOf(org.hearth.rules.summary.Measure.class));
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                PreparedStatement insert = other.prepareStatement("INSERT INTO outbox "
                        + "(identifier, kind, priority, payload, state, not_before_ms, created_ms) "
                        + "VALUES (?, 'summary', 1, ?, 'pending', ?, ?)")) {
            insert.setString(1, identifier);
            insert.setString(2, Json.write(delivery));
            insert.setLong(3, createdAt.toEpochMilli());
            insert.setLong(4, createdAt.toEpochMilli());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
