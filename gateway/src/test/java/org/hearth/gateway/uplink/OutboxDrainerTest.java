package org.hearth.gateway.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.store.OutboxStats;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drainer over a real SQLite outbox, a scripted care record and a clock the test moves. The HTTP path to a real
 * FHIR server is covered by the integration tests.
 *
 * <p>With a first retry of 2 s the first backoff lies in [1 s, 3 s] (±50 % jitter) and the breaker stays open 10 s.
 */
class OutboxDrainerTest {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY = Duration.ofMinutes(10);
    private static final Duration SHORTEST_FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_FIRST_BACKOFF = Duration.ofSeconds(3);
    private static final Duration BREAKER_OPEN_FOR = FIRST_RETRY.multipliedBy(5);
    private static final Delivery ACCEPTED = new Delivery.Accepted("Observation/1 Task/2");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-28T10:00:00Z");
    private final List<OutboxItem> sent = new ArrayList<>();
    private final List<String> breakerStateDuringCall = new ArrayList<>();
    private IntFunction<Delivery> answerToCall = call -> ACCEPTED;
    private SqliteStore store;
    private OutboxDrainer drainer;

    @BeforeEach
    void setUp() {
        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test");
        CareRecord careRecord = item -> {
            sent.add(item);
            breakerStateDuringCall.add(drainer.health().breaker());
            return answerToCall.apply(sent.size());
        };
        drainer = new OutboxDrainer(store, careRecord, clock, FIRST_RETRY, MAX_RETRY);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void anAcceptedDeliveryIsMarkedDelivered() {
        Alert alert = givenAlertRaised();

        int delivered = drainer.drainOnce();

        assertThat(delivered).isEqualTo(1);
        assertThat(sent).extracting(OutboxItem::identifier).containsExactly(store.identifierOf(alert));
        assertThat(store.stats()).isEqualTo(new OutboxStats(0, 1, 0, Optional.empty(), Optional.of(clock.instant())));
        assertThat(drainer.health()).isEqualTo(new UplinkHealth("CLOSED", Optional.empty(), Optional.of(clock.instant())));
    }

    @Test
    void aDeliveredRowIsNeverSentAgain() {
        givenAlertRaised();
        drainer.drainOnce();

        clock.advance(Duration.ofDays(1));
        int delivered = drainer.drainOnce();

        assertThat(delivered).isZero();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aRetryKeepsTheRowPendingAndResendsItOnlyOnceItsNotBeforeHasPassed() {
        Alert alert = givenAlertRaised();
        answerToCall = call -> call == 1 ? new Delivery.Retry("HTTP 503") : ACCEPTED;

        int delivered = drainer.drainOnce();

        assertThat(delivered).isZero();
        assertThat(store.stats().pending()).isEqualTo(1);
        assertThat(drainer.health().lastError()).contains("HTTP 503");

        drainer.drainOnce();
        clock.advance(SHORTEST_FIRST_BACKOFF.minusMillis(1));
        drainer.drainOnce();
        assertThat(sent).as("not re-sent before its not-before").hasSize(1);

        clock.advance(LONGEST_FIRST_BACKOFF.minus(SHORTEST_FIRST_BACKOFF).plusMillis(1));
        int deliveredLater = drainer.drainOnce();

        assertThat(deliveredLater).isEqualTo(1);
        assertThat(sent).extracting(OutboxItem::identifier)
                .as("every attempt sends the same business identifier")
                .containsExactly(store.identifierOf(alert), store.identifierOf(alert));
        assertThat(store.stats().delivered()).isEqualTo(1);
        assertThat(store.stats().pending()).isZero();
    }

    @Test
    void anAdapterThatThrowsLeavesTheRowPendingForARetryInsteadOfStrandingItInFlight() {
        givenAlertRaised();
        answerToCall = call -> {
            if (call == 1) {
                throw new IllegalArgumentException("invalid header value");
            }
            return ACCEPTED;
        };

        drainer.drainOnce();
        assertThat(store.stats().pending()).isEqualTo(1);
        clock.advance(MAX_RETRY);
        drainer.drainOnce();

        assertThat(sent).hasSize(2);
        assertThat(store.stats().delivered()).isEqualTo(1);
    }

    @Test
    void aRefusedDeliveryIsDeadLetteredAndNeverRetried() {
        givenAlertRaised();
        answerToCall = call -> new Delivery.Refused("HTTP 422");

        drainer.drainOnce();
        clock.advance(Duration.ofDays(1));
        drainer.drainOnce();

        assertThat(sent).hasSize(1);
        assertThat(store.stats()).isEqualTo(new OutboxStats(0, 0, 1, Optional.empty(), Optional.empty()));
        assertThat(drainer.health().lastError()).contains("HTTP 422");
    }

    @Test
    void anIntegrityAlarmIsDeadLetteredAndNeverRetried() {
        givenAlertRaised();
        answerToCall = call -> new Delivery.IntegrityAlarm("HTTP 412: identifier matched more than one resource");

        drainer.drainOnce();
        clock.advance(Duration.ofDays(1));
        drainer.drainOnce();

        assertThat(sent).hasSize(1);
        assertThat(store.stats().dead()).isEqualTo(1);
        assertThat(store.stats().pending()).isZero();
    }

    @Test
    void theBreakerOpensWhenHalfOfTenCallsFailAndThenNoCallReachesTheCareRecord() {
        givenAlertsRaised(10);
        answerToCall = call -> call <= 5 ? ACCEPTED : new Delivery.Retry("HTTP 503");

        drainer.drainOnce();

        assertThat(sent).hasSize(10);
        assertThat(drainer.health().breaker()).isEqualTo("OPEN");

        clock.advance(LONGEST_FIRST_BACKOFF.plusMillis(1));
        givenAlertsRaised(1);
        int delivered = drainer.drainOnce();

        assertThat(delivered).isZero();
        assertThat(sent).as("no call while the breaker is open").hasSize(10);
        assertThat(store.stats().pending()).as("nothing is lost while open").isEqualTo(6);
        assertThat(store.stats().delivered()).isEqualTo(5);
    }

    @Test
    void fewerThanHalfOfTenCallsFailingKeepsTheBreakerClosed() {
        givenAlertsRaised(10);
        answerToCall = call -> call <= 6 ? ACCEPTED : new Delivery.Retry("HTTP 503");

        drainer.drainOnce();

        assertThat(drainer.health().breaker()).isEqualTo("CLOSED");
    }

    @Test
    void afterItsOpenWaitTheBreakerLetsOneCallThroughHalfOpenAndASuccessClosesIt() {
        givenAlertsRaised(5);
        answerToCall = call -> call <= 5 ? new Delivery.Retry("HTTP 503") : ACCEPTED;
        drainer.drainOnce();
        assertThat(drainer.health().breaker()).isEqualTo("OPEN");
        clock.advance(BREAKER_OPEN_FOR.minusMillis(1));
        drainer.drainOnce();
        assertThat(sent).as("still open just before the wait is over").hasSize(5);

        clock.advance(Duration.ofMillis(2));
        int delivered = drainer.drainOnce();

        assertThat(breakerStateDuringCall.get(5)).isEqualTo("HALF_OPEN");
        assertThat(drainer.health().breaker()).isEqualTo("CLOSED");
        assertThat(delivered).isEqualTo(5);
        assertThat(store.stats().delivered()).isEqualTo(5);
        assertThat(store.stats().pending()).isZero();
    }

    @Test
    void aFailedTrialCallWhileHalfOpenOpensTheBreakerAgain() {
        givenAlertsRaised(5);
        answerToCall = call -> new Delivery.Retry("HTTP 503");
        drainer.drainOnce();
        clock.advance(BREAKER_OPEN_FOR.plusMillis(1));

        drainer.drainOnce();

        assertThat(sent).as("only the one trial call").hasSize(6);
        assertThat(breakerStateDuringCall.get(5)).isEqualTo("HALF_OPEN");
        assertThat(drainer.health().breaker()).isEqualTo("OPEN");
        assertThat(store.stats().pending()).isEqualTo(5);
    }

    @Test
    void refusalsDoNotCountAsFailuresOfTheCareRecord() {
        givenAlertsRaised(10);
        answerToCall = call -> new Delivery.Refused("HTTP 400");

        drainer.drainOnce();

        assertThat(drainer.health().breaker()).isEqualTo("CLOSED");
        assertThat(store.stats().dead()).isEqualTo(10);
    }

    private Alert givenAlertRaised() {
        Alert alert = TestAlerts.helpButton("pendant", clock.instant());
        store.record(List.of(), EngineState.initial(), List.of(alert));
        return alert;
    }

    private void givenAlertsRaised(int n) {
        Instant start = clock.instant();
        for (int i = 0; i < n; i++) {
            store.record(List.of(), EngineState.initial(), List.of(TestAlerts.helpButton("pendant-" + i, start)));
        }
    }
}
