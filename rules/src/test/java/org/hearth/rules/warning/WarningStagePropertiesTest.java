package org.hearth.rules.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

/** Seeded properties of the warning stage over random streams of alerts, presses, activity and ticks. */
class WarningStagePropertiesTest {
    private static final Instant START = Instant.parse("2026-03-28T20:00:00Z"); // spans the spring clock change
    private static final WarningStage STAGE =
            new WarningStage(WarningPolicy.defaults(Set.of("pendant"), Set.of("single")));

    /** One input at one instant: events (as decoded), the alerts the rules detected with them, or just a tick. */
    record Input(Instant at, List<SensorEvent> events, List<Alert> detected) {
        Input shifted(Duration d) {
            return new Input(at.plus(d), events.stream().map(e -> e.withAt(e.at().plus(d))).toList(),
                    detected.stream().map(a -> shift(a, d)).toList());
        }
    }

    /** What came out, in order: every alert raised, warning given and cancellation. */
    record Outcome(List<Alert> raised, List<PendingWarning> warned, List<CancelledWarning> cancelled) {}

    static Alert shift(Alert a, Duration d) {
        Evidence e = a.evidence();
        var events = e.events().stream().map(x -> x.withAt(x.at().plus(d))).toList();
        return new Alert(a.type(), a.sensorId(), a.onset().plus(d), a.raisedAt().plus(d),
                new Evidence(events, e.rule(), e.threshold(), e.observed(), e.explanation(), e.learntNormal()));
    }

    static List<Input> scenario(SplittableRandom r) {
        List<Input> inputs = new ArrayList<>();
        Instant t = START;
        List<Alert> earlier = new ArrayList<>();
        int n = 5 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
            t = t.plusSeconds(1 + r.nextInt(r.nextBoolean() ? 90 : 600));
            int roll = r.nextInt(10);
            if (roll < 3) {
                Alert a = randomAlert(r, t);
                earlier.add(a);
                inputs.add(new Input(t, List.of(), List.of(a)));
            } else if (roll == 3 && !earlier.isEmpty()) {
                inputs.add(new Input(t, List.of(), List.of(earlier.get(r.nextInt(earlier.size()))))); // a repeat
            } else if (roll < 7) {
                String sensor = r.nextInt(4) == 0 ? "hall-button" : "pendant";
                String action = r.nextInt(3) == 0 ? "hold" : "single";
                inputs.add(new Input(t, List.of(new SensorEvent(sensor, EventKind.BUTTON, t, action)), List.of()));
            } else if (roll < 8) {
                inputs.add(new Input(t, List.of(SensorEvent.of("lounge-motion", EventKind.MOTION, t)), List.of()));
            } else {
                inputs.add(new Input(t, List.of(), List.of()));
            }
        }
        inputs.add(new Input(t.plus(Duration.ofHours(1)), List.of(), List.of()));
        return inputs;
    }

    static Alert randomAlert(SplittableRandom r, Instant t) {
        AlertType type = AlertType.values()[r.nextInt(AlertType.values().length)];
        Instant onset = t.minusSeconds(r.nextInt(4 * 3600));
        SensorEvent cause = SensorEvent.of("sensor-" + r.nextInt(3), EventKind.MOTION, onset);
        return new Alert(type, cause.sensorId(), onset, t,
                new Evidence(List.of(cause), "test.rule", Duration.ofHours(1), Duration.ofHours(1), "Because."));
    }

    static Outcome run(List<Input> inputs, WarningState from, Map<Integer, WarningState> snapshots) {
        WarningState s = from;
        List<Alert> raised = new ArrayList<>();
        List<PendingWarning> warned = new ArrayList<>();
        List<CancelledWarning> cancelled = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            WarningState before = s;
            List<SensorEvent> answered = in.events().stream().map(e -> STAGE.answerOf(before, e)).toList();
            WarningStep step = STAGE.apply(s, answered, in.detected(), in.at());
            s = step.state();
            raised.addAll(step.raise());
            warned.addAll(step.warn());
            cancelled.addAll(step.cancelled());
            snapshots.put(i, s);
        }
        return new Outcome(raised, warned, cancelled);
    }

    static Outcome run(List<Input> inputs) {
        return run(inputs, WarningState.initial(), new HashMap<>());
    }

    @Test
    void theSameInputsGiveTheSameOutputs() {
        Seeded.forAll(200, 1_000L, r -> {
            List<Input> inputs = scenario(r);
            assertThat(run(inputs)).isEqualTo(run(List.copyOf(inputs)));
        });
    }

    @Test
    void shiftingAllInputsInTimeShiftsTheOutputsAndChangesNothingElse() {
        Seeded.forAll(200, 2_000L, r -> {
            List<Input> inputs = scenario(r);
            long minutes = r.nextLong(-400L * 24 * 60, 400L * 24 * 60);
            Duration shift = Duration.ofMinutes(minutes).plusMillis(r.nextInt(1000));
            Outcome original = run(inputs);
            Outcome shifted = run(inputs.stream().map(in -> in.shifted(shift)).toList());

            assertThat(shifted.raised()).hasSameSizeAs(original.raised());
            for (int i = 0; i < original.raised().size(); i++) {
                Alert o = original.raised().get(i);
                Alert s = shifted.raised().get(i);
                assertThat(s.type()).isEqualTo(o.type());
                assertThat(s.sensorId()).isEqualTo(o.sensorId());
                assertThat(s.onset()).isEqualTo(o.onset().plus(shift));
                assertThat(s.raisedAt()).isEqualTo(o.raisedAt().plus(shift));
            }
            assertThat(shifted.warned()).extracting(PendingWarning::deadline)
                    .containsExactlyElementsOf(original.warned().stream().map(w -> w.deadline().plus(shift)).toList());
            assertThat(shifted.cancelled()).extracting(CancelledWarning::cancelledAt)
                    .containsExactlyElementsOf(
                            original.cancelled().stream().map(c -> c.cancelledAt().plus(shift)).toList());
        });
    }

    @Test
    void everyDetectedAlertIsRaisedOrCancelledExactlyOnceAndOnlyWarnableOnesWait() {
        Seeded.forAll(300, 3_000L, r -> {
            List<Input> inputs = scenario(r);
            Outcome out = run(inputs);
            Map<String, Integer> fate = new HashMap<>();
            out.raised().forEach(a -> fate.merge(a.key(), 1, Integer::sum));
            out.cancelled().forEach(c -> fate.merge(c.alert().key(), 1, Integer::sum));
            Map<String, Integer> detections = new HashMap<>();
            inputs.stream().flatMap(in -> in.detected().stream())
                    .forEach(a -> detections.merge(a.key(), 1, Integer::sum));
            // nothing lost, and nothing out more often than it came in (a repeat while pending adds nothing)
            detections.forEach((key, n) -> assertThat(fate.get(key)).as(key).isNotNull().isBetween(1, n));
            assertThat(detections.keySet()).containsAll(fate.keySet());
            assertThat(out.warned())
                    .allSatisfy(w -> assertThat(STAGE.policy().windowFor(w.alert().type())).isPresent());
            assertThat(out.raised()).filteredOn(a -> !WarningPolicy.mayWarn(a.type()))
                    .allSatisfy(a -> assertThat(a.evidence().explanation()).isEqualTo("Because."));
            assertThat(out.cancelled()).allSatisfy(c -> assertThat(c.warning().answeredBy(c.cancelledAt())).isTrue());
            out.warned().forEach(w -> assertThat(w.deadline()).isEqualTo(
                    w.warnedAt().plus(STAGE.policy().windowFor(w.alert().type()).orElseThrow())));
        });
    }

    @Test
    void extraTicksInBetweenChangeNothing() {
        Seeded.forAll(200, 4_000L, r -> {
            List<Input> inputs = scenario(r);
            List<Input> ticked = new ArrayList<>();
            Instant previous = START;
            for (Input in : inputs) {
                long gap = Duration.between(previous, in.at()).toMillis();
                if (gap > 1) {
                    ticked.add(new Input(previous.plusMillis(1 + r.nextLong(gap - 1)), List.of(), List.of()));
                }
                ticked.add(in);
                previous = in.at();
            }
            Outcome plain = run(inputs);
            Outcome dense = run(ticked);
            assertThat(dense.raised()).isEqualTo(plain.raised());
            assertThat(dense.cancelled()).isEqualTo(plain.cancelled());
        });
    }

    @Test
    void restartingFromASnapshotAnywhereContinuesExactly() {
        Seeded.forAll(200, 5_000L, r -> {
            List<Input> inputs = scenario(r);
            Map<Integer, WarningState> snapshots = new HashMap<>();
            Outcome whole = run(inputs, WarningState.initial(), snapshots);
            int cut = r.nextInt(inputs.size());

            Map<Integer, WarningState> ignored = new HashMap<>();
            Outcome head = run(inputs.subList(0, cut + 1), WarningState.initial(), ignored);
            // a copy, as a snapshot read back from disk would be
            WarningState restored = new WarningState(new ArrayList<>(snapshots.get(cut).pending()));
            Outcome tail = run(inputs.subList(cut + 1, inputs.size()), restored, ignored);

            List<Alert> raised = new ArrayList<>(head.raised());
            raised.addAll(tail.raised());
            assertThat(raised).isEqualTo(whole.raised());
            assertThat(restored).isEqualTo(snapshots.get(cut));
        });
    }
}
