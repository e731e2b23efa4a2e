package org.hearth.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.testing.TestHome.BED;
import static org.hearth.rules.testing.TestHome.LAYOUT;
import static org.hearth.rules.testing.TestHome.LONDON;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hearth.rules.inactivity.RoutinePolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.Replay;
import org.hearth.rules.testing.TestHome;
import org.junit.jupiter.api.Test;

/**
 * A learnt resident through the 2026 UK clock changes: eleven regular days up to the change night, which is regular
 * or has a fall, ticked every five minutes as a gateway would, and again without ticks.
 */
class RulesEngineRoutineClockChangeTest {

    private final RulesEngine engine = new RulesEngine(LAYOUT, RoutinePolicy.ukDefault(LONDON));

    @Test
    void regularDaysAcrossBothChangesRaiseNothing() {
        List<SensorEvent> spring = TestHome.regularDays(LocalDate.of(2026, 3, 19), 20, LONDON);
        List<SensorEvent> autumn = TestHome.regularDays(LocalDate.of(2026, 10, 15), 20, LONDON);

        assertThat(everyFiveMinutes(spring, spring.get(spring.size() - 1).at())).isEmpty();
        assertThat(everyFiveMinutes(autumn, autumn.get(autumn.size() - 1).at())).isEmpty();
    }

    @Test
    void gettingUpJustBeforeTheClocksGoForwardIsAlertedOneRealHourLater() {
        List<SensorEvent> events = new ArrayList<>(TestHome.regularDays(LocalDate.of(2026, 3, 18), 11, LONDON));
        // 00:45 GMT on Sunday 29 March; at 01:00 GMT the clocks go forward to 02:00 BST.
        events.add(SensorEvent.of(BED, EventKind.VACATED, Instant.parse("2026-03-29T00:45:00Z")));

        List<Alert> alerts = everyFiveMinutes(events, Instant.parse("2026-03-29T12:00:00Z"));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.onset()).isEqualTo(Instant.parse("2026-03-29T00:45:00Z"));
            assertThat(alert.raisedAt()).isEqualTo(Instant.parse("2026-03-29T01:45:00Z")); // 02:45 BST
            assertThat(alert.evidence().observed()).isEqualTo(Duration.ofHours(1));
            assertThat(alert.evidence().explanation()).startsWith("No activity for 1h 00m since 00:45 (got up from "
                    + "bedroom-mat)");
        });
        assertThat(withoutTicks(events, Instant.parse("2026-03-29T12:00:00Z"))).isEqualTo(alerts);
    }

    @Test
    void gettingUpInTheFirstOfTheTwoHalfPastOnesIsAlertedOneRealHourLater() {
        List<SensorEvent> events = new ArrayList<>(TestHome.regularDays(LocalDate.of(2026, 10, 14), 11, LONDON));
        // 01:30 BST on Sunday 25 October; at 02:00 BST the clocks go back to 01:00 GMT, and 01:30 comes again.
        events.add(SensorEvent.of(BED, EventKind.VACATED, Instant.parse("2026-10-25T00:30:00Z")));

        List<Alert> alerts = everyFiveMinutes(events, Instant.parse("2026-10-25T12:00:00Z"));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.raisedAt()).isEqualTo(Instant.parse("2026-10-25T01:30:00Z")); // 01:30 GMT, not 02:30
            assertThat(alert.evidence().observed()).isEqualTo(Duration.ofHours(1));
            assertThat(alert.evidence().explanation()).startsWith("No activity for 1h 00m since 01:30 UTC+01:00 "
                    + "(got up from bedroom-mat)");
        });
        assertThat(withoutTicks(events, Instant.parse("2026-10-25T12:00:00Z"))).isEqualTo(alerts);
    }

    @Test
    void onTheLongNightTheAllowanceInBedIsRealTimeSoItEndsEarlierByTheWallClock() {
        List<SensorEvent> events = new ArrayList<>(TestHome.regularDays(LocalDate.of(2026, 10, 14), 11, LONDON));
        // In bed since 22:30 BST on Saturday; the night is an hour longer; no toilet trip, no rising at 07:00 GMT.
        Instant inBed = Instant.parse("2026-10-24T21:30:00Z");

        List<Alert> alerts = everyFiveMinutes(events, Instant.parse("2026-10-25T14:00:00Z"));

        // By 07:00 the resident is usually 4 h past the toilet trip; 2.5 times that is allowed in the 07:00 hour. On
        // this 25-hour night that real time runs out before 08:00 GMT, the hour at which being in bed is rare.
        assertThat(alerts).singleElement().satisfies(alert -> {
            Duration threshold = alert.evidence().threshold();
            assertThat(threshold).isBetween(Duration.ofHours(9), Duration.ofHours(11));
            assertThat(alert.onset()).isEqualTo(inBed);
            assertThat(alert.raisedAt()).isEqualTo(inBed.plus(threshold))
                    .isBefore(Instant.parse("2026-10-25T08:00:00Z"))
                    .isAfter(Instant.parse("2026-10-25T07:00:00Z"));
            assertThat(alert.evidence().observed()).isEqualTo(threshold);
        });
        assertThat(withoutTicks(events, Instant.parse("2026-10-25T14:00:00Z"))).isEqualTo(alerts);
    }

    private List<Alert> everyFiveMinutes(List<SensorEvent> events, Instant end) {
        return new Replay(engine).ticking(events, Duration.ofMinutes(5), end).alerts();
    }

    private List<Alert> withoutTicks(List<SensorEvent> events, Instant end) {
        return new Replay(engine).events(events).tick(end).alerts();
    }
}
