package org.hearth.rules.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.testing.TestHome.BATHROOM;
import static org.hearth.rules.testing.TestHome.BED;
import static org.hearth.rules.testing.TestHome.BEDROOM;
import static org.hearth.rules.testing.TestHome.DOOR;
import static org.hearth.rules.testing.TestHome.LAYOUT;
import static org.hearth.rules.testing.TestHome.LONDON;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.TestHome;
import org.junit.jupiter.api.Test;

/**
 * The routine detectors through the 2026 UK clock changes (29 March, 25 October), learnt on the regular days before,
 * ticked every five minutes and without ticks: no missed, doubled or hour-late alert.
 */
class RoutineWatchClockChangeTest {

    private final RoutineWatch watch = new RoutineWatch(LAYOUT, RoutineWatchPolicy.ukDefault(LONDON));

    private List<Alert> both(List<SensorEvent> events, Instant end) {
        List<Alert> ticked = Watching.ticked(watch, events, end, Duration.ofMinutes(5));
        assertThat(Watching.untilEnd(watch, events, end)).isEqualTo(ticked);
        return ticked;
    }

    private static List<SensorEvent> regularUpTo(LocalDate first, int days) {
        return new ArrayList<>(TestHome.regularDays(first, days, LONDON));
    }

    @Test
    void regularDaysAcrossBothChangesRaiseNothing() {
        List<SensorEvent> spring = regularUpTo(LocalDate.of(2026, 3, 19), 20);
        List<SensorEvent> autumn = regularUpTo(LocalDate.of(2026, 10, 15), 20);

        assertThat(both(spring, spring.get(spring.size() - 1).at())).isEmpty();
        assertThat(both(autumn, autumn.get(autumn.size() - 1).at())).isEmpty();
    }

    @Test
    void aNightTripAcrossTheSpringChangeIsAlertedAfterThirtyRealMinutes() {
        List<SensorEvent> events = regularUpTo(LocalDate.of(2026, 3, 18), 11);
        events.add(SensorEvent.of(BED, EventKind.VACATED, Instant.parse("2026-03-29T00:45:00Z"))); // 00:45 GMT
        events.add(SensorEvent.of(BATHROOM, EventKind.MOTION, Instant.parse("2026-03-29T00:46:00Z")));

        List<Alert> alerts = both(events, Instant.parse("2026-03-29T04:00:00Z")).stream()
                .filter(a -> a.type() == AlertType.BED_EXIT_NO_RETURN).toList();

        assertThat(alerts).singleElement().satisfies(a ->
                assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-03-29T01:15:00Z"))); // 02:15 BST
    }

    @Test
    void aNightTripInTheFirstOfTheTwoHalfPastOnesIsAlertedAfterThirtyRealMinutes() {
        List<SensorEvent> events = regularUpTo(LocalDate.of(2026, 10, 14), 11);
        events.add(SensorEvent.of(BED, EventKind.VACATED, Instant.parse("2026-10-25T00:30:00Z"))); // 01:30 BST

        List<Alert> alerts = both(events, Instant.parse("2026-10-25T04:00:00Z")).stream()
                .filter(a -> a.type() == AlertType.BED_EXIT_NO_RETURN).toList();

        assertThat(alerts).singleElement().satisfies(a ->
                assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"))); // 01:00 GMT
    }

    @Test
    void theDoorInTheRepeatedHourIsInTheNightAndAlertedOnce() {
        List<SensorEvent> events = regularUpTo(LocalDate.of(2026, 10, 14), 11);
        events.add(SensorEvent.of(DOOR, EventKind.CONTACT_OPEN, Instant.parse("2026-10-25T01:30:00Z"))); // 01:30 GMT
        events.add(SensorEvent.of(DOOR, EventKind.CONTACT_CLOSED, Instant.parse("2026-10-25T01:30:20Z")));

        List<Alert> alerts = both(events, Instant.parse("2026-10-25T04:00:00Z")).stream()
                .filter(a -> a.type() == AlertType.DOOR_OPEN_NIGHT).toList();

        assertThat(alerts).singleElement().satisfies(a ->
                assertThat(a.raisedAt()).isEqualTo(Instant.parse("2026-10-25T01:35:00Z")));
    }

    @Test
    void aMissedMorningOnEitherChangeDayIsAlertedOnceAtTheUsualLocalTime() {
        for (LocalDate change : List.of(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25))) {
            LocalTime usual = missedMorningAt(change.minusDays(7)); // an ordinary Sunday, same history length
            assertThat(missedMorningAt(change)).isEqualTo(usual);
        }
    }

    /** Eleven regular days, then a day whose resident stays in the bedroom: the local time of the one alert. */
    private LocalTime missedMorningAt(LocalDate day) {
        List<SensorEvent> events = regularUpTo(day.minusDays(11), 11);
        TestHome.Script s = new TestHome.Script(day, LONDON).at("07:00", BED, EventKind.VACATED)
                .at("07:02", BEDROOM, EventKind.MOTION).at("07:30", BED, EventKind.OCCUPIED);
        events.addAll(s.events());
        List<Alert> alerts = both(events, s.instant("23:00")).stream()
                .filter(a -> a.type() == AlertType.MISSED_MORNING_ROUTINE).toList();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).onset()).isEqualTo(s.instant("05:00"));
        return LocalTime.ofInstant(alerts.get(0).raisedAt(), LONDON);
    }
}
