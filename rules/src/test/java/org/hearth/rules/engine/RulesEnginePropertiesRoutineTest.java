package org.hearth.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.hearth.rules.inactivity.LearntRoutine;
import org.hearth.rules.inactivity.RoutinePolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.Generators;
import org.hearth.rules.testing.Seeded;
import org.hearth.rules.testing.TestHome;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of the learning engine over random residents of the {@link TestHome}: nine to twelve varied days
 * (so the learning period ends), random extra events, the last day cut at a random instant as by a collapse.
 */
class RulesEnginePropertiesRoutineTest {

    private static final ZoneId LONDON = TestHome.LONDON;
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** The Saturdays before the 2026 UK clock changes. */
    private static final List<LocalDate> BEFORE_CHANGES =
            List.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 10, 24));

    private final RulesEngine london = new RulesEngine(TestHome.LAYOUT, RoutinePolicy.ukDefault(LONDON));
    private final RulesEngine utc = new RulesEngine(TestHome.LAYOUT, RoutinePolicy.ukDefault(UTC));

    /** What a run gave: the alerts, when the call that returned each was made, and the states after each event. */
    private record Run(List<Alert> alerts, List<Instant> returnedAt, List<EngineState> afterEvent, EngineState end) {
    }

    @Test
    void sameEventsGiveSameAlertsAndStateWhetherTickedEveryMinuteAtRandomOrNever() {
        Seeded.forAll(12, 60_000L, random -> {
            List<SensorEvent> events =
                    Generators.residentDays(random, nearAChange(random), random.nextInt(9, 12), LONDON);
            Instant end = last(events).plus(Duration.ofDays(1));

            Run everyMinute = play(london, events, end, Duration.ofMinutes(1), null);
            Run atRandom = play(london, events, end, null, random);
            Run never = play(london, events, end, null, null);

            assertThat(everyMinute.alerts()).isEqualTo(never.alerts()).isEqualTo(atRandom.alerts());
            assertThat(everyMinute.end()).isEqualTo(never.end()).isEqualTo(atRandom.end());
        });
    }

    @Test
    void shiftingEveryEventByWholeDaysShiftsEveryAlertAndLearnsTheSameInAUtcHome() {
        Seeded.forAll(12, 61_000L, random -> {
            LocalDate first = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
            List<SensorEvent> events = Generators.residentDays(random, first, random.nextInt(9, 12), UTC);
            Duration shift = Duration.ofDays(random.nextInt(-20_000, 20_000));
            Instant end = last(events).plus(Duration.ofDays(1));

            Run original = play(utc, events, end, null, random);
            Run shifted = play(utc, events.stream().map(e -> e.withAt(e.at().plus(shift))).toList(), end.plus(shift),
                    null, random);

            assertThat(shifted.alerts()).hasSameSizeAs(original.alerts());
            for (int i = 0; i < original.alerts().size(); i++) {
                assertThat(undated(shifted.alerts().get(i))).isEqualTo(undated(shift(original.alerts().get(i), shift)));
            }
            LearntRoutine a = original.end().routine();
            LearntRoutine b = shifted.end().routine();
            assertThat(b.hours()).containsExactly(a.hours());
            assertThat(b.histograms().keySet()).isEqualTo(a.histograms().keySet());
            a.histograms().forEach((key, w) -> assertThat(b.histograms().get(key)).containsExactly(w));
            assertThat(b.since()).isEqualTo(a.since().plus(shift));
        });
    }

    @Test
    void onBothClockChangeDaysNoAlertIsMissedDoubledEarlyOrLate() {
        java.util.concurrent.atomic.AtomicInteger judged = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger acrossAChange = new java.util.concurrent.atomic.AtomicInteger();
        Seeded.forAll(16, 62_000L, random -> {
            LocalDate change = BEFORE_CHANGES.get(random.nextInt(2)).plusDays(1);
            // Learn nine days, then the change day, cut at a random instant from 21:00 the evening before to 06:00.
            Instant changeAt = change.atStartOfDay(LONDON).toInstant();
            List<SensorEvent> events = Generators.residentDays(random, change.minusDays(9), 11, LONDON,
                    changeAt.minus(Duration.ofHours(3)), changeAt.plus(Duration.ofHours(6)));
            Instant end = last(events).plus(Duration.ofDays(1));
            Run run = play(london, events, end, Duration.ofMinutes(5), null);

            Set<String> keys = new HashSet<>();
            for (Alert alert : run.alerts()) {
                if (alert.type() == AlertType.HELP_BUTTON) {
                    continue;
                }
                assertThat(keys.add(alert.key())).as("one alert per quiet period: %s", alert.key()).isTrue();
            }
            // Every quiet period, judged on its own: alerted exactly at the first instant its silence reached the
            // allowance, on a one-minute grid plus the instants around the clock change, or not alerted at all.
            for (int i = 0; i < run.afterEvent().size(); i++) {
                EngineState quiet = run.afterEvent().get(i);
                if (quiet.lastActivity() == null || (i > 0 && quiet.lastActivityAt().equals(
                        run.afterEvent().get(i - 1).lastActivityAt()))) {
                    continue;
                }
                // The period lasts until the next event that moves the last activity on (not a NO_MOTION, say).
                int j = i + 1;
                while (j < events.size() && run.afterEvent().get(j).lastActivityAt().equals(quiet.lastActivityAt())) {
                    j++;
                }
                Instant until = j < events.size() ? events.get(j).at() : end;
                if (!run.afterEvent().get(j - 1).whereabouts().equals(quiet.whereabouts())) {
                    continue; // a mat or door reading at the very same instant changed the context: judged elsewhere
                }
                Instant due = firstDue(london, quiet, until);
                List<Alert> raised = run.alerts().stream().filter(a -> a.type() != AlertType.HELP_BUTTON
                        && a.onset().equals(quiet.lastActivityAt())).toList();
                if (due == null) {
                    assertThat(raised).as("no alert for the quiet period from %s", quiet.lastActivityAt()).isEmpty();
                } else {
                    judged.incrementAndGet();
                    if (Duration.between(quiet.lastActivityAt(), due).compareTo(Duration.ofHours(48)) < 0
                            && LONDON.getRules().nextTransition(quiet.lastActivityAt()).getInstant().isBefore(due)) {
                        acrossAChange.incrementAndGet();
                    }
                    assertThat(raised).as("the alert of the quiet period from %s", quiet.lastActivityAt())
                            .singleElement().satisfies(a -> {
                                assertThat(a.raisedAt()).isAfter(due.minus(Duration.ofMinutes(1)))
                                        .isBeforeOrEqualTo(due);
                                assertThat(a.evidence().observed()).isGreaterThanOrEqualTo(a.evidence().threshold());
                                assertThat(a.evidence().threshold())
                                        .isEqualTo(london.allowanceAt(quiet, a.raisedAt()).allowed());
                                assertThat(a.raisedAt()).isEqualTo(a.onset().plus(a.evidence().observed()));
                            });
                }
            }
        });
        // The cases are not vacuous: alerts are judged, some of them across a change of the clocks.
        assertThat(judged.get()).isGreaterThan(16);
        assertThat(acrossAChange.get()).isPositive();
    }

    @Test
    void repeatedDeliveriesChangeNothingAndLateOnesNeverMoveTimeBack() {
        Seeded.forAll(12, 63_000L, random -> {
            List<SensorEvent> events =
                    Generators.residentDays(random, nearAChange(random), random.nextInt(9, 12), LONDON);
            Instant end = last(events).plus(Duration.ofDays(1));
            List<SensorEvent> twice = new ArrayList<>();
            events.forEach(e -> {
                twice.add(e);
                twice.add(e);
            });

            assertThat(play(london, twice, end, null, random).alerts()).isEqualTo(play(london, events, end, null, null)
                    .alerts());
            assertThat(play(london, twice, end, null, null).end())
                    .isEqualTo(play(london, events, end, null, null).end());

            List<SensorEvent> delivered = Generators.delivered(random, events);
            Run run = play(london, delivered, end, Duration.ofMinutes(5), null);
            Instant lastActivity = Instant.MIN;
            for (EngineState s : run.afterEvent()) {
                if (s.lastActivityAt() != null) {
                    assertThat(s.lastActivityAt()).isAfterOrEqualTo(lastActivity);
                    lastActivity = s.lastActivityAt();
                }
            }
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < run.alerts().size(); i++) {
                Alert a = run.alerts().get(i);
                assertThat(a.raisedAt()).isAfterOrEqualTo(a.onset()).isBeforeOrEqualTo(run.returnedAt().get(i));
                if (a.type() != AlertType.HELP_BUTTON) {
                    assertThat(keys.add(a.key())).isTrue();
                    assertThat(a.evidence().threshold()).isPositive();
                    assertThat(a.evidence().explanation()).isNotBlank().doesNotContain("null");
                }
            }
        });
    }

    /**
     * The first instant after the quiet period's start, on a one-minute grid from it and at the instants around the
     * zone's offset changes, at which its silence reached the allowance; null if none before {@code until}.
     */
    private static Instant firstDue(RulesEngine engine, EngineState quiet, Instant until) {
        Instant start = quiet.lastActivityAt();
        List<Instant> probes = new ArrayList<>();
        for (Instant t = start.plusSeconds(60); t.isBefore(until); t = t.plusSeconds(60)) {
            probes.add(t);
        }
        for (Instant change : List.of(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"))) {
            for (long s : new long[] {-1, 0, 1}) {
                Instant t = change.plusSeconds(s);
                if (t.isAfter(start) && t.isBefore(until)) {
                    probes.add(t);
                }
            }
        }
        probes.add(engine.nextDeadline(quiet.inactivityAlerted() ? withoutAlert(quiet) : quiet).orElseThrow());
        probes.sort(Instant::compareTo);
        for (Instant t : probes) {
            if (!t.isBefore(until)) {
                return null;
            }
            if (Duration.between(start, t).compareTo(engine.allowanceAt(quiet, t).allowed()) >= 0) {
                return t;
            }
        }
        return null;
    }

    private static EngineState withoutAlert(EngineState s) {
        return new EngineState(s.lastActivityAt(), s.lastActivity(), false, s.helpCalls(), s.whereabouts(),
                s.routine());
    }

    /** Plays the events in order; between them ticks every {@code cadence}, at random instants, or never. */
    private static Run play(RulesEngine engine, List<SensorEvent> events, Instant end, Duration cadence,
            SplittableRandom random) {
        List<Alert> alerts = new ArrayList<>();
        List<Instant> returnedAt = new ArrayList<>();
        List<EngineState> afterEvent = new ArrayList<>();
        EngineState state = EngineState.initial();
        Instant clock = events.isEmpty() ? end : events.get(0).at().truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i <= events.size(); i++) {
            Instant until = i < events.size() ? events.get(i).at() : end;
            if (cadence != null) {
                for (Instant t = clock.plus(cadence); !t.isAfter(until); t = t.plus(cadence)) {
                    clock = t;
                    state = collect(engine.onTick(state, t), t, alerts, returnedAt);
                }
            } else if (random != null && until.isAfter(clock)) {
                for (int n = random.nextInt(3); n > 0; n--) {
                    clock = clock.plusMillis(random.nextLong(1, Duration.between(clock, until).toMillis() + 2));
                    if (clock.isAfter(until)) {
                        clock = until;
                    }
                    state = collect(engine.onTick(state, clock), clock, alerts, returnedAt);
                }
            }
            if (i < events.size()) {
                state = collect(engine.onEvent(state, events.get(i)), until, alerts, returnedAt);
                afterEvent.add(state);
            } else {
                state = collect(engine.onTick(state, end), end, alerts, returnedAt);
            }
            if (until.isAfter(clock)) {
                clock = until;
            }
        }
        return new Run(alerts, returnedAt, afterEvent, state);
    }

    private static EngineState collect(Step step, Instant now, List<Alert> alerts, List<Instant> returnedAt) {
        for (Alert alert : step.alerts()) {
            alerts.add(alert);
            returnedAt.add(now);
        }
        return step.state();
    }

    private static LocalDate nearAChange(SplittableRandom random) {
        return BEFORE_CHANGES.get(random.nextInt(2)).minusDays(random.nextInt(0, 10));
    }

    private static Instant last(List<SensorEvent> events) {
        return events.stream().map(SensorEvent::at).max(Instant::compareTo).orElseThrow();
    }

    private static Alert shift(Alert alert, Duration shift) {
        Evidence e = alert.evidence();
        Evidence moved = new Evidence(e.events().stream().map(ev -> ev.withAt(ev.at().plus(shift))).toList(),
                e.rule(), e.threshold(), e.observed(), e.explanation(), e.learntNormal());
        return new Alert(alert.type(), alert.sensorId(), alert.onset().plus(shift), alert.raisedAt().plus(shift),
                moved);
    }

    /** The alert with the dates (not the times of day) taken out of its explanation. */
    private static Alert undated(Alert alert) {
        Evidence e = alert.evidence();
        return new Alert(alert.type(), alert.sensorId(), alert.onset(), alert.raisedAt(), new Evidence(e.events(),
                e.rule(), e.threshold(), e.observed(), e.explanation().replaceAll("-?\\d{4,}-\\d{2}-\\d{2} ", ""),
                e.learntNormal()));
    }
}
