package org.hearth.rules.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hearth.rules.model.EventKind.MOTION;
import static org.hearth.rules.summary.Days.at;
import static org.hearth.rules.summary.Days.ev;
import static org.hearth.rules.summary.Days.summariser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

class BaselineTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 5, 1);
    private final DailySummariser summariser = summariser();

    /** A day with {@code visits} night bathroom visits (each 40 min apart from 01:00) and a kitchen morning. */
    private List<SensorEvent> day(LocalDate d, int visits) {
        List<SensorEvent> events = new ArrayList<>();
        for (int i = 0; i < visits; i++) {
            events.add(ev("bathroom-motion", MOTION, at(d, "01:00").plusSeconds(i * 2400L)));
        }
        events.add(ev("kitchen-motion", MOTION, at(d, "08:00")));
        return events;
    }

    private Baseline learnDays(int n, int... visitsCycle) {
        Baseline b = Baseline.empty();
        for (int i = 0; i < n; i++) {
            LocalDate d = FIRST.plusDays(i);
            b = summariser.summariseAndLearn(d, day(d, visitsCycle[i % visitsCycle.length]), 0, b).baseline();
        }
        return b;
    }

    @Test
    void moreNightBathroomVisitsThanUsualIsADeviationWithItsEvidence() {
        Baseline usual = learnDays(14, 0, 1);
        LocalDate d = FIRST.plusDays(14);

        DailySummary s = summariser.summariseAndLearn(d, day(d, 4), 0, usual).summary();

        assertThat(s.deviations()).singleElement().satisfies(dev -> {
            assertThat(dev.measure()).isEqualTo(Measure.NIGHT_BATHROOM_VISITS);
            assertThat(dev.value()).isEqualTo(4);
            assertThat(dev.mean()).isCloseTo(0.5, within(0.1));
            assertThat(dev.days()).isEqualTo(14);
            assertThat(dev.z()).isGreaterThanOrEqualTo(2);
            assertThat(dev.explanation()).startsWith("night-bathroom-visits 4 is above usual 0.");
        });
    }

    @Test
    void anOrdinaryDayIsNoDeviation() {
        LocalDate d = FIRST.plusDays(14);
        assertThat(summariser.summariseAndLearn(d, day(d, 1), 0, learnDays(14, 0, 1)).summary().deviations())
                .isEmpty();
    }

    @Test
    void nothingDeviatesBeforeSevenDaysOfHistory() {
        LocalDate d = FIRST.plusDays(6);
        assertThat(summariser.summariseAndLearn(d, day(d, 9), 0, learnDays(6, 0)).summary().deviations()).isEmpty();
    }

    @Test
    void theFirstDaysAreAPlainMeanThenOldDaysAreForgotten() {
        MeasureStats s = new MeasureStats(0, 0, 0).learn(2, 0.05).learn(4, 0.05);
        assertThat(s.mean()).isEqualTo(3);
        assertThat(s.variance()).isEqualTo(1);

        // A resident whose nights changed from 0 to 3 visits: after two half-lives the old normal has mostly gone.
        Baseline b = learnDays(60, 0);
        for (int i = 0; i < 28; i++) {
            LocalDate d = FIRST.plusDays(60 + i);
            b = summariser.summariseAndLearn(d, day(d, 3), 0, b).baseline();
        }
        assertThat(b.stats().get(Measure.NIGHT_BATHROOM_VISITS).mean()).isCloseTo(3 * 0.75, within(0.05));
        assertThat(b.stats()).hasSizeLessThanOrEqualTo(Measure.values().length);
        assertThat(b.stats().get(Measure.NIGHT_BATHROOM_VISITS).days()).isEqualTo(88);
    }
}
