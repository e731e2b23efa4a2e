package org.hearth.gateway.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.store.SummaryDelivery;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.store.sqlite.SqliteSummaryStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.summary.Baseline;
import org.hearth.rules.summary.DailySummariser;
import org.hearth.rules.summary.Measure;
import org.hearth.rules.summary.SummaryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Summaries share the outbox with alerts: behind them, rate-limited, and never in their way. */
class OutboxDrainerSummaryTest {
    private static final int PER_MINUTE = 10;
    private static final Delivery ACCEPTED = new Delivery.Accepted("Observation/1");

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-28T10:00:00Z");
    private final List<OutboxItem> sent = new ArrayList<>();
    private Delivery answer = ACCEPTED;
    private SqliteStore store;
    private OutboxDrainer drainer;

    @BeforeEach
    void setUp() {
        store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test");
        CareRecord careRecord = new CareRecord() {
            @Override
            public Delivery send(OutboxItem item) {
                sent.add(item);
                return answer;
            }

            @Override
            public Delivery sendAll(List<OutboxItem> items) {
                sent.addAll(items);
                return answer != ACCEPTED ? answer : new Delivery.Accepted(String.join(";", items.stream().map(i -> "Observation/1 Task/2").toList()));
            }
        };
        drainer = new OutboxDrainer(store, careRecord, clock, Duration.ofSeconds(2), Duration.ofMinutes(10), 50, 1,
                PER_MINUTE);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    /** A backlog of {@code days} summaries, e.g. after a long outage, committed before any alert. */
    private void givenSummaryBacklog(int days) {
        var summaries = new SqliteSummaryStore(store, "gw-test");
        var summariser = new DailySummariser(HomeLayout.empty(), SummaryPolicy.ukDefault(ZoneId.of("Europe/London")));
        LocalDate first = LocalDate.of(2026, 2, 1);
        for (int i = 0; i < days; i++) {
            var summary = summariser.summarise(first.plusDays(i), List.of(), 0);
            summaries.commitDay(summary.date(), Baseline.empty(),
                    Optional.of(SummaryDelivery.of("gw-test", summary, EnumSet.allOf(Measure.class))));
        }
    }

    private void givenAlertRaised(String sensor) {
        store.record(List.of(), EngineState.initial(), List.of(TestAlerts.helpButton(sensor, clock.instant())));
    }

    @Test
    void alertsGoFirstAndSummariesAreLimitedPerMinuteWithoutCountingAnAttempt() {
        givenSummaryBacklog(25);
        givenAlertRaised("pendant");

        int delivered = drainer.drainOnce();

        assertThat(delivered).isEqualTo(1 + PER_MINUTE);
        assertThat(sent.get(0).isSummary()).isFalse();
        assertThat(sent.subList(1, sent.size())).allMatch(OutboxItem::isSummary).hasSize(PER_MINUTE);
        assertThat(store.stats().pending()).isEqualTo(15);
        // Deferred, not failed: nothing more is due until the limit refreshes.
        assertThat(store.claimDue(clock.instant().plusSeconds(59), 100)).isEmpty();
        var later = store.claimDue(clock.instant().plus(Duration.ofMinutes(1)), 100);
        assertThat(later).hasSize(15).allSatisfy(i -> assertThat(i.attempts()).isZero());
        later.forEach(i -> store.putBack(i.id()));
    }

    @Test
    void aBacklogOfSummariesNeverDelaysAnAlertRaisedBehindIt() {
        givenSummaryBacklog(40);
        drainer.drainOnce(); // the limit is used up; 30 summaries wait
        sent.clear();

        clock.advance(Duration.ofSeconds(5));
        givenAlertRaised("pendant");
        int delivered = drainer.drainOnce();

        assertThat(delivered).isEqualTo(1);
        assertThat(sent).singleElement().satisfies(i -> assertThat(i.isSummary()).isFalse());
    }

    @Test
    void callsTheOpenBreakerRefusesSpendNoSummaryPermits() {
        drainer = new OutboxDrainer(store, item -> {
            sent.add(item);
            return answer;
        }, clock, Duration.ofSeconds(2), Duration.ofMinutes(10), 1, 1, PER_MINUTE);
        answer = new Delivery.Retry("HTTP 503");
        for (int i = 0; i < 5; i++) {
            givenAlertRaised("button-" + i);
        }
        givenSummaryBacklog(1);
        drainer.drainOnce(); // five failed alerts open the breaker
        for (int i = 0; i < 3 * PER_MINUTE; i++) {
            drainer.drainOnce(); // the summary is due, but every call is refused
        }
        assertThat(drainer.health().breaker()).isEqualTo("OPEN");

        answer = ACCEPTED;
        sent.clear();
        clock.advance(Duration.ofSeconds(11)); // past the breaker's open wait, within the same minute
        drainer.drainOnce();

        assertThat(sent).filteredOn(OutboxItem::isSummary).hasSize(1);
        assertThat(store.stats().pending()).isZero();
    }

    @Test
    void summariesAreNeverSentInsideAnAlertsTransaction() {
        givenAlertRaised("pendant");
        givenSummaryBacklog(2);
        clock.advance(Duration.ofSeconds(1));
        givenAlertRaised("pull-cord");
        List<List<Boolean>> calls = new ArrayList<>();
        drainer = new OutboxDrainer(store, new CareRecord() {
            @Override
            public Delivery send(OutboxItem item) {
                calls.add(List.of(item.isSummary()));
                return ACCEPTED;
            }

            @Override
            public Delivery sendAll(List<OutboxItem> items) {
                calls.add(items.stream().map(OutboxItem::isSummary).toList());
                return new Delivery.Accepted(String.join(";", items.stream().map(i -> "Observation/1 Task/2").toList()));
            }
        }, clock, Duration.ofSeconds(2), Duration.ofMinutes(10), 50, 1, PER_MINUTE);

        drainer.drainOnce();

        assertThat(calls).containsExactly(List.of(false, false), List.of(true), List.of(true));
    }
}
