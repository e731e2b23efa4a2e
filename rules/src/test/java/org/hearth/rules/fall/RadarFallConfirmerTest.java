package org.hearth.rules.fall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Priority;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

class RadarFallConfirmerTest {

    private static final String RADAR = "bedroom-radar";
    private static final String OTHER = "lounge-radar";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final RadarFallConfirmer confirmer = new RadarFallConfirmer();

    private static SensorEvent fall(String radar, double seconds) {
        return SensorEvent.of(radar, EventKind.RADAR_FALL, at(seconds));
    }

    private static SensorEvent motion(String radar, double seconds) {
        return SensorEvent.of(radar, EventKind.MOTION, at(seconds));
    }

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    /** Applies the events in order, then ticks to {@code end}; returns every alert. */
    private List<Alert> play(List<SensorEvent> events, Instant end) {
        RadarFallState s = RadarFallState.initial();
        List<Alert> alerts = new ArrayList<>();
        for (SensorEvent e : events) {
            RadarStep step = confirmer.onEvent(s, e);
            s = step.state();
            alerts.addAll(step.alerts());
        }
        alerts.addAll(confirmer.onTick(s, end).alerts());
        return alerts;
    }

    @Test
    void aFallReportFollowedBySixtySecondsWithoutMovementRaisesOneStatAlertAtTheEndOfTheWindow() {
        RadarFallState s = confirmer.onEvent(RadarFallState.initial(), fall(RADAR, 0)).state();

        RadarStep early = confirmer.onTick(s, at(59.999));
        RadarStep due = confirmer.onTick(early.state(), at(75));
        RadarStep later = confirmer.onTick(due.state(), at(600));

        assertThat(early.alerts()).isEmpty();
        assertThat(confirmer.nextDeadline(s)).contains(at(60));
        assertThat(due.alerts()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.FALL_RADAR);
            assertThat(a.type().code()).isEqualTo("fall-detected-radar");
            assertThat(a.type().priority()).isEqualTo(Priority.STAT);
            assertThat(a.sensorId()).isEqualTo(RADAR);
            assertThat(a.onset()).isEqualTo(at(0));
            assertThat(a.raisedAt()).isEqualTo(at(60));
            assertThat(a.evidence().rule()).isEqualTo("fall.radar-confirmed");
            assertThat(a.evidence().events()).containsExactly(fall(RADAR, 0));
            assertThat(a.evidence().threshold()).isEqualTo(Duration.ofSeconds(60));
            assertThat(a.evidence().observed()).isEqualTo(Duration.ofSeconds(60));
            assertThat(a.evidence().explanation()).isEqualTo("Radar bedroom-radar reported a fall at "
                    + "2026-03-01T09:00:00Z and saw no movement for 60 s after it, until 2026-03-01T09:01:00Z");
        });
        assertThat(later.alerts()).isEmpty();
        assertThat(confirmer.nextDeadline(due.state())).isEmpty();
    }

    @Test
    void movementFromTheSameRadarWithinTheWindowCancelsTheFall() {
        assertThat(play(List.of(fall(RADAR, 0), motion(RADAR, 30)), at(600))).isEmpty();
        assertThat(play(List.of(fall(RADAR, 0), motion(RADAR, 59.999)), at(600))).isEmpty();
    }

    @Test
    void movementAtTheInstantOfTheFallIsPartOfItAndMovementAtTheDeadlineIsTooLate() {
        assertThat(play(List.of(fall(RADAR, 0), motion(RADAR, 0)), at(600))).hasSize(1);
        assertThat(play(List.of(fall(RADAR, 0), motion(RADAR, 60)), at(600))).hasSize(1);
    }

    @Test
    void onlyMovementSeenByTheReportingRadarCounts() {
        List<SensorEvent> events = List.of(fall(RADAR, 0), motion(OTHER, 10), motion("hall-motion", 20),
                SensorEvent.of(RADAR, EventKind.NO_MOTION, at(30)), SensorEvent.of(RADAR, EventKind.SENSOR_OFFLINE, at(40)));

        assertThat(play(events, at(600))).singleElement().satisfies(a -> assertThat(a.sensorId()).isEqualTo(RADAR));
    }

    @Test
    void aRepeatedReportOfTheSameFallRaisesOneAlert() {
        List<SensorEvent> events = List.of(fall(RADAR, 0), fall(RADAR, 0), fall(RADAR, 5), fall(RADAR, 70),
                fall(RADAR, 200));

        assertThat(play(events, at(600))).singleElement().satisfies(a -> assertThat(a.onset()).isEqualTo(at(0)));
    }

    @Test
    void afterTheAlertMovementReArmsTheRadarSoALaterFallIsANewAlert() {
        List<SensorEvent> events = List.of(fall(RADAR, 0), motion(RADAR, 300), fall(RADAR, 400));

        List<Alert> alerts = play(events, at(1000));

        assertThat(alerts).extracting(Alert::onset).containsExactly(at(0), at(400));
        assertThat(alerts).extracting(Alert::key).doesNotHaveDuplicates();
    }

    @Test
    void aLateFallReportThatMovementHasAlreadyFollowedIsNotConfirmed() {
        assertThat(play(List.of(motion(RADAR, 30), fall(RADAR, 10)), at(600))).isEmpty();
    }

    @Test
    void anEventAfterTheDeadlineRaisesTheDueAlertFirstAndLateMovementDoesNotRetractIt() {
        RadarFallState s = confirmer.onEvent(RadarFallState.initial(), fall(RADAR, 0)).state();

        RadarStep step = confirmer.onEvent(s, motion(RADAR, 61));

        assertThat(step.alerts()).singleElement().satisfies(a -> assertThat(a.raisedAt()).isEqualTo(at(60)));
        assertThat(step.state().watch(RADAR).alertedFallAt()).isNull();
    }

    @Test
    void fallsOnTwoRadarsAreConfirmedSeparatelyInOrderOfTheirDeadlines() {
        List<SensorEvent> events = List.of(fall(RADAR, 10), fall(OTHER, 0), motion(OTHER, 20));
        List<SensorEvent> both = List.of(fall(RADAR, 10), fall(OTHER, 0));

        assertThat(play(events, at(600))).extracting(Alert::sensorId).containsExactly(RADAR);
        assertThat(play(both, at(600))).extracting(Alert::sensorId).containsExactly(OTHER, RADAR);
    }

    @Test
    void theWindowCanBeChangedButMustBePositive() {
        RadarFallConfirmer quick = new RadarFallConfirmer(Duration.ofSeconds(30));
        RadarFallState s = quick.onEvent(RadarFallState.initial(), fall(RADAR, 0)).state();

        assertThat(quick.onTick(s, at(30)).alerts()).singleElement()
                .satisfies(a -> assertThat(a.evidence().threshold()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(new RadarFallConfirmer().confirmation()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> new RadarFallConfirmer(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RadarFallConfirmer(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stateIsAValue() {
        RadarFallState a = confirmer.onEvent(RadarFallState.initial(), fall(RADAR, 0)).state();
        RadarFallState b = confirmer.onEvent(RadarFallState.initial(), fall(RADAR, 0)).state();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.radars()).containsOnlyKeys(RADAR);
        assertThatThrownBy(() -> a.radars().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new RadarWatch(motion(RADAR, 0), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameEventsGiveSameAlertsWhetherTickedOftenAtRandomOrOnlyAtTheEnd() {
        Seeded.forAll(200, 50_000L, random -> {
            List<SensorEvent> events = randomEvents(random);
            Instant end = events.get(events.size() - 1).at().plusSeconds(120);

            List<Alert> never = play(events, end);
            List<Alert> often = playTicking(events, end, random, true);
            List<Alert> sometimes = playTicking(events, end, random, false);

            assertThat(often).isEqualTo(never);
            assertThat(sometimes).isEqualTo(never);
            assertThat(never).extracting(Alert::key).doesNotHaveDuplicates();
            for (Alert a : never) {
                assertThat(a.raisedAt()).isEqualTo(a.onset().plus(confirmer.confirmation()));
                // no movement from that radar inside the window (events come in time order here)
                assertThat(events).noneMatch(e -> e.kind() == EventKind.MOTION && e.sensorId().equals(a.sensorId())
                        && e.at().isAfter(a.onset()) && e.at().isBefore(a.raisedAt()));
            }
        });
    }

    private List<Alert> playTicking(List<SensorEvent> events, Instant end, SplittableRandom random, boolean everySecond) {
        RadarFallState s = RadarFallState.initial();
        List<Alert> alerts = new ArrayList<>();
        Instant clock = events.get(0).at();
        for (SensorEvent e : events) {
            while (clock.isBefore(e.at())) {
                RadarStep tick = confirmer.onTick(s, clock);
                s = tick.state();
                alerts.addAll(tick.alerts());
                clock = clock.plusMillis(everySecond ? 1000 : random.nextInt(1, 90_000));
            }
            RadarStep step = confirmer.onEvent(s, e);
            s = step.state();
            alerts.addAll(step.alerts());
        }
        alerts.addAll(confirmer.onTick(s, end).alerts());
        return alerts;
    }

    /** In time order (ticks must not run ahead of events): falls, movement and other events from two radars. */
    private static List<SensorEvent> randomEvents(SplittableRandom random) {
        List<SensorEvent> events = new ArrayList<>();
        Instant t = T0.plusSeconds(random.nextInt(0, 86_400));
        int n = 1 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
            t = t.plusMillis(random.nextInt(0, 90_000));
            String radar = random.nextBoolean() ? RADAR : OTHER;
            int roll = random.nextInt(10);
            EventKind kind = roll < 3 ? EventKind.RADAR_FALL : roll < 7 ? EventKind.MOTION : EventKind.NO_MOTION;
            events.add(SensorEvent.of(radar, kind, t));
        }
        events.sort(Comparator.comparing(SensorEvent::at));
        return events;
    }
}
