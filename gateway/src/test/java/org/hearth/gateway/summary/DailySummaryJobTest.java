package org.hearth.gateway.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.store.sqlite.SqliteSummaryStore;
import org.hearth.gateway.testing.MutableClock;
import org.hearth.gateway.testing.TestAlerts;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.summary.DailySummariser;
import org.hearth.rules.summary.DailySummary;
import org.hearth.rules.summary.Measure;
import org.hearth.rules.summary.SummaryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job over a real SQLite file and a clock the test moves across local midnights. */
class DailySummaryJobTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final SummaryPolicy POLICY = SummaryPolicy.ukDefault(LONDON);
    private static final HomeLayout LAYOUT = HomeLayout.empty()
            .with("kitchen-motion", SensorRole.MOTION, Room.KITCHEN)
            .with("bathroom-motion", SensorRole.MOTION, Room.BATHROOM);

    @TempDir
    Path dir;

    // 10:00 BST on Saturday 24 October 2026; the clocks go back in the night of the 25th.
    private final MutableClock clock = MutableClock.at("2026-10-24T09:00:00Z");
    private SqliteStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.close();
        }
    }

    private DailySummaryJob job(Set<Measure> shared) {
        if (store == null) {
            store = SqliteStore.open(dir.resolve("hearth.db"), clock, "gw-1");
        }
        return new DailySummaryJob(new SqliteSummaryStore(store, "gw-1"), new DailySummariser(LAYOUT, POLICY),
                POLICY, clock, "gw-1", shared, CancelledWarnings.none());
    }

    private void restart() {
        store.close();
        store = null;
    }

    private void motion(String sensor) {
        store.record(List.of(SensorEvent.of(sensor, EventKind.MOTION, clock.instant())), EngineState.initial(), List.of());
    }

    private List<OutboxItem> claimAll() {
        return store.claimDue(clock.instant(), 100);
    }

    @Test
    void eachDayIsSummarisedOnceAtLocalMidnightAndQueuedBehindAlerts() {
        DailySummaryJob job = job(EnumSet.allOf(Measure.class));
        assertThat(job.runDue()).isEmpty(); // first start: the day before was not seen
        motion("kitchen-motion");
        clock.advance(Duration.ofHours(13).plusMinutes(59)); // 23:59 BST
        assertThat(job.runDue()).isEmpty();

        clock.advance(Duration.ofMinutes(1)); // local midnight
        List<DailySummary> made = job.runDue();
        store.record(List.of(), EngineState.initial(), List.of(TestAlerts.helpButton("pendant", clock.instant())));

        assertThat(made).singleElement().satisfies(s -> {
            assertThat(s.date()).isEqualTo(LocalDate.of(2026, 10, 24));
            assertThat(s.activityCount()).isEqualTo(1);
        });
        assertThat(job.runDue()).isEmpty();
        List<OutboxItem> due = claimAll();
        assertThat(due).extracting(OutboxItem::isSummary).containsExactly(false, true);
        assertThat(due.get(1).identifier()).isEqualTo("gw-1:summary:2026-10-24");
        assertThat(due.get(1).summary().identifiers()).hasSize(Measure.values().length)
                .containsEntry(Measure.TIME_IN_BED, "gw-1:summary:time-in-bed:2026-10-24");
    }

    @Test
    void aRestartAroundMidnightNeitherLosesNorRepeatsADay() {
        job(EnumSet.allOf(Measure.class)).runDue();
        motion("kitchen-motion");
        restart();
        clock.advance(Duration.ofHours(15)); // down over midnight: 01:00 on the 25th

        assertThat(job(EnumSet.allOf(Measure.class)).runDue()).extracting(DailySummary::date)
                .containsExactly(LocalDate.of(2026, 10, 24));
        restart();
        assertThat(job(EnumSet.allOf(Measure.class)).runDue()).isEmpty();
        assertThat(claimAll()).hasSize(1);
    }

    @Test
    void daysMissedWhileDownAreSummarisedInOrderAcrossTheClockChange() {
        job(EnumSet.allOf(Measure.class)).runDue();
        restart();
        clock.advance(Duration.ofDays(3)); // 27 October

        List<DailySummary> made = job(EnumSet.allOf(Measure.class)).runDue();

        assertThat(made).extracting(DailySummary::date).containsExactly(LocalDate.of(2026, 10, 24),
                LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26));
        assertThat(made.get(1).length()).isEqualTo(Duration.ofHours(25));
        assertThat(claimAll()).hasSize(3);
    }

    @Test
    void theSharingSettingsDecideWhatLeavesTheHome() {
        DailySummaryJob nothing = job(Set.of());
        nothing.runDue();
        clock.advance(Duration.ofDays(1));
        assertThat(nothing.runDue()).hasSize(1);
        assertThat(claimAll()).isEmpty();

        DailySummaryJob some = job(EnumSet.of(Measure.NIGHT_BATHROOM_VISITS));
        clock.advance(Duration.ofDays(1));
        assertThat(some.runDue()).hasSize(1);
        assertThat(claimAll()).singleElement()
                .satisfies(i -> assertThat(i.summary().identifiers()).containsOnlyKeys(Measure.NIGHT_BATHROOM_VISITS));
    }

    @Test
    void theBaselineSurvivesARestartAndFlagsAnUnusualNight() {
        job(EnumSet.allOf(Measure.class)).runDue();
        // 10 ordinary days: one kitchen visit in the morning, no bathroom at night; a restart every day.
        for (int i = 0; i < 10; i++) {
            DailySummaryJob job = job(EnumSet.allOf(Measure.class));
            motion("kitchen-motion");
            clock.advance(Duration.ofDays(1));
            job.runDue();
            restart();
        }
        DailySummaryJob job = job(EnumSet.allOf(Measure.class));
        motion("kitchen-motion"); // 3 November, 09:00 GMT: an ordinary day
        // Then a night with three bathroom visits: 02:00, 03:00, 04:00 on the 4th.
        clock.advance(Duration.ofHours(17));
        for (int i = 0; i < 3; i++) {
            motion("bathroom-motion");
            clock.advance(Duration.ofHours(1));
        }
        motion("kitchen-motion");
        clock.advance(Duration.ofHours(20)); // 01:00 on the 5th

        List<DailySummary> made = job.runDue();

        assertThat(made).extracting(DailySummary::date)
                .containsExactly(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
        assertThat(made.get(0).deviations()).isEmpty();
        assertThat(made.get(1).nightBathroomVisits()).isEqualTo(3);
        assertThat(made.get(1).deviations()).anySatisfy(d -> {
                    assertThat(d.measure()).isEqualTo(Measure.NIGHT_BATHROOM_VISITS);
                    assertThat(d.mean()).isZero();
                    assertThat(d.days()).isEqualTo(11);
                });
    }
}
