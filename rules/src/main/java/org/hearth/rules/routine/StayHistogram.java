package org.hearth.rules.routine;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A learnt distribution of durations with forgetting: how long this resident's bathroom stays or night trips
 * usually last, or how long after the start of the morning their day usually begins. An immutable value of bounded
 * size ({@value #BUCKETS} buckets).
 *
 * <p>Buckets are on a {@link Scale}: logarithmic for stays (1 min, then a factor of 2<sup>0.3</sup> ≈ 1.23 each), or
 * linear in 12-minute steps for times of day. Weights are whole hundredths of an observation; all weights halve every
 * half-life, applied once per elapsed whole day (rounding down, so old history does run out). Integer arithmetic and
 * {@link StrictMath} only: the same observations give the same histogram on any machine.
 *
 * @param scale     the bucket scale
 * @param since     the first observation, or null if none: learning runs from here
 * @param decayedTo the instant up to which weights have been decayed, or null if none
 * @param weights   {@value #BUCKETS} weights (copied in and out)
 */
public record StayHistogram(Scale scale, Instant since, Instant decayedTo, int[] weights) {

    /** Buckets per histogram. */
    public static final int BUCKETS = 32;
    private static final int ONE = 100;

    /** How buckets are spaced. */
    public enum Scale {
        /** 1 min × 2^(0.3 i): 1 min to about 13 h. */
        LOG,
        /** 12 min steps: 0 to 6 h 12 min, then open above. */
        LINEAR;

        /** Upper edge of bucket {@code i} in seconds ({@code i < BUCKETS - 1}). */
        long edge(int i) {
            return this == LOG ? Math.round(60 * StrictMath.pow(2, 0.3 * i)) : 720L * (i + 1);
        }

        /** Lower edge of bucket {@code i} in seconds. */
        long lower(int i) {
            return i == 0 ? 0 : edge(i - 1);
        }
    }

    /**
     * Validates and copies.
     *
     * @param scale see the record description
     * @param since see the record description
     * @param decayedTo see the record description
     * @param weights see the record description
     * @throws IllegalArgumentException if the weights are not {@value #BUCKETS} non-negative values
     */
    public StayHistogram {
        Objects.requireNonNull(scale, "scale");
        weights = weights == null ? new int[BUCKETS] : weights.clone();
        if (weights.length != BUCKETS || Arrays.stream(weights).anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("a histogram needs " + BUCKETS + " non-negative weights");
        }
    }

    /**
     * A histogram with nothing learnt.
     *
     * @param scale the bucket scale
     * @return the empty histogram
     */
    public static StayHistogram empty(Scale scale) {
        return new StayHistogram(scale, null, null, null);
    }

    /** @return a copy of the weights */
    @Override
    public int[] weights() {
        return weights.clone();
    }

    /**
     * This histogram with one more observation, older ones decayed up to {@code at}.
     *
     * @param at       when it was observed (an observation before {@code decayedTo} is added undecayed)
     * @param value    the observed duration
     * @param halfLife how fast old observations are forgotten
     * @return the new histogram
     */
    public StayHistogram add(Instant at, Duration value, Duration halfLife) {
        int[] w = weights.clone();
        Instant decayed = decayedTo == null ? at : decayedTo;
        long days = Duration.between(decayed, at).toDays();
        if (days > 0) {
            double factor = StrictMath.pow(0.5, (double) days / halfLife.toDays());
            for (int i = 0; i < w.length; i++) {
                w[i] = (int) Math.floor(w[i] * factor);
            }
            decayed = decayed.plus(Duration.ofDays(days));
        }
        w[bucketOf(value.isNegative() ? 0 : value.toSeconds())] += ONE;
        return new StayHistogram(scale, since == null ? at : since, decayed, w);
    }

    /**
     * Whether this histogram has learnt for at least {@code period} by {@code at}.
     *
     * @param at     the instant judged
     * @param period the learning period
     * @return true once {@code period} has passed since the first observation
     */
    public boolean learntBy(Instant at, Duration period) {
        return since != null && Duration.between(since, at).compareTo(period) >= 0 && total() > 0;
    }

    /**
     * The {@code quantile} of the distribution, interpolated within its bucket (geometrically on the log scale).
     *
     * @param quantile in (0, 1]
     * @return the value, in whole minutes; zero if nothing is learnt
     */
    public Duration quantile(double quantile) {
        long total = total();
        if (total == 0) {
            return Duration.ZERO;
        }
        double target = quantile * total;
        long below = 0;
        int k = 0;
        while (k < BUCKETS - 1 && below + weights[k] < target) {
            below += weights[k];
            k++;
        }
        double fraction = weights[k] > 0 ? Math.min(1, Math.max(0, (target - below) / weights[k])) : 1;
        double lo = scale.lower(k);
        double hi = k == BUCKETS - 1 ? lo : scale.edge(k);
        double seconds = scale == Scale.LOG && lo > 0 ? lo * StrictMath.pow(hi / lo, fraction)
                : lo + fraction * (hi - lo);
        return Duration.ofMinutes(Math.round(seconds / 60));
    }

    private long total() {
        long t = 0;
        for (int w : weights) {
            t += w;
        }
        return t;
    }

    private int bucketOf(long seconds) {
        for (int i = 0; i < BUCKETS - 1; i++) {
            if (seconds < scale.edge(i)) {
                return i;
            }
        }
        return BUCKETS - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StayHistogram h && scale == h.scale && Objects.equals(since, h.since)
                && Objects.equals(decayedTo, h.decayedTo) && Arrays.equals(weights, h.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scale, since, decayedTo) * 31 + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "StayHistogram[" + scale + ", since=" + since + ", weights=" + Arrays.toString(weights) + "]";
    }
}
