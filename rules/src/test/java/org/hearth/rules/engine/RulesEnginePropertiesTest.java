package org.hearth.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.Generators;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

/** Seeded properties of the engine over random homes: streams with late, repeated and off-minute events. */
class RulesEnginePropertiesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final List<Instant> CLOCK_CHANGES =
            List.of(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"));

    /** The alerts of a run, and the instant of the call that returned each. */
    private record Run(List<Alert> alerts, List<Instant> returnedAt, EngineState end) {
    }

    @Test
    void sameEventsGiveSameAlertsWhetherTickedEveryMinuteAtRandomOrNever() {
        Seeded.forAll(150, 10_000L, random -> {
            RulesEngine engine = new RulesEngine(londonPolicy(random));
            List<SensorEvent> events = Generators.events(random, nearAClockChange(random), 30);
            Instant end = lastInstant(events).plus(Duration.ofDays(1));

            Run everyMinute = play(engine, events, end, Duration.ofMinutes(1), null);
            Run atRandom = play(engine, events, end, null, random);
            Run never = play(engine, events, end, null, null);

            assertThat(everyMinute.alerts()).isEqualTo(never.alerts()).isEqualTo(atRandom.alerts());
            assertThat(everyMinute.end()).isEqualTo(never.end()).isEqualTo(atRandom.end());
        });
    }

    @Test
    void shiftingEveryEventByWholeDaysShiftsEveryAlertByTheSameDaysInAUtcHome() {
        Seeded.forAll(300, 20_000L, random -> {
            RulesEngine engine = new RulesEngine(
                    random.nextBoolean() ? InactivityPolicy.ukDefault(UTC) : Generators.policy(random, UTC));
            Instant start = Instant.parse("2026-01-01T00:00:00Z").plus(random.nextInt(365 * 24 * 60), ChronoUnit.MINUTES);
            List<SensorEvent> events = Generators.events(random, start, 40);
            Duration shift = Duration.ofDays(random.nextInt(-20_000, 20_000));
            Instant end = lastInstant(events).plus(Duration.ofDays(1));

            List<Alert> original = play(engine, events, end, null, random).alerts();
            List<Alert> shifted = play(engine, events.stream().map(e -> e.withAt(e.at().plus(shift))).toList(),
                    end.plus(shift), null, random).alerts();

            assertThat(shifted).hasSameSizeAs(original);
            for (int i = 0; i < original.size(); i++) {
                assertThat(comparable(shifted.get(i))).isEqualTo(comparable(shift(original.get(i), shift)));
            }
        });
    }

    @Test
    void alertsAreNeverRaisedBeforeTheirOnsetNorReportedBeforeTheyAreRaised() {
        Seeded.forAll(300, 30_000L, random -> {
            RulesEngine engine = new RulesEngine(londonPolicy(random));
            List<SensorEvent> events = Generators.events(random, nearAClockChange(random), 40);
            Run run = play(engine, events, lastInstant(events).plus(Duration.ofDays(2)), null, random);

            Set<String> inactivityKeys = new HashSet<>();
            for (int i = 0; i < run.alerts().size(); i++) {
                Alert alert = run.alerts().get(i);
                assertThat(alert.raisedAt()).isAfterOrEqualTo(alert.onset());
                assertThat(alert.raisedAt()).isBeforeOrEqualTo(run.returnedAt().get(i));
                if (alert.type() == AlertType.PROLONGED_INACTIVITY) {
                    Evidence evidence = alert.evidence();
                    assertThat(inactivityKeys.add(alert.key())).as("one alert per quiet period").isTrue();
                    assertThat(alert.raisedAt()).isEqualTo(alert.onset().plus(evidence.observed()))
                            .isEqualTo(engine.policy().deadlineAfter(alert.onset()));
                    assertThat(evidence.observed()).isGreaterThanOrEqualTo(evidence.threshold());
                    assertThat(evidence.threshold()).isEqualTo(engine.policy().allowanceAt(alert.raisedAt()));
                    assertThat(evidence.events()).singleElement()
                            .satisfies(e -> assertThat(e.sensorId()).isEqualTo(alert.sensorId()));
                }
            }
            List<Alert> help = run.alerts().stream().filter(a -> a.type() == AlertType.HELP_BUTTON).toList();
            // Every press is answered by a help alert of its button raised at or before it, within the call window...
            for (SensorEvent press : events.stream().filter(e -> e.kind() == EventKind.BUTTON).toList()) {
                assertThat(help).anySatisfy(a -> {
                    assertThat(a.sensorId()).isEqualTo(press.sensorId());
                    assertThat(a.onset()).isBeforeOrEqualTo(press.at());
                    assertThat(Duration.between(a.onset(), press.at())).isLessThan(RulesEngine.HELP_CALL_WINDOW);
                });
            }
            // ...and alerts of one button in event order open calls at least a window apart.
            for (int i = 0; i < help.size(); i++) {
                for (int j = i + 1; j < help.size(); j++) {
                    Alert a = help.get(i);
                    Alert b = help.get(j);
                    if (a.sensorId().equals(b.sensorId()) && !b.onset().isBefore(a.onset())) {
                        assertThat(Duration.between(a.onset(), b.onset())).isGreaterThanOrEqualTo(RulesEngine.HELP_CALL_WINDOW);
                    }
                }
            }
        });
    }

    /**
     * Plays the events in order. Between events it ticks every {@code cadence}, or at random instants if
     * {@code random} is given, or never; ticks never run ahead of the next event, as when time really passes.
     * Ends with ticks (or one tick) up to {@code end}.
     */
    private static Run play(RulesEngine engine, List<SensorEvent> events, Instant end, Duration cadence,
                            SplittableRandom random) {
        List<Alert> alerts = new ArrayList<>();
        List<Instant> returnedAt = new ArrayList<>();
        EngineState state = EngineState.initial();
        Instant clock = events.isEmpty() ? end : events.get(0).at().truncatedTo(ChronoUnit.MINUTES);
        List<Instant> stops = new ArrayList<>(events.stream().map(SensorEvent::at).toList());
        stops.add(end);
        for (int i = 0; i < stops.size(); i++) {
            Instant until = stops.get(i);
            if (cadence != null) {
                for (Instant t = clock.plus(cadence); !t.isAfter(until); t = t.plus(cadence)) {
                    clock = t;
                    state = collect(engine.onTick(state, t), t, alerts, returnedAt);
                }
            } else if (random != null && until.isAfter(clock)) {
                for (int n = random.nextInt(4); n > 0; n--) {
                    clock = clock.plusMillis(random.nextLong(1, Duration.between(clock, until).toMillis() + 2));
                    if (clock.isAfter(until)) {
                        clock = until;
                    }
                    state = collect(engine.onTick(state, clock), clock, alerts, returnedAt);
                }
            }
            if (i < events.size()) {
                state = collect(engine.onEvent(state, events.get(i)), until, alerts, returnedAt);
            } else {
                state = collect(engine.onTick(state, end), end, alerts, returnedAt);
            }
            if (until.isAfter(clock)) {
                clock = until;
            }
        }
        return new Run(alerts, returnedAt, state);
    }

    private static EngineState collect(Step step, Instant now, List<Alert> alerts, List<Instant> returnedAt) {
        for (Alert alert : step.alerts()) {
            alerts.add(alert);
            returnedAt.add(now);
        }
        return step.state();
    }

    private static InactivityPolicy londonPolicy(SplittableRandom random) {
        return random.nextBoolean() ? InactivityPolicy.ukDefault(LONDON) : Generators.policy(random, LONDON);
    }

    private static Instant nearAClockChange(SplittableRandom random) {
        return CLOCK_CHANGES.get(random.nextInt(CLOCK_CHANGES.size()))
                .minus(Duration.ofMinutes(random.nextInt(0, 48 * 60)));
    }

    private static Instant lastInstant(List<SensorEvent> events) {
        return events.stream().map(SensorEvent::at).max(Instant::compareTo)
                .orElse(Instant.parse("2026-06-10T00:00:00Z"));
    }

    private static Alert shift(Alert alert, Duration shift) {
        Evidence e = alert.evidence();
        Evidence moved = new Evidence(e.events().stream().map(ev -> ev.withAt(ev.at().plus(shift))).toList(),
                e.rule(), e.threshold(), e.observed(), e.explanation());
        return new Alert(alert.type(), alert.sensorId(), alert.onset().plus(shift), alert.raisedAt().plus(shift),
                moved);
    }

    /** The alert with the dates (not the times of day) taken out of its explanation. */
    private static Alert comparable(Alert alert) {
        Evidence e = alert.evidence();
        return new Alert(alert.type(), alert.sensorId(), alert.onset(), alert.raisedAt(), new Evidence(e.events(),
                e.rule(), e.threshold(), e.observed(), e.explanation().replaceAll("-?\\d{4,}-\\d{2}-\\d{2} ", "")));
    }
}
