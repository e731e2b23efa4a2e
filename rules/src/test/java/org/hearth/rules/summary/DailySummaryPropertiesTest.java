package org.hearth.rules.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.summary.Days.summariser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

class DailySummaryPropertiesTest {
    /** Ordinary days and both 2026 UK clock-change days. */
    private static final LocalDate[] DAYS = {LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25),
        LocalDate.of(2026, 1, 14), LocalDate.of(2026, 7, 2)};

    private static LocalDate anyDay(SplittableRandom r) {
        return DAYS[r.nextInt(DAYS.length)];
    }

    /** Random events from noon the day before to a little after the day, from every kind of sensor. */
    private static List<SensorEvent> anyEvents(SplittableRandom r, LocalDate day) {
        Instant from = summariser().from(day).minus(Duration.ofHours(2));
        long span = Duration.ofHours(40).toSeconds();
        List<SensorEvent> events = new ArrayList<>();
        int n = r.nextInt(300);
        EventKind[] kinds = EventKind.values();
        for (int i = 0; i < n; i++) {
            String sensor = Days.SENSORS[r.nextInt(Days.SENSORS.length)];
            events.add(SensorEvent.of(sensor, kinds[r.nextInt(kinds.length)], from.plusSeconds(r.nextLong(span))));
        }
        return events;
    }

    @Test
    void orderAndDuplicatesChangeNothing() {
        Seeded.forAll(200, 1_000L, r -> {
            LocalDate day = anyDay(r);
            List<SensorEvent> events = anyEvents(r, day);
            List<SensorEvent> shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, events.size() / 3));
            Collections.shuffle(shuffled, new Random(r.nextLong()));

            assertThat(summariser().summarise(day, shuffled, 1)).isEqualTo(summariser().summarise(day, events, 1));
        });
    }

    @Test
    void measuresStayWithinTheDay() {
        Seeded.forAll(200, 2_000L, r -> {
            LocalDate day = anyDay(r);
            List<SensorEvent> events = anyEvents(r, day);
            DailySummary s = summariser().summarise(day, events, 0);

            long inDay = events.stream().distinct().filter(e -> e.kind().isActivity())
                    .filter(e -> !e.at().isBefore(s.start()) && e.at().isBefore(s.end())).count();
            assertThat(s.activityCount()).isEqualTo((int) inDay);
            assertThat(s.timeInBed()).isBetween(Duration.ZERO, s.length());
            assertThat(s.timeOutOfHome()).isBetween(Duration.ZERO, s.length());
            assertThat(s.roomTransitions()).isBetween(0, s.activityCount());
            assertThat(s.kettleUses()).isBetween(0, s.activityCount());
            if (s.firstActivity() != null) {
                assertThat(s.firstActivity()).isBetween(s.start(), s.lastActivity());
                assertThat(s.lastActivity()).isBefore(s.end());
            }
        });
    }

    @Test
    void shiftingEverythingByWholeWeeksInTheSameSeasonChangesOnlyTheDates() {
        Seeded.forAll(100, 3_000L, r -> {
            LocalDate day = LocalDate.of(2026, 6, 1).plusDays(r.nextInt(30));
            List<SensorEvent> events = anyEvents(r, day);
            Duration week = Duration.ofDays(7);
            List<SensorEvent> later = events.stream().map(e -> e.withAt(e.at().plus(week))).toList();

            DailySummary a = summariser().summarise(day, events, 0);
            DailySummary b = summariser().summarise(day.plusWeeks(1), later, 0);

            assertThat(b.activityByHour()).isEqualTo(a.activityByHour());
            for (Measure m : Measure.values()) {
                assertThat(b.value(m)).isEqualTo(a.value(m));
            }
        });
    }

    @Test
    void theBaselineStaysBoundedAndDeterministic() {
        Seeded.forAll(20, 4_000L, r -> {
            Baseline a = Baseline.empty();
            Baseline b = Baseline.empty();
            LocalDate day = LocalDate.of(2026, 3, 20);
            for (int i = 0; i < 15; i++) {
                LocalDate d = day.plusDays(i);
                List<SensorEvent> events = anyEvents(r, d);
                var ra = summariser().summariseAndLearn(d, events, 0, a);
                var rb = summariser().summariseAndLearn(d, events, 0, b);
                assertThat(ra).isEqualTo(rb);
                a = ra.baseline();
                b = rb.baseline();
            }
            assertThat(a.stats()).hasSizeLessThanOrEqualTo(Measure.values().length);
            a.stats().values().forEach(s -> assertThat(s.variance()).isGreaterThanOrEqualTo(0));
        });
    }
}
