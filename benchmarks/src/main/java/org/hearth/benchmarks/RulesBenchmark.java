package org.hearth.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.engine.Step;
import org.hearth.rules.fall.AccelBatch;
import org.hearth.rules.fall.FallState;
import org.hearth.rules.fall.FallStep;
import org.hearth.rules.fall.WearableFallDetector;
import org.hearth.rules.inactivity.RoutinePolicy;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rules on the ingest path, with a realistic learnt state: the engine has learnt 14 days of a routine before
 * measuring, so its histograms are full, and was last seen a moment ago. One motion event (a short silence to learn),
 * one tick, one 1 s accelerometer batch at 50 Hz.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx64m", "-XX:+UseSerialGC"})
@State(Scope.Thread)
public class RulesBenchmark {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String[] SENSORS = {"hall", "kitchen", "bathroom", "bedroom", "lounge"};

    private RulesEngine engine;
    private EngineState learnt;
    private Instant at;
    private int i;
    private final WearableFallDetector falls = new WearableFallDetector();
    private FallState fallState = FallState.initial();
    private final float[] x = new float[50];
    private final float[] y = new float[50];
    private final float[] z = new float[50];
    private long second;

    @Setup
    public void learnTwoWeeks() {
        HomeLayout layout = HomeLayout.empty()
                .with("hall", SensorRole.MOTION, Room.HALL)
                .with("kitchen", SensorRole.MOTION, Room.KITCHEN)
                .with("bathroom", SensorRole.MOTION, Room.BATHROOM)
                .with("bedroom", SensorRole.MOTION, Room.BEDROOM)
                .with("lounge", SensorRole.MOTION, Room.LIVING);
        engine = new RulesEngine(layout, RoutinePolicy.ukDefault(LONDON));
        EngineState s = EngineState.initial();
        Instant t = Instant.parse("2026-05-01T06:00:00Z");
        for (int n = 0; n < 14 * 24 * 12; n++) { // every 5 min for 14 days, sleeping 22:00-06:00
            t = t.plus(Duration.ofMinutes(5));
            int hour = t.atZone(LONDON).getHour();
            if (hour >= 6 && hour < 22) {
                s = engine.onEvent(s, new SensorEvent(SENSORS[n % SENSORS.length], EventKind.MOTION, t, "")).state();
            }
            s = engine.onTick(s, t).state();
        }
        // The resident is up and about: a motion event a second ago, as in the middle of a busy morning.
        at = Instant.parse("2026-05-15T08:00:00Z");
        learnt = engine.onEvent(engine.onTick(s, at).state(), new SensorEvent("kitchen", EventKind.MOTION, at, ""))
                .state();
        java.util.Arrays.fill(y, -0.98f);
    }

    @Benchmark
    public Step motionEvent() {
        i++;
        return engine.onEvent(learnt, new SensorEvent(SENSORS[i % SENSORS.length], EventKind.MOTION,
                at.plusMillis(1 + i % 60_000), ""));
    }

    @Benchmark
    public Step tick() {
        return engine.onTick(learnt, at.plusSeconds(30));
    }

    @Benchmark
    public FallStep accelBatch50Hz() {
        // Consecutive batches of a wearer standing still: the common case, one per second per pendant.
        second++;
        FallStep step = falls.onBatch(fallState, new AccelBatch("pendant", at.plusSeconds(second), 50, x, y, z));
        fallState = step.state();
        return step;
    }
}
