package org.hearth.rules.inactivity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the rules have learnt about one resident's quiet spells: an immutable value of fixed size, part of the
 * engine state and snapshotted with it.
 *
 * <p><b>What is learnt.</b> For each {@link QuietContext} and each local hour of the day, a histogram of "how long
 * the longest silence in this context had lasted by the end of this hour", with one value per occurrence of the hour
 * (so one per day, two on the day the clocks go back, none for the hour the clocks skip). A silence that spans
 * several hours contributes to each: sleeping from 01:00 gives 60 min to the 01:00 hour, 120 min to the 02:00 hour
 * and so on. This is exactly what an allowance by hour is judged against: a day whose values all stay below the
 * allowances of their hours raises no alert.
 *
 * <p><b>Shape.</b> Each histogram has {@value #BUCKETS} buckets on a logarithmic scale (5 min, then a factor of
 * 2<sup>0.4</sup> ≈ 1.32 each, up to 16 h and beyond), holding weights: a new value weighs 1, and all weights halve
 * every {@link RoutineLearning#halfLife()} (applied in whole days), so the routine follows a resident who changes and
 * the state never grows. Weights are rounded to 1/10,000 and those below 1/100 dropped, which keeps snapshots small.
 * The hour still in progress is kept apart (the open hour) until a later quiet spell shows it has ended.
 *
 * <p><b>Determinism.</b> Everything depends on differences between instants and on local hours, and uses
 * {@link StrictMath}: the same quiet spells give bit-for-bit the same routine on any machine, and shifting them all by
 * whole days in a zone without clock changes gives the same routine.
 *
 * @param since         the start of the first quiet spell learnt from, or null if none: the learning period runs
 *                      from here
 * @param decayedTo     the instant up to which the weights have been decayed, or null if none
 * @param openHourEnd   the end of the local hour in progress, or null if none
 * @param openHour      that hour of the day (0-23), or -1 if none
 * @param openSeconds   for each context (by ordinal), the longest silence by now in the open hour in whole seconds,
 *                      -1 if the context did not occur in it; length {@code QuietContext.values().length}
 * @param weights       the histograms, flattened as {@code [context][hour][bucket]}; length
 *                      {@code contexts × 24 × BUCKETS}
 */
public record LearntRoutine(Instant since, Instant decayedTo, Instant openHourEnd, int openHour, long[] openSeconds,
                            double[] weights) {

    /** Buckets per histogram. */
    public static final int BUCKETS = 21;

    private static final int CONTEXTS = QuietContext.values().length;
    private static final int HOURS = 24;
    private static final long DAY_SECONDS = 86_400;
    /** Upper edges of buckets 0..BUCKETS-2, in seconds; the last bucket is open above. */
    private static final long[] EDGES = new long[BUCKETS - 1];

    static {
        for (int i = 0; i < EDGES.length; i++) {
            EDGES[i] = Math.round(300 * StrictMath.pow(2, 0.4 * i));
        }
    }

    private static final LearntRoutine EMPTY = new LearntRoutine(null, null, null, -1, null, null);

    /**
     * Validates the routine and copies the arrays; null arrays stand for empty ones.
     *
     * @param since see the record description
     * @param decayedTo see the record description
     * @param openHourEnd see the record description
     * @param openHour see the record description
     * @param openSeconds see the record description
     * @param weights see the record description
     * @throws IllegalArgumentException if an array has the wrong length, a weight is negative or not finite, or the
     *                                  open hour is inconsistent
     */
    public LearntRoutine {
        openSeconds = openSeconds == null ? noneOpen() : openSeconds.clone();
        weights = weights == null ? new double[CONTEXTS * HOURS * BUCKETS] : weights.clone();
        if (openSeconds.length != CONTEXTS || weights.length != CONTEXTS * HOURS * BUCKETS) {
            throw new IllegalArgumentException("a learnt routine needs " + CONTEXTS + " open values and "
                    + CONTEXTS * HOURS * BUCKETS + " weights");
        }
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and not negative");
            }
        }
        if ((openHourEnd == null) != (openHour < 0) || openHour >= HOURS) {
            throw new IllegalArgumentException("openHourEnd and openHour must be set together, openHour in 0-23");
        }
    }

    /**
     * A routine that has learnt nothing yet.
     *
     * @return the empty routine
     */
    public static LearntRoutine empty() {
        return EMPTY;
    }

    /** @return a copy of the open-hour values */
    @Override
    public long[] openSeconds() {
        return openSeconds.clone();
    }

    /** @return a copy of the weights */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Learns from one quiet spell: the silence from {@code from} to {@code to} in {@code context}.
     *
     * @param from    the activity that began the silence
     * @param to      the activity that ended it
     * @param context what the resident was doing
     * @param policy  the policy (its zone and learning settings)
     * @return the routine with the spell learnt; this routine if the policy learns nothing or the spell is empty
     */
    public LearntRoutine learn(Instant from, Instant to, QuietContext context, RoutinePolicy policy) {
        Objects.requireNonNull(context, "context");
        if (!policy.learns() || !to.isAfter(from)) {
            return this;
        }
        Builder b = new Builder(this);
        if (b.since == null) {
            b.since = from;
        }
        InactivityPolicy hours = policy.hours();
        Instant t = from;
        while (t.isBefore(to)) {
            Instant end = hours.nextBoundaryAfter(t);
            int hour = LocalTime.ofInstant(t, policy.zone()).getHour();
            long reached = Duration.between(from, end.isBefore(to) ? end : to).toSeconds();
            if (b.openHourEnd != null && !b.openHourEnd.equals(end)) {
                b.closeOpenHour(policy.learning().halfLife());
            }
            b.openHourEnd = end;
            b.openHour = hour;
            b.openSeconds[context.ordinal()] = Math.max(b.openSeconds[context.ordinal()], reached);
            t = end;
        }
        return b.build();
    }

    /**
     * Whether a quiet period that began at {@code since} still falls in the learning period.
     *
     * @param quietSince     when the quiet period began
     * @param learningPeriod how long learning lasts from the first quiet spell learnt
     * @return true if nothing has been learnt yet or {@code quietSince} is less than {@code learningPeriod} after it
     */
    public boolean learningAt(Instant quietSince, Duration learningPeriod) {
        return since == null || Duration.between(since, quietSince).compareTo(learningPeriod) < 0;
    }

    /**
     * How many days of history (decayed weight) back the normal of a context at a local hour: the hour's own weight
     * plus half the weight of each neighbouring hour.
     *
     * @param context the context
     * @param hour    the local hour, 0-23
     * @return the pooled weight
     */
    public double samples(QuietContext context, int hour) {
        double total = 0;
        for (double w : pooled(context, hour)) {
            total += w;
        }
        return total;
    }

    /**
     * The learnt normal: the {@code quantile} of the pooled histogram (see {@link #samples}), interpolated
     * geometrically within its bucket.
     *
     * @param context  the context
     * @param hour     the local hour, 0-23
     * @param quantile in (0, 1]
     * @return the normal, in whole seconds; zero if there is no history
     */
    public Duration normal(QuietContext context, int hour, double quantile) {
        double[] h = pooled(context, hour);
        double total = 0;
        for (double w : h) {
            total += w;
        }
        if (total <= 0) {
            return Duration.ZERO;
        }
        double target = quantile * total;
        double below = 0;
        int k = 0;
        while (k < BUCKETS - 1 && below + h[k] < target) {
            below += h[k];
            k++;
        }
        double fraction = h[k] > 0 ? Math.min(1, Math.max(0, (target - below) / h[k])) : 1;
        double seconds;
        if (k == 0) {
            seconds = fraction * EDGES[0];
        } else if (k == BUCKETS - 1) {
            seconds = EDGES[BUCKETS - 2];
        } else {
            seconds = EDGES[k - 1] * StrictMath.pow((double) EDGES[k] / EDGES[k - 1], fraction);
        }
        return Duration.ofSeconds(Math.round(seconds));
    }

    private double[] pooled(QuietContext context, int hour) {
        double[] h = new double[BUCKETS];
        for (int d = -1; d <= 1; d++) {
            double share = d == 0 ? 1 : 0.5;
            int base = index(context.ordinal(), Math.floorMod(hour + d, HOURS), 0);
            for (int i = 0; i < BUCKETS; i++) {
                h[i] += share * weights[base + i];
            }
        }
        return h;
    }

    private static int index(int context, int hour, int bucket) {
        return (context * HOURS + hour) * BUCKETS + bucket;
    }

    static int bucketOf(long seconds) {
        for (int i = 0; i < EDGES.length; i++) {
            if (seconds < EDGES[i]) {
                return i;
            }
        }
        return BUCKETS - 1;
    }

    private static long[] noneOpen() {
        long[] none = new long[CONTEXTS];
        Arrays.fill(none, -1);
        return none;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearntRoutine r && Objects.equals(since, r.since) && Objects.equals(decayedTo, r.decayedTo)
                && Objects.equals(openHourEnd, r.openHourEnd) && openHour == r.openHour
                && Arrays.equals(openSeconds, r.openSeconds) && Arrays.equals(weights, r.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(since, decayedTo, openHourEnd, openHour, Arrays.hashCode(openSeconds),
                Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        return "LearntRoutine[since=" + since + ", decayedTo=" + decayedTo + ", openHourEnd=" + openHourEnd
                + ", openHour=" + openHour + ", openSeconds=" + Arrays.toString(openSeconds)
                + ", totalWeight=" + Math.round(total * 100) / 100.0 + "]";
    }

    /** The mutable working copy of one {@link #learn} call. */
    private static final class Builder {
        Instant since;
        Instant decayedTo;
        Instant openHourEnd;
        int openHour;
        final long[] openSeconds;
        final double[] weights;

        Builder(LearntRoutine r) {
            since = r.since;
            decayedTo = r.decayedTo;
            openHourEnd = r.openHourEnd;
            openHour = r.openHour;
            openSeconds = r.openSeconds.clone();
            weights = r.weights.clone();
        }

        /** Moves the open hour's values into the histograms, after decaying them to the hour's end. */
        void closeOpenHour(Duration halfLife) {
            decayTo(openHourEnd, halfLife);
            for (int c = 0; c < CONTEXTS; c++) {
                if (openSeconds[c] >= 0) {
                    weights[index(c, openHour, bucketOf(openSeconds[c]))] += 1;
                }
            }
            Arrays.fill(openSeconds, -1);
            openHourEnd = null;
            openHour = -1;
        }

        private void decayTo(Instant t, Duration halfLife) {
            if (decayedTo == null) {
                decayedTo = t;
                return;
            }
            long days = Math.floorDiv(Duration.between(decayedTo, t).toSeconds(), DAY_SECONDS);
            if (days <= 0) {
                return;
            }
            double factor = StrictMath.pow(0.5, days * (double) DAY_SECONDS / halfLife.toSeconds());
            for (int i = 0; i < weights.length; i++) {
                double w = Math.round(weights[i] * factor * 10_000) / 10_000.0;
                weights[i] = w < 0.01 ? 0 : w;
            }
            decayedTo = decayedTo.plusSeconds(days * DAY_SECONDS);
        }

        LearntRoutine build() {
            return new LearntRoutine(since, decayedTo, openHourEnd, openHour, openSeconds, weights);
        }
    }
}
