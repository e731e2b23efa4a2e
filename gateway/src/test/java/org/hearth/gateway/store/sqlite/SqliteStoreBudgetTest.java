package org.hearth.gateway.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.gateway.store.JournalState;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk budget on a real SQLite file: retention by age and size, and "alerts only" when the file is full. */
class SqliteStoreBudgetTest {
    private static final long BUDGET = 256 * 1024;
    @TempDir Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");

    @Test
    void aFullStoreDropsTheOldestReadingsAndStillCommitsTheAlert() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test", BUDGET)) {
            Instant t = clock.instant();
            JournalState last = JournalState.COMPLETE;
            int batches = 0;
            while (last == JournalState.COMPLETE && batches < 10_000) {
                last = store.record(readings(t.plusSeconds(batches * 100L), 100), EngineState.initial(), List.of());
                batches++;
            }
            assertThat(last).as("the budget is reached").isEqualTo(JournalState.ALERTS_ONLY);

            JournalState withAlert = store.record(readings(t.plusSeconds(batches * 100L), 100), EngineState.initial(),
                    List.of(TestAlerts.helpButton("pendant", t.plus(Duration.ofDays(1)))));

            assertThat(store.alertCount()).isEqualTo(1);
            assertThat(store.stats().pending()).isEqualTo(1);
            assertThat(withAlert).isIn(JournalState.COMPLETE, JournalState.ALERTS_ONLY);
        }
    }

    @Test
    void pruningRemovesReadingsPastRetentionButNeverAlertsOrOutboxRows() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test", 64L * 1024 * 1024)) {
            Instant old = clock.instant().minus(Duration.ofDays(100));
            store.record(readings(old, 50), EngineState.initial(), List.of(TestAlerts.helpButton("pendant", old)));
            store.record(readings(clock.instant(), 20), EngineState.initial(), List.of());

            long deleted = store.prune(clock.instant().minus(Duration.ofDays(90)), 0.8);

            assertThat(deleted).isEqualTo(50);
            assertThat(store.eventCount()).isEqualTo(20);
            assertThat(store.alertCount()).isEqualTo(1);
            assertThat(store.stats().pending()).isEqualTo(1);
        }
    }

    @Test
    void pruningBringsAnOverBudgetFileBackUnderItsShareOldestFirst() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-test", BUDGET)) {
            for (int i = 0; i < 2000; i++) {
                if (store.record(readings(clock.instant().plusSeconds(i * 10L), 10), EngineState.initial(), List.of())
                        != JournalState.COMPLETE) {
                    break;
                }
            }
            long before = store.eventCount();

            long deleted = store.prune(clock.instant().minus(Duration.ofDays(365)), 0.5);

            assertThat(deleted).isPositive();
            assertThat(store.eventCount()).isEqualTo(before - deleted);
            // The survivors are the newest: the first reading left is later than any deleted one would have been.
            assertThat(store.record(readings(clock.instant().plus(Duration.ofDays(2)), 10), EngineState.initial(), List.of()))
                    .isEqualTo(JournalState.COMPLETE);
        }
    }

    private static List<SensorEvent> readings(Instant from, int n) {
        List<SensorEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new SensorEvent("kitchen-motion-with-a-long-sensor-id-" + (i % 7), EventKind.MOTION, from.plusMillis(i), "x".repeat(40)));
        }
        return events;
    }
}
