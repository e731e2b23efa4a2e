package org.hearth.rules.fall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.rules.fall.WearableFallDetectorTest.SENSOR;
import static org.hearth.rules.fall.WearableFallDetectorTest.play;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.rules.model.Alert;
import org.hearth.rules.testing.Seeded;
import org.junit.jupiter.api.Test;

/** Seeded properties of the wearable detector over random days in the life of a waist sensor. */
class WearableFallDetectorPropertiesTest {

    private static final double[] RATES = {20, 25, 30, 40, 50, 64, 100, 128, 200};
    /** Rates whose sample period is a whole number of nanoseconds, so any cut gives the very same sample instants. */
    private static final double[] EXACT_RATES = {20, 25, 40, 50, 64, 100, 128, 200};
    private static final Vec3[] LYING = {Motion.ON_BACK, Motion.ON_FRONT, Motion.ON_SIDE, new Vec3(-1, 0, 0)};

    private final WearableFallDetector detector = new WearableFallDetector();

    @Test
    void theSameSamplesGiveTheSameAlertsAndStateHoweverTheyAreCutIntoBatches() {
        Seeded.forAll(40, 100L, random -> {
            double rate = EXACT_RATES[random.nextInt(EXACT_RATES.length)];
            Motion motion = randomLife(random, 90);
            Instant start = randomInstant(random);
            long noiseSeed = random.nextLong();

            WearableFallDetectorTest.Run seconds = play(detector, motion.batches(SENSOR, start, rate, 1.0, 0.01, noiseSeed));
            List<AccelBatch> samples = motion.batches(SENSOR, start, rate, 1 / rate, 0.01, noiseSeed);
            WearableFallDetectorTest.Run cut = play(detector, regroup(samples, random, (int) (3 * rate)));
            WearableFallDetectorTest.Run again = play(detector, regroup(samples, random, (int) (3 * rate)));

            assertThat(cut.alerts()).isEqualTo(seconds.alerts()).isEqualTo(again.alerts());
            assertThat(cut.end()).isEqualTo(seconds.end()).isEqualTo(again.end());
        });
    }

    @Test
    void shiftingTheSamplesInTimeShiftsEveryAlertByTheSameAmount() {
        Seeded.forAll(40, 200L, random -> {
            double rate = RATES[random.nextInt(RATES.length)];
            Motion motion = randomLife(random, 90);
            Instant start = randomInstant(random);
            Duration shift = Duration.ofNanos(random.nextLong(-20L * 365 * 86_400_000_000_000L,
                    20L * 365 * 86_400_000_000_000L));

            List<Alert> original = play(detector, motion.batches(SENSOR, start, rate)).alerts();
            List<Alert> shifted = play(detector, motion.batches(SENSOR, start.plus(shift), rate)).alerts();

            assertThat(shifted).hasSameSizeAs(original);
            for (int i = 0; i < original.size(); i++) {
                Alert a = original.get(i);
                Alert b = shifted.get(i);
                assertThat(b.onset()).isEqualTo(a.onset().plus(shift));
                assertThat(b.raisedAt()).isEqualTo(a.raisedAt().plus(shift));
                assertThat(b.key()).isEqualTo(a.type().code() + ":" + SENSOR + ":" + a.onset().plus(shift).toEpochMilli());
                assertThat(b.evidence().observed()).isEqualTo(a.evidence().observed());
                assertThat(b.evidence().explanation()).isEqualTo(a.evidence().explanation()
                        .replace(a.onset().toString(), b.onset().toString())
                        .replace(a.raisedAt().toString(), b.raisedAt().toString()));
            }
        });
    }

    @Test
    void howeverTheSensorIsWornAFallIsCaughtOnceAndWalkingOrSittingHardIsNot() {
        Seeded.forAll(60, 300L, random -> {
            double rate = RATES[random.nextInt(RATES.length)];
            Vec3 axis = new Vec3(random.nextDouble(-1, 1), random.nextDouble(-1, 1), random.nextDouble(-1, 1));
            double degrees = random.nextDouble(0, 360);
            Motion fall = new Motion().walk(random.nextDouble(3, 10), random.nextDouble(1.6, 2.2), 0.25, 1.5)
                    .still(random.nextDouble(0, 2))
                    .turn(LYING[random.nextInt(LYING.length)], random.nextDouble(0.4, 1.0), random.nextDouble(0.2, 0.8))
                    .impact(random.nextDouble(3, 8), random.nextDouble(0.08, 0.15))
                    .still(random.nextDouble(12, 40));
            Motion ordinary = new Motion().walk(random.nextDouble(5, 30), random.nextDouble(1.6, 2.8), 0.3,
                            random.nextDouble(1.5, 3.5))
                    .turn(Motion.SITTING, 0.4, 0.5).impact(random.nextDouble(1.5, 3.5), 0.1).still(30);

            List<Alert> fallAlerts = play(detector, fall.rotated(axis, degrees).batches(SENSOR, T(random), rate)).alerts();
            List<Alert> ordinaryAlerts =
                    play(detector, ordinary.rotated(axis, degrees).batches(SENSOR, T(random), rate)).alerts();

            assertThat(fallAlerts).hasSize(1);
            assertThat(ordinaryAlerts).isEmpty();
        });
    }

    @Test
    void stateStaysBoundedAndAlertsAreWellFormedOverLongRandomStreams() {
        Seeded.forAll(15, 400L, random -> {
            double rate = RATES[random.nextInt(RATES.length)];
            Motion motion = randomLife(random, 600);
            FallState state = FallState.initial();
            Instant previousRaised = Instant.MIN;
            for (AccelBatch b : motion.batches(SENSOR, randomInstant(random), rate, random.nextDouble(0.2, 2), 0.02,
                    random.nextLong())) {
                FallStep step = detector.onBatch(state, b);
                state = step.state();
                assertThat(state.recent()).hasSizeLessThanOrEqualTo(FallState.MAX_RECENT_FRAMES);
                assertThat(state.candidates()).hasSizeLessThanOrEqualTo(FallState.MAX_CANDIDATES);
                for (Alert a : step.alerts()) {
                    assertThat(a.raisedAt()).isAfter(a.onset())
                            .isBeforeOrEqualTo(b.sampleTime(b.size()))
                            .isAfter(previousRaised);
                    assertThat(a.evidence().observed()).isGreaterThanOrEqualTo(a.evidence().threshold());
                    assertThat(Duration.between(a.onset(), a.raisedAt()))
                            .isLessThanOrEqualTo(Duration.ofSeconds(3 + 30 + 10 + 1));
                    previousRaised = a.raisedAt();
                }
            }
        });
    }

    /** Random activities, each physically following the last, for about {@code seconds}. */
    static Motion randomLife(SplittableRandom random, double seconds) {
        Motion m = new Motion().walk(random.nextDouble(2, 6), 2, 0.25, 1.5);
        boolean lying = false;
        while (m.seconds() < seconds) {
            if (lying) {
                m.still(random.nextDouble(0, 20)).turn(Motion.UPRIGHT, random.nextDouble(1, 3), 1.0);
                lying = false;
                continue;
            }
            switch (random.nextInt(6)) {
                case 0 -> m.walk(random.nextDouble(2, 20), random.nextDouble(1.6, 2.2), 0.25, random.nextDouble(1.3, 2.5));
                case 1 -> m.walk(random.nextDouble(2, 15), random.nextDouble(2.5, 3.0), 0.6, random.nextDouble(2.5, 4));
                case 2 -> m.turn(Motion.SITTING, random.nextDouble(0.4, 1.5), random.nextDouble(0.5, 1.0))
                        .impact(random.nextDouble(1.2, 3), 0.1).still(random.nextDouble(1, 20))
                        .turn(Motion.UPRIGHT, 1, 1.0);
                case 3 -> m.still(random.nextDouble(0.5, 10));
                case 4 -> {
                    m.turn(LYING[random.nextInt(LYING.length)], random.nextDouble(0.4, 1.0), random.nextDouble(0.2, 0.8))
                            .impact(random.nextDouble(2, 7), random.nextDouble(0.05, 0.15));
                    lying = true;
                }
                default -> {
                    m.turn(LYING[random.nextInt(LYING.length)], random.nextDouble(2, 4), 1.0);
                    lying = true;
                }
            }
        }
        return m;
    }

    private static Instant randomInstant(SplittableRandom random) {
        return Instant.parse("2020-01-01T00:00:00Z").plusNanos(random.nextLong(0, 10L * 365 * 86_400_000_000_000L));
    }

    private static Instant T(SplittableRandom random) {
        return randomInstant(random);
    }

    /** Joins single-sample batches into runs of 1 to {@code max} samples. */
    private static List<AccelBatch> regroup(List<AccelBatch> single, SplittableRandom random, int max) {
        List<AccelBatch> out = new ArrayList<>();
        int i = 0;
        while (i < single.size()) {
            int n = Math.min(single.size() - i, 1 + random.nextInt(Math.max(1, max)));
            float[] x = new float[n];
            float[] y = new float[n];
            float[] z = new float[n];
            for (int k = 0; k < n; k++) {
                AccelBatch s = single.get(i + k);
                x[k] = s.x()[0];
                y[k] = s.y()[0];
                z[k] = s.z()[0];
            }
            AccelBatch first = single.get(i);
            out.add(new AccelBatch(first.sensorId(), first.start(), first.rateHz(), x, y, z));
            i += n;
        }
        return out;
    }
}
