package org.hearth.gateway.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hearth.gateway.store.AlertState;
import org.hearth.gateway.store.AlertTransition;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.store.StoreException;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle tables of migration V2 in a real SQLite file: states, events, cursor, escalations, health. */
class SqliteAlertLifecycleTest {

    private static final String GATEWAY = "gw-test";
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant CARE_RECORD_TIME = Instant.parse("2026-11-22T03:00:00.123Z");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");
    private Path file;
    private SqliteStore store;
    private SqliteAlertLifecycle lifecycle;

    @BeforeEach
    void open() {
        file = dir.resolve("hearth.db");
        reopen();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        if (store != null) {
            store.close();
        }
        store = SqliteStore.open(file, clock, GATEWAY);
        lifecycle = new SqliteAlertLifecycle(store);
    }

    @Test
    void theCursorIsEmptyAtFirstThenSurvivesARestartAndNeverMovesBack() {
        assertThat(lifecycle.ackCursor()).isEmpty();

        lifecycle.recordTransitions(List.of(), CARE_RECORD_TIME, clock.instant());
        reopen();
        lifecycle.recordTransitions(List.of(), CARE_RECORD_TIME.minusSeconds(60), clock.instant());

        assertThat(lifecycle.ackCursor()).contains(CARE_RECORD_TIME);
    }

    @Test
    void anAcknowledgementMovesTheAlertAndIsRecordedWithBothTimes() {
        String id = raiseAndDeliver(TestAlerts.helpButton("pendant", T0));
        clock.advance(Duration.ofMinutes(2));

        lifecycle.recordTransitions(List.of(transition(id, AlertState.SENT, AlertState.ACCEPTED)), CARE_RECORD_TIME, clock.instant());

        assertThat(lifecycle.states(List.of(id, "gw-test:unknown"))).containsExactly(java.util.Map.entry(id, AlertState.ACCEPTED));
        assertThat(lifecycle.history(id)).containsExactly("raised@" + T0.toEpochMilli(), "sent@" + T0.toEpochMilli(),
                "accepted@" + CARE_RECORD_TIME.toEpochMilli());
        assertThat(lifecycle.countByState()).containsEntry(AlertState.ACCEPTED, 1L).containsEntry(AlertState.SENT, 0L)
                .containsEntry(AlertState.COMPLETED, 0L).hasSize(AlertState.values().length);
    }

    @Test
    void aTransitionFromAStateTheAlertNoLongerHasIsSkipped() {
        String id = raiseAndDeliver(TestAlerts.helpButton("pendant", T0));

        lifecycle.recordTransitions(List.of(transition(id, AlertState.ACCEPTED, AlertState.COMPLETED)), CARE_RECORD_TIME, clock.instant());

        assertThat(lifecycle.states(List.of(id))).containsEntry(id, AlertState.SENT);
        assertThat(lifecycle.history(id)).hasSize(2);
    }

    @Test
    void aLateDeliveryConfirmationDoesNotMoveAnAcknowledgedAlertBackToSent() {
        Alert alert = TestAlerts.helpButton("pendant", T0);
        store.record(List.of(), EngineState.initial(), List.of(alert));
        String id = store.identifierOf(alert);
        OutboxItem item = store.claimDue(clock.instant(), 10).get(0);
        // The first response was lost; the team answered before the retry was confirmed.
        lifecycle.recordTransitions(List.of(transition(id, AlertState.RAISED, AlertState.ACCEPTED)), CARE_RECORD_TIME, clock.instant());

        store.delivered(item.id(), clock.instant(), "Observation/1 Task/2");

        assertThat(lifecycle.states(List.of(id))).containsEntry(id, AlertState.ACCEPTED);
        assertThat(store.stats().delivered()).isEqualTo(1);
    }

    @Test
    void onlyUnansweredUnescalatedAlertsAreOpenAndOnlyDeliveredOnesAwaitTheTeam() {
        assertThat(lifecycle.awaitingTeam()).isFalse();
        Alert raisedOnly = TestAlerts.helpButton("pendant-a", T0.plusSeconds(1));
        store.record(List.of(), EngineState.initial(), List.of(raisedOnly));
        assertThat(lifecycle.awaitingTeam()).isFalse();
        Alert other = TestAlerts.helpButton("pendant-b", T0);
        store.record(List.of(), EngineState.initial(), List.of(other));
        store.claimDue(clock.instant(), 10).stream().filter(i -> i.alert().equals(other))
                .forEach(i -> store.delivered(i.id(), clock.instant(), "Observation/1 Task/2"));
        String sent = store.identifierOf(other);
        assertThat(lifecycle.awaitingTeam()).isTrue();

        assertThat(lifecycle.openAlerts()).extracting(a -> a.identifier() + " " + a.state())
                .containsExactly(sent + " SENT", store.identifierOf(raisedOnly) + " RAISED");

        lifecycle.escalate(sent, clock.instant(), "escalated: not accepted within 10 min");
        assertThat(lifecycle.openAlerts()).extracting(a -> a.identifier()).containsExactly(store.identifierOf(raisedOnly));
    }

    @Test
    void anAlertIsEscalatedOnceEvenAcrossARestart() {
        String id = raiseAndDeliver(TestAlerts.helpButton("pendant", T0));
        clock.advance(Duration.ofMinutes(10));

        assertThat(lifecycle.escalate(id, clock.instant(), "escalated: not accepted within 10 min")).isTrue();
        reopen();
        assertThat(lifecycle.escalate(id, clock.instant().plusSeconds(5), "again")).isFalse();
        assertThat(lifecycle.escalate("gw-test:no-such-alert", clock.instant(), "x")).isFalse();

        assertThat(lifecycle.escalationStats().total()).isEqualTo(1);
        assertThat(lifecycle.history(id)).last().isEqualTo("escalated@" + clock.instant().toEpochMilli());
    }

    @Test
    void eachEscalationChannelIsRetriedUntilDoneAndThenNoLongerDue() {
        String id = raiseAndDeliver(TestAlerts.helpButton("pendant", T0));
        Instant at = T0.plus(Duration.ofMinutes(10));
        lifecycle.escalate(id, at, "escalated");
        assertThat(lifecycle.escalationsDue(at)).singleElement().satisfies(e -> {
            assertThat(e.identifier()).isEqualTo(id);
            assertThat(e.raisedAt()).isEqualTo(T0);
            assertThat(e.escalatedAt()).isEqualTo(at);
            assertThat(e.notifiedAt()).isEmpty();
            assertThat(e.recordedAt()).isEmpty();
        });

        lifecycle.escalationNotified(id, at);
        lifecycle.escalationRetry(id, at.plusSeconds(5), "care record: HTTP 503");
        assertThat(lifecycle.escalationsDue(at.plusSeconds(4))).isEmpty();
        assertThat(lifecycle.escalationsDue(at.plusSeconds(5))).singleElement().satisfies(e -> {
            assertThat(e.notifiedAt()).contains(at);
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(lifecycle.escalationStats()).satisfies(s -> {
            assertThat(s.awaitingNotification()).isZero();
            assertThat(s.awaitingCareRecord()).isEqualTo(1);
            assertThat(s.lastError()).contains("care record: HTTP 503");
        });

        lifecycle.escalationRecorded(id, at.plusSeconds(5), "marked Task/2");
        assertThat(lifecycle.escalationsDue(at.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(lifecycle.escalationStats().awaitingCareRecord()).isZero();
        assertThat(lifecycle.escalationStats().lastError()).isEmpty();
    }

    @Test
    void theHealthSnapshotIsReadableReadOnlyWhileTheGatewayHoldsTheStoreOpen() {
        var snapshots = new SqliteHealthSnapshots(store);
        assertThat(SqliteHealthSnapshots.readOnly(file)).isEmpty();

        snapshots.save(T0, "{\"status\":\"healthy\"}");
        snapshots.save(T0.plusSeconds(5), "{\"status\":\"degraded\"}");

        assertThat(SqliteHealthSnapshots.readOnly(file)).hasValueSatisfying(s -> {
            assertThat(s.at()).isEqualTo(T0.plusSeconds(5));
            assertThat(s.json()).isEqualTo("{\"status\":\"degraded\"}");
        });
    }

    @Test
    void readingTheHealthOfAMissingFileFailsWithoutCreatingIt() {
        Path missing = dir.resolve("elsewhere.db");

        assertThatThrownBy(() -> SqliteHealthSnapshots.readOnly(missing)).isInstanceOf(StoreException.class);
        assertThat(Files.exists(missing)).isFalse();
    }

    private String raiseAndDeliver(Alert alert) {
        store.record(List.of(), EngineState.initial(), List.of(alert));
        OutboxItem item = store.claimDue(clock.instant(), 10).get(0);
        store.delivered(item.id(), clock.instant(), "Observation/1 Task/2");
        return item.identifier();
    }

    private AlertTransition transition(String id, AlertState from, AlertState to) {
        return new AlertTransition(id, from, to, CARE_RECORD_TIME, clock.instant(), "task " + to.code() + " Task/2");
    }
}
