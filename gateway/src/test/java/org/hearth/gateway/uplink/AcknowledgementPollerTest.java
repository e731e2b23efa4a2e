package org.hearth.gateway.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.store.AlertState;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.store.sqlite.SqliteAlertLifecycle;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller's schedule, cursor and transitions, against a scripted care record and a real SQLite store. */
class AcknowledgementPollerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant SERVER_T1 = Instant.parse("2026-11-22T03:00:00.100Z");
    private static final Instant SERVER_T2 = Instant.parse("2026-11-22T03:00:09.200Z");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");
    private final ScriptedCareRecord careRecord = new ScriptedCareRecord();
    private SqliteStore store;
    private SqliteAlertLifecycle lifecycle;
    private AcknowledgementPoller poller;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-1");
        lifecycle = new SqliteAlertLifecycle(store);
        poller = new AcknowledgementPoller(lifecycle, careRecord, clock, INTERVAL);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void doesNotPollWhileNoAlertAwaitsTheTeam() {
        store.record(List.of(), EngineState.initial(), List.of(TestAlerts.helpButton("pendant", T0))); // raised, not sent

        assertThat(poller.pollIfDue()).isEmpty();

        assertThat(careRecord.polls).isEmpty();
        assertThat(poller.lastPoll()).isEmpty();
    }

    @Test
    void pollsAtOnceAfterADeliveryThenOncePerIntervalOnTheInjectedClock() {
        String id = deliver(TestAlerts.helpButton("pendant", T0));
        careRecord.answer(List.of(new TaskUpdate(id, "Task/2", "requested", SERVER_T1)));
        careRecord.answer(List.of(new TaskUpdate(id, "Task/2", "accepted", SERVER_T2)));

        poller.pollIfDue();
        clock.advance(INTERVAL.minusMillis(1));
        poller.pollIfDue();
        assertThat(careRecord.polls).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        var transitions = poller.pollIfDue();

        assertThat(careRecord.polls).hasSize(2);
        assertThat(transitions).singleElement().satisfies(t -> {
            assertThat(t.to()).isEqualTo(AlertState.ACCEPTED);
            assertThat(t.at()).isEqualTo(SERVER_T2);
            assertThat(t.recordedAt()).isEqualTo(clock.instant());
        });
        assertThat(lifecycle.states(List.of(id))).containsEntry(id, AlertState.ACCEPTED);
    }

    @Test
    void asksFromALittleBeforeTheCursorItKeptAndTheCursorFollowsTheNewestTaskSeen() {
        String id = deliver(TestAlerts.helpButton("pendant", T0));
        careRecord.answer(List.of(new TaskUpdate(id, "Task/2", "requested", SERVER_T1)));
        careRecord.answer(List.of());

        poller.pollIfDue();
        clock.advance(INTERVAL);
        poller.pollIfDue();

        assertThat(careRecord.polls).containsExactly(Optional.empty(), Optional.of(SERVER_T1.minus(AcknowledgementPoller.OVERLAP)));
        assertThat(lifecycle.ackCursor()).contains(SERVER_T1);
    }

    @Test
    void theSameAnswerReadTwiceInTheOverlapIsRecordedOnce() {
        String id = deliver(TestAlerts.helpButton("pendant", T0));
        var accepted = new TaskUpdate(id, "Task/2", "accepted", SERVER_T1);
        careRecord.answer(List.of(accepted));
        careRecord.answer(List.of(accepted));

        poller.pollIfDue();
        clock.advance(INTERVAL);
        assertThat(poller.pollIfDue()).isEmpty();

        assertThat(lifecycle.history(id)).filteredOn(e -> e.startsWith("accepted@")).hasSize(1);
    }

    @Test
    void acceptedThenCompletedInOnePollRecordsBoth() {
        String id = deliver(TestAlerts.helpButton("pendant", T0));
        careRecord.answer(List.of(new TaskUpdate(id, "Task/2", "in-progress", SERVER_T1),
                new TaskUpdate(id, "Task/2", "completed", SERVER_T2)));

        var transitions = poller.pollIfDue();

        assertThat(transitions).extracting(t -> t.from() + "->" + t.to()).containsExactly("SENT->ACCEPTED", "ACCEPTED->COMPLETED");
        assertThat(lifecycle.states(List.of(id))).containsEntry(id, AlertState.COMPLETED);
    }

    @Test
    void aFailedPollChangesNothingIsReportedAndIsRetriedAfterTheInterval() {
        String id = deliver(TestAlerts.helpButton("pendant", T0));
        careRecord.fail("Task search: HTTP 503");
        careRecord.answer(List.of(new TaskUpdate(id, "Task/2", "accepted", SERVER_T1)));

        assertThat(poller.pollIfDue()).isEmpty();
        assertThat(poller.lastError()).contains("Task search: HTTP 503");
        assertThat(lifecycle.ackCursor()).isEmpty();
        clock.advance(INTERVAL);
        poller.pollIfDue();

        assertThat(poller.lastError()).isEmpty();
        assertThat(lifecycle.states(List.of(id))).containsEntry(id, AlertState.ACCEPTED);
    }

    @Test
    void whenThePageLimitStoppedAPollTheNextPassCarriesOnWithoutWaiting() {
        String id = deliver(TestAlerts.helpButton("pendant", T0));
        careRecord.answers.add(new AckPoll.Polled(List.of(new TaskUpdate(id, "Task/2", "requested", SERVER_T1)), Optional.of(SERVER_T1), true));
        careRecord.answer(List.of());

        poller.pollIfDue();
        poller.pollIfDue();

        assertThat(careRecord.polls).hasSize(2);
    }

    @Test
    void tasksOfUnknownAlertsAreIgnored() {
        deliver(TestAlerts.helpButton("pendant", T0));
        careRecord.answer(List.of(new TaskUpdate("gw-1:help-button-pressed:elsewhere:1", "Task/9", "accepted", SERVER_T1)));

        assertThat(poller.pollIfDue()).isEmpty();
        assertThat(lifecycle.ackCursor()).contains(SERVER_T1);
    }

    private String deliver(Alert alert) {
        store.record(List.of(), EngineState.initial(), List.of(alert));
        OutboxItem item = store.claimDue(clock.instant(), 10).get(0);
        store.delivered(item.id(), clock.instant(), "Observation/1 Task/2");
        return item.identifier();
    }

    /** Answers polls from a script, remembering what each asked for. */
    private static final class ScriptedCareRecord implements Acknowledgements {
        final Deque<AckPoll> answers = new ArrayDeque<>();
        final List<Optional<Instant>> polls = new ArrayList<>();

        void answer(List<TaskUpdate> updates) {
            answers.add(new AckPoll.Polled(updates, updates.stream().map(TaskUpdate::lastUpdated).max(Instant::compareTo), false));
        }

        void fail(String reason) {
            answers.add(new AckPoll.Failed(reason));
        }

        @Override
        public AckPoll poll(Optional<Instant> since) {
            polls.add(since);
            return answers.isEmpty() ? new AckPoll.Polled(List.of(), Optional.empty(), false) : answers.poll();
        }
    }
}
