package org.hearth.rules.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.testing.TestHome.LAYOUT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Comparator;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.testing.TestHome;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.Generators;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

/**
 * Properties of the routine detectors over seeded, noisy resident days (varied routines, random extra events, a cut
 * like a collapse at the end), so that alerts of every type occur.
 */
class RoutineWatchPropertiesTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo"); // no clock changes: whole-day shifts keep local time

    private static List<SensorEvent> days(SplittableRandom random, ZoneId zone) {
        LocalDate first = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(0, 300));
        int count = random.nextInt(2, 12);
        List<SensorEvent> events = new ArrayList<>(Generators.residentDays(random, first, count, zone));
        if (random.nextBoolean()) { // the door at night: sometimes back in at once, sometimes not
            Instant open = first.plusDays(random.nextInt(0, count)).atTime(23, 0).atZone(zone).toInstant()
                    .plusSeconds(random.nextInt(0, 7 * 3600));
            Instant closed = open.plusSeconds(random.nextInt(5, 900));
            events.add(SensorEvent.of(TestHome.DOOR, EventKind.CONTACT_OPEN, open));
            events.add(SensorEvent.of(TestHome.DOOR, EventKind.CONTACT_CLOSED, closed));
            if (random.nextBoolean()) {
                events.add(SensorEvent.of(TestHome.HALL, EventKind.MOTION, closed.plusSeconds(random.nextInt(1, 60))));
            }
            events.sort(Comparator.comparing(SensorEvent::at));
        }
        return events;
    }

    private static RoutineWatch watch(ZoneId zone) {
        return new RoutineWatch(LAYOUT, RoutineWatchPolicy.ukDefault(zone));
    }

    private static Instant end(List<SensorEvent> events) {
        return events.get(events.size() - 1).at().plus(Duration.ofHours(14));
    }

    @Test
    void sameEventsSameAlertsWhateverTheTickCadence() {
        Seeded.forAll(40, 7_000, random -> {
            List<SensorEvent> events = days(random, TOKYO);
            RoutineWatch watch = watch(TOKYO);
            List<Alert> once = Watching.untilEnd(watch, events, end(events));

            assertThat(Watching.untilEnd(watch, events, end(events))).isEqualTo(once);
            assertThat(Watching.ticked(watch, events, end(events), Duration.ofMinutes(random.nextInt(1, 30))))
                    .isEqualTo(once);
            assertThat(once).extracting(Alert::key).doesNotHaveDuplicates();
            assertThat(once).allSatisfy(a -> assertThat(a.raisedAt()).isAfterOrEqualTo(a.onset()));
        });
    }

    @Test
    void shiftingEverythingByWholeDaysShiftsOnlyTheTimes() {
        Seeded.forAll(40, 8_000, random -> {
            List<SensorEvent> events = days(random, TOKYO);
            Duration shift = Duration.ofDays(random.nextInt(1, 400));
            List<SensorEvent> shifted = events.stream().map(e -> e.withAt(e.at().plus(shift))).toList();
            RoutineWatch watch = watch(TOKYO);

            List<Alert> original = Watching.untilEnd(watch, events, end(events));
            List<Alert> moved = Watching.untilEnd(watch, shifted, end(shifted));

            assertThat(moved).hasSameSizeAs(original);
            for (int i = 0; i < original.size(); i++) {
                Alert a = original.get(i);
                Alert b = moved.get(i);
                assertThat(b.type()).isEqualTo(a.type());
                assertThat(b.sensorId()).isEqualTo(a.sensorId());
                assertThat(b.onset()).isEqualTo(a.onset().plus(shift));
                assertThat(b.raisedAt()).isEqualTo(a.raisedAt().plus(shift));
                assertThat(b.evidence().threshold()).isEqualTo(a.evidence().threshold());
                assertThat(b.evidence().explanation().replaceAll("\\d{4}-\\d\\d-\\d\\d ", ""))
                        .isEqualTo(a.evidence().explanation().replaceAll("\\d{4}-\\d\\d-\\d\\d ", ""));
            }
        });
    }

    @Test
    void redeliveredEventsRightAwayOrLateChangeNothing() {
        Seeded.forAll(40, 9_000, random -> {
            List<SensorEvent> events = days(random, TOKYO);
            List<SensorEvent> delivered = new ArrayList<>(events);
            for (int i = delivered.size() - 1; i >= 0; i--) {
                int roll = random.nextInt(20);
                if (roll < 2) {
                    delivered.add(i + 1, delivered.get(i)); // again right away
                } else if (roll == 2) {
                    delivered.add(Math.min(delivered.size(), i + random.nextInt(1, 6)), delivered.get(i)); // late
                }
            }
            RoutineWatch watch = watch(TOKYO);

            assertThat(Watching.untilEnd(watch, delivered, end(events)))
                    .isEqualTo(Watching.untilEnd(watch, events, end(events)));
        });
    }

    @Test
    void eventsOutOfOrderNeverDoubleAnAlertNorMoveTimeBack() {
        Seeded.forAll(40, 10_000, random -> {
            List<SensorEvent> events = Generators.delivered(random, days(random, TOKYO));
            List<Alert> alerts = Watching.untilEnd(watch(TOKYO), events, end(events));

            assertThat(alerts).extracting(Alert::key).doesNotHaveDuplicates();
            assertThat(alerts).extracting(Alert::raisedAt).isSorted();
        });
    }

    @Test
    void theSeededDaysDoExerciseEveryDetector() {
        List<Alert> all = new ArrayList<>();
        Seeded.forAll(40, 7_000, random -> {
            List<SensorEvent> events = days(random, TOKYO);
            all.addAll(Watching.untilEnd(watch(TOKYO), events, end(events)));
        });
        assertThat(all).extracting(Alert::type).contains(org.hearth.rules.model.AlertType.BATHROOM_DWELL,
                org.hearth.rules.model.AlertType.BED_EXIT_NO_RETURN,
                org.hearth.rules.model.AlertType.MISSED_MORNING_ROUTINE,
                org.hearth.rules.model.AlertType.DOOR_OPEN_NIGHT);
    }
}
