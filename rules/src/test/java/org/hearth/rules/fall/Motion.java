package org.hearth.rules.fall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic waist acceleration for tests: a 1-kHz "true" signal built from segments (standing, walking, falling,
 * impacts, lying), sampled at any rate the way a real sensor does (each sample is the mean of the true signal over its
 * period, as an anti-alias filter would make it), with seeded noise, and cut into batches.
 *
 * <p>Directions are in the sensor's axes. By default the sensor is mounted as in SisFall (upright is -y); a
 * {@link #rotated} copy mounts it any other way.
 */
final class Motion {

    static final Vec3 UPRIGHT = new Vec3(0, -1, 0);
    static final Vec3 ON_BACK = new Vec3(0, 0, 1);
    static final Vec3 ON_FRONT = new Vec3(0, 0, -1);
    static final Vec3 ON_SIDE = new Vec3(1, 0, 0);
    /** Sitting back in a chair: the trunk about 20° back from upright. */
    static final Vec3 SITTING = new Vec3(0, -Math.cos(Math.toRadians(20)), Math.sin(Math.toRadians(20)));

    private static final int TRUE_RATE = 1000;
    private static final double STRIKE_SECONDS = 0.06;

    private final List<double[]> truth = new ArrayList<>();
    private Vec3 posture = UPRIGHT;

    /** Seconds of signal so far. */
    double seconds() {
        return truth.size() / (double) TRUE_RATE;
    }

    /** Still in the current posture. */
    Motion still(double seconds) {
        for (int i = 0; i < ms(seconds); i++) {
            add(posture, 1);
        }
        return this;
    }

    /** Still in a posture, changed without any movement to speak of (for setting up a start). */
    Motion posture(Vec3 p) {
        posture = p.unit();
        return this;
    }

    /**
     * Walking (or jogging) upright: a vertical bounce at the step rate, a 60-ms heel strike adding up to
     * {@code strikeG - 1} g at each step, and a little sway.
     */
    Motion walk(double seconds, double stepHz, double bounceG, double strikeG) {
        posture = UPRIGHT;
        int n = ms(seconds);
        for (int i = 0; i < n; i++) {
            double t = i / (double) TRUE_RATE;
            double sinceStrike = ((t * stepHz) % 1.0) / stepHz;
            double vertical = bounceG * Math.sin(2 * Math.PI * stepHz * t);
            if (sinceStrike < STRIKE_SECONDS) {
                vertical += (strikeG - 1) * Math.sin(Math.PI * sinceStrike / STRIKE_SECONDS);
            }
            double sway = 0.08 * Math.sin(Math.PI * stepHz * t);
            truth.add(new double[] {sway, -1 - vertical, 0.05 * Math.cos(2 * Math.PI * stepHz * t)});
        }
        return this;
    }

    /**
     * Turns from the current posture to {@code to} over {@code seconds}, the magnitude following {@code magnitudeG}
     * (below 1 g: falling freely; 1 g: a controlled movement).
     */
    Motion turn(Vec3 to, double seconds, double magnitudeG) {
        Vec3 from = posture;
        Vec3 target = to.unit();
        int n = ms(seconds);
        for (int i = 1; i <= n; i++) {
            double f = i / (double) n;
            add(slerp(from, target, f), magnitudeG);
        }
        posture = target;
        return this;
    }

    /** A half-sine impact pulse of {@code peakG} along the current posture, lasting {@code seconds}. */
    Motion impact(double peakG, double seconds) {
        int n = ms(seconds);
        for (int i = 0; i < n; i++) {
            add(posture, 1 + (peakG - 1) * Math.sin(Math.PI * (i + 0.5) / n));
        }
        return this;
    }

    /** The same signal with the sensor mounted rotated by {@code degrees} about {@code axis}. */
    Motion rotated(Vec3 axis, double degrees) {
        Motion m = new Motion();
        Vec3 k = axis.unit();
        double a = Math.toRadians(degrees);
        for (double[] v : truth) {
            m.truth.add(rotate(v, k, a));
        }
        double[] p = rotate(new double[] {posture.x(), posture.y(), posture.z()}, k, a);
        m.posture = new Vec3(p[0], p[1], p[2]);
        return m;
    }

    /** Sampled at {@code rateHz} with Gaussian noise of {@code noiseG}, in batches of {@code batchSeconds}. */
    List<AccelBatch> batches(String sensorId, Instant start, double rateHz, double batchSeconds, double noiseG,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int samples = (int) Math.floor(seconds() * rateHz + 1e-9);
        float[][] all = new float[3][samples];
        for (int i = 0; i < samples; i++) {
            int from = (int) Math.floor(i * TRUE_RATE / rateHz + 1e-9);
            int to = Math.max(from + 1, (int) Math.floor((i + 1) * TRUE_RATE / rateHz + 1e-9));
            to = Math.min(to, truth.size());
            double[] sum = new double[3];
            for (int j = from; j < to; j++) {
                for (int a = 0; a < 3; a++) {
                    sum[a] += truth.get(j)[a];
                }
            }
            for (int a = 0; a < 3; a++) {
                all[a][i] = (float) (sum[a] / (to - from) + noiseG * random.nextGaussian());
            }
        }
        int perBatch = Math.max(1, (int) Math.round(batchSeconds * rateHz));
        List<AccelBatch> batches = new ArrayList<>();
        for (int from = 0; from < samples; from += perBatch) {
            int to = Math.min(samples, from + perBatch);
            batches.add(new AccelBatch(sensorId, start.plusNanos(Math.round(from * 1e9 / rateHz)), rateHz,
                    java.util.Arrays.copyOfRange(all[0], from, to), java.util.Arrays.copyOfRange(all[1], from, to),
                    java.util.Arrays.copyOfRange(all[2], from, to)));
        }
        return batches;
    }

    /** One-second batches at {@code rateHz} with 0.01 g of noise. */
    List<AccelBatch> batches(String sensorId, Instant start, double rateHz) {
        return batches(sensorId, start, rateHz, 1.0, 0.01, 42);
    }

    private void add(Vec3 direction, double magnitude) {
        Vec3 u = direction.unit();
        truth.add(new double[] {u.x() * magnitude, u.y() * magnitude, u.z() * magnitude});
    }

    private static int ms(double seconds) {
        return (int) Math.round(seconds * TRUE_RATE);
    }

    private static Vec3 slerp(Vec3 a, Vec3 b, double f) {
        double omega = Math.toRadians(a.angleDegreesTo(b));
        if (omega < 1e-9) {
            return b;
        }
        double s = Math.sin(omega);
        double wa = Math.sin((1 - f) * omega) / s;
        double wb = Math.sin(f * omega) / s;
        return new Vec3(wa * a.x() + wb * b.x(), wa * a.y() + wb * b.y(), wa * a.z() + wb * b.z());
    }

    /** Rodrigues' rotation of {@code v} about unit axis {@code k} by {@code a} radians. */
    private static double[] rotate(double[] v, Vec3 k, double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        double dot = k.x() * v[0] + k.y() * v[1] + k.z() * v[2];
        double[] cross = {k.y() * v[2] - k.z() * v[1], k.z() * v[0] - k.x() * v[2], k.x() * v[1] - k.y() * v[0]};
        return new double[] {
            v[0] * c + cross[0] * s + k.x() * dot * (1 - c),
            v[1] * c + cross[1] * s + k.y() * dot * (1 - c),
            v[2] * c + cross[2] * s + k.z() * dot * (1 - c)};
    }
}
