package org.hearth.gateway.escalation;

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
import org.hearth.gateway.store.AlertTransition;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.store.sqlite.SqliteAlertLifecycle;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.gateway.uplink.TaskEscalation;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Escalation decided on the tick from stored instants, carried out once per channel, with a real SQLite store. */
class EscalatorTest {

    private static final Duration AFTER = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");
    private final RecordingChannel channel = new RecordingChannel();
    private final ScriptedTasks tasks = new ScriptedTasks();
    private SqliteStore store;
    private SqliteAlertLifecycle lifecycle;
    private Escalator escalator;

    @BeforeEach
    void open() {
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
        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-1");
        lifecycle = new SqliteAlertLifecycle(store);
        escalator = new Escalator(lifecycle, new EscalationPolicy(AFTER), channel, tasks, clock, "home-1");
    }

    @Test
    void aHelpCallNotTakenOnIsEscalatedAtItsDeadlineOnBothChannelsOnce() {
        String id = deliver(TestAlerts.helpButton("pendant", T0));

        clock.advance(AFTER.minusSeconds(1));
        assertThat(escalator.evaluate()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(escalator.evaluate()).containsExactly(id);
        assertThat(escalator.deliverPending()).isEqualTo(1);

        assertThat(channel.notices).singleElement().satisfies(n -> {
            assertThat(n.identifier()).isEqualTo(id);
            assertThat(n.alertType()).isEqualTo("help-button-pressed");
            assertThat(n.priority()).isEqualTo("stat");
            assertThat(n.raisedAt()).isEqualTo(T0);
            assertThat(n.escalatedAt()).isEqualTo(T0.plus(AFTER));
            assertThat(n.homeId()).isEqualTo("home-1");
        });
        assertThat(tasks.marked).containsExactly(id + " escalated: not accepted within 10 min");

        clock.advance(Duration.ofHours(1));
        assertThat(escalator.evaluate()).isEmpty();
        assertThat(escalator.deliverPending()).isZero();
        assertThat(channel.notices).hasSize(1);
        assertThat(tasks.marked).hasSize(1);
    }

    @Test
    void theDeadlineComesFromTheStoredRaisedAtSoARestartDoesNotResetIt() {
        deliver(TestAlerts.helpButton("pendant", T0));
        clock.advance(AFTER.minusMinutes(1));

        reopen();
        clock.advance(Duration.ofMinutes(1));

        assertThat(escalator.evaluate()).hasSize(1);
    }

    @Test
    void anEscalationDecidedBeforeARestartIsCarriedOutAfterItAndNotDecidedAgain() {
        deliver(TestAlerts.helpButton("pendant", T0));
        clock.advance(AFTER);
        escalator.evaluate();

        reopen();

        assertThat(escalator.evaluate()).isEmpty();
        assertThat(escalator.deliverPending()).isEqualTo(1);
        assertThat(channel.notices).hasSize(1);
    }

    @Test
    void anAcceptedHelpCallAndAnInactivityAlertAreNeverEscalated() {
        String accepted = deliver(TestAlerts.helpButton("pendant", T0));
        lifecycle.recordTransitions(List.of(new AlertTransition(accepted, AlertState.SENT, AlertState.ACCEPTED, T0, T0, "task accepted")),
                T0, T0);
        deliver(TestAlerts.inactivity("kitchen-motion", T0.minus(Duration.ofHours(3)), Duration.ofHours(3)));

        clock.advance(Duration.ofDays(1));

        assertThat(escalator.evaluate()).isEmpty();
        assertThat(lifecycle.escalationStats().total()).isZero();
    }

    @Test
    void aFailedChannelIsRetriedWithBackoffWithoutRepeatingTheOneThatWorked() {
        String id = deliver(TestAlerts.helpButton("pendant", T0));
        channel.failNext("mqtt reason 32103");
        tasks.script.add(new TaskEscalation.Result.Escalated("Task/2"));
        clock.advance(AFTER);
        escalator.evaluate();

        assertThat(escalator.deliverPending()).isZero();
        assertThat(lifecycle.escalationStats().awaitingNotification()).isEqualTo(1);
        assertThat(lifecycle.escalationStats().lastError()).hasValueSatisfying(e -> assertThat(e).contains("mqtt reason 32103"));
        clock.advance(Escalator.backoff(1).minusMillis(1));
        assertThat(escalator.deliverPending()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(escalator.deliverPending()).isEqualTo(1);

        assertThat(channel.notices).hasSize(1);
        assertThat(tasks.marked).containsExactly(id + " escalated: not accepted within 10 min");
        assertThat(lifecycle.escalationStats().awaitingNotification()).isZero();
    }

    @Test
    void aTaskTheTeamTookOnMeanwhileIsLeftAloneAndTheEscalationIsSettled() {
        deliver(TestAlerts.helpButton("pendant", T0));
        tasks.script.add(new TaskEscalation.Result.Retry("Task not in the care record yet"));
        tasks.script.add(new TaskEscalation.Result.NotWaiting("accepted"));
        clock.advance(AFTER);
        escalator.evaluate();

        escalator.deliverPending();
        clock.advance(Escalator.backoff(1));
        escalator.deliverPending();

        assertThat(tasks.marked).hasSize(2);
        assertThat(lifecycle.escalationStats().awaitingCareRecord()).isZero();
        assertThat(channel.notices).hasSize(1);
    }

    @Test
    void theBackoffGrowsAndIsCapped() {
        assertThat(Escalator.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Escalator.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Escalator.backoff(100)).isEqualTo(Duration.ofMinutes(2));
    }

    private String deliver(Alert alert) {
        store.record(List.of(), EngineState.initial(), List.of(alert));
        for (OutboxItem item : store.claimDue(clock.instant(), 10)) {
            store.delivered(item.id(), clock.instant(), "Observation/1 Task/2");
        }
        return store.identifierOf(alert);
    }

    private static final class RecordingChannel implements EscalationChannel {
        final List<EscalationNotice> notices = new ArrayList<>();
        private String failure;

        void failNext(String reason) {
            failure = reason;
        }

        @Override
        public Optional<String> publish(EscalationNotice notice) {
            if (failure != null) {
                String f = failure;
                failure = null;
                return Optional.of(f);
            }
            notices.add(notice);
            return Optional.empty();
        }
    }

    private static final class ScriptedTasks implements TaskEscalation {
        final Deque<Result> script = new ArrayDeque<>();
        final List<String> marked = new ArrayList<>();

        @Override
        public Result markEscalated(String identifier, String text) {
            marked.add(identifier + " " + text);
            return script.isEmpty() ? new Result.Escalated("Task/2") : script.poll();
        }
    }
}
