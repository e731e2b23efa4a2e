package org.hearth.rules.inactivity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the rules have learnt about one resident's quiet spells: an immutable value of bounded size, part of the
 * engine state and snapshotted with it.
 *
 * <p><b>What is learnt.</b> For each {@link Situation} and each local hour of the day, a histogram of "how long the
 * longest silence in this situation had lasted by the end of this hour", with one value per occurrence of the hour
 * (so one per day, two on the day the clocks go back, none for the hour the clocks skip). A silence that spans
 * several hours contributes to each: sleeping from 01:00 gives 60 min to the 01:00 hour, 120 min to the 02:00 hour
 * and so on. This is exactly what an allowance by hour is judged against: a day whose values all stay below the
 * allowances of their hours raises no alert. Also learnt: how many days of history each hour has, so that a
 * situation can be known to be rare at an hour.
 *
 * <p><b>Shape.</b> Each histogram has {@value #BUCKETS} buckets on a logarithmic scale (5 min, then a factor of
 * 2<sup>0.4</sup> ≈ 1.32 each, up to 16 h and beyond). Weights are whole hundredths of a day: a new value adds
 * {@value #ONE_DAY}; all weights halve every {@link RoutineLearning#halfLife()} (applied once per elapsed whole day,
 * rounding down, so that old history does run out), so the routine follows a resident who changes. Only situations
 * that have occurred are stored, at most {@link #MAX_SITUATIONS}, so the state is bounded by the home's layout,
 * not by time. The hour still in progress is kept apart (the open hour) until a later quiet spell shows it ended.
 *
 * <p><b>Determinism.</b> Everything depends on differences between instants and on local hours, and uses integer
 * arithmetic and {@link StrictMath}: the same quiet spells give exactly the same routine on any machine, and
 * shifting them all by whole days in a zone without clock changes gives the same routine.
 *
 * @param since       the start of the first quiet spell learnt from, or null if none: the learning period runs
 *                    from here
 * @param decayedTo   the instant up to which the weights have been decayed, or null if none
 * @param openHourEnd the end of the local hour in progress, or null if none
 * @param openHour    that hour of the day (0-23), or -1 if none
 * @param open        for each {@linkplain Situation#key() situation key} seen in the open hour, the longest silence
 *                    in it by now, in whole seconds; sorted, immutable
 * @param histograms  for each situation key, its histograms flattened as {@code [hour][bucket]} (24 ×
 *                    {@value #BUCKETS} weights); sorted, immutable (the arrays are copied in and out)
 * @param hours       for each local hour, the weight of its occurrences seen in any situation: how many days of
 *                    history there are at that hour; 24 weights
 */
public record LearntRoutine(Instant since, Instant decayedTo, Instant openHourEnd, int openHour,
                            Map<String, Long> open, Map<String, int[]> histograms, int[] hours) {

    /** Buckets per histogram. */
    public static final int BUCKETS = 21;
    /** The weight of one day's value. */
    public static final int ONE_DAY = 100;
    /** The most situations a routine keeps: far more than a home's rooms times two plus three. */
    public static final int MAX_SITUATIONS = 64;

    private static final int HOURS = 24;
    private static final long DAY_SECONDS = 86_400;
    /** Upper edges of buckets 0..BUCKETS-2, in seconds; the last bucket is open above. */
    private static final long[] EDGES = new long[BUCKETS - 1];

    static {
        for (int i = 0; i < EDGES.length; i++) {
            EDGES[i] = Math.round(300 * StrictMath.pow(2, 0.4 * i));
        }
    }

    private static final LearntRoutine EMPTY = new LearntRoutine(null, null, null, -1, null, null, null);

    /**
     * Validates the routine and copies its maps and arrays; null maps and arrays stand for empty ones.
     *
     * @param since see the record description
     * @param decayedTo see the record description
     * @param openHourEnd see the record description
     * @param openHour see the record description
     * @param open see the record description
     * @param histograms see the record description
     * @param hours see the record description
     * @throws IllegalArgumentException if an array has the wrong length, a weight or an open value is negative, there
     *                                  are too many situations, or the open hour is inconsistent
     */
    public LearntRoutine {
        if ((openHourEnd == null) != (openHour < 0) || openHour >= HOURS) {
            throw new IllegalArgumentException("openHourEnd and openHour must be set together, openHour in 0-23");
        }
        TreeMap<String, Long> openCopy = new TreeMap<>();
        if (open != null) {
            open.forEach((key, seconds) -> {
                if (seconds == null || seconds < 0) {
                    throw new IllegalArgumentException("open silence of " + key + " must not be negative");
                }
                openCopy.put(Objects.requireNonNull(key, "situation key"), seconds);
            });
        }
        if (openHourEnd == null && !openCopy.isEmpty()) {
            throw new IllegalArgumentException("open silences need an open hour");
        }
        // Histograms built by learn() come from arrays this class owns and never changes again: validated when they
        // were made, so not copied again. Copying every situation's 504 weights on every event was the rules' hot spot.
        TreeMap<String, int[]> histogramsCopy = histograms instanceof OwnedHistograms owned ? owned
                : validatedCopy(histograms);
        if (histogramsCopy.size() > MAX_SITUATIONS || openCopy.size() > MAX_SITUATIONS) {
            throw new IllegalArgumentException("a routine keeps at most " + MAX_SITUATIONS + " situations");
        }
        hours = hours == null ? new int[HOURS] : hours.clone();
        if (hours.length != HOURS) {
            throw new IllegalArgumentException("a routine needs " + HOURS + " hour weights");
        }
        requireWeights(hours);
        open = Collections.unmodifiableSortedMap(openCopy);
        histograms = Collections.unmodifiableSortedMap(histogramsCopy);
    }

    private static TreeMap<String, int[]> validatedCopy(Map<String, int[]> histograms) {
        TreeMap<String, int[]> copy = new TreeMap<>();
        if (histograms != null) {
            histograms.forEach((key, weights) -> {
                if (weights == null || weights.length != HOURS * BUCKETS) {
                    throw new IllegalArgumentException("the histograms of " + key + " need " + HOURS * BUCKETS
                            + " weights");
                }
                requireWeights(weights);
                copy.put(Objects.requireNonNull(key, "situation key"), weights.clone());
            });
        }
        return copy;
    }

    /**
     * A routine that has learnt nothing yet.
     *
     * @return the empty routine
     */
    public static LearntRoutine empty() {
        return EMPTY;
    }

    /** @return the histograms, each array a copy */
    @Override
    public Map<String, int[]> histograms() {
        TreeMap<String, int[]> copy = new TreeMap<>();
        histograms.forEach((key, weights) -> copy.put(key, weights.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** @return a copy of the hour weights */
    @Override
    public int[] hours() {
        return hours.clone();
    }

    /**
     * Learns from one quiet spell: the silence from {@code from} to {@code to} in {@code situation}.
     *
     * @param from      the activity that began the silence
     * @param to        the activity that ended it
     * @param situation what the resident was doing
     * @param policy    the policy (its zone and learning settings)
     * @return the routine with the spell learnt; this routine if the policy learns nothing or the spell is empty
     */
    public LearntRoutine learn(Instant from, Instant to, Situation situation, RoutinePolicy policy) {
        Objects.requireNonNull(situation, "situation");
        if (!policy.learns() || !to.isAfter(from)) {
            return this;
        }
        Builder b = new Builder(this);
        if (b.since == null) {
            b.since = from;
        }
        String key = situation.key();
        Instant t = from;
        while (t.isBefore(to)) {
            Instant end = InactivityPolicy.nextHourBoundaryAfter(t, policy.zone());
            int hour = LocalTime.ofInstant(t, policy.zone()).getHour();
            long reached = Duration.between(from, end.isBefore(to) ? end : to).toSeconds();
            if (b.openHourEnd != null && !b.openHourEnd.equals(end)) {
                b.closeOpenHour(policy.learning().halfLife());
            }
            b.openHourEnd = end;
            b.openHour = hour;
            b.open.merge(key, reached, Math::max);
            t = end;
        }
        return b.build();
    }

    /**
     * Whether a quiet period that began at {@code quietSince} still falls in the learning period.
     *
     * @param quietSince     when the quiet period began
     * @param learningPeriod how long learning lasts from the first quiet spell learnt
     * @return true if nothing has been learnt yet or {@code quietSince} is less than {@code learningPeriod} after it
     */
    public boolean learningAt(Instant quietSince, Duration learningPeriod) {
        return since == null || Duration.between(since, quietSince).compareTo(learningPeriod) < 0;
    }

    /**
     * How many days of history (decayed weight) back the normal of a situation at a local hour: the hour's own
     * weight plus half the weight of each neighbouring hour, since routines drift by an hour from day to day.
     *
     * @param situation the situation
     * @param hour      the local hour, 0-23
     * @return the pooled weight, in days
     */
    public double days(Situation situation, int hour) {
        double total = 0;
        for (double w : pooled(situation, hour)) {
            total += w;
        }
        return total;
    }

    /**
     * On what share of days the resident was in a situation around a local hour: {@link #days} over the days of
     * history at that hour, pooled the same way.
     *
     * @param situation the situation
     * @param hour      the local hour, 0-23
     * @return the share, from 0 to 1; 0 if there is no history at that hour
     */
    public double share(Situation situation, int hour) {
        double days = 0;
        for (int d = -1; d <= 1; d++) {
            days += weightOf(d) * hours[Math.floorMod(hour + d, HOURS)] / ONE_DAY;
        }
        return days <= 0 ? 0 : Math.min(1, days(situation, hour) / days);
    }

    /**
     * The learnt normal: the {@code quantile} of the pooled histogram (see {@link #days}), interpolated
     * geometrically within its bucket.
     *
     * @param situation the situation
     * @param hour      the local hour, 0-23
     * @param quantile  in (0, 1]
     * @return the normal, in whole minutes; zero if there is no history
     */
    public Duration normal(Situation situation, int hour, double quantile) {
        double[] h = pooled(situation, hour);
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
        return Duration.ofMinutes(Math.round(seconds / 60));
    }

    /** The histogram of a situation at an hour, pooled with half weight from the neighbouring hours, in days. */
    private double[] pooled(Situation situation, int hour) {
        double[] h = new double[BUCKETS];
        int[] weights = histograms.get(situation.key());
        if (weights == null) {
            return h;
        }
        for (int d = -1; d <= 1; d++) {
            int base = Math.floorMod(hour + d, HOURS) * BUCKETS;
            for (int i = 0; i < BUCKETS; i++) {
                h[i] += weightOf(d) * weights[base + i] / ONE_DAY;
            }
        }
        return h;
    }

    private static double weightOf(int hourOffset) {
        return hourOffset == 0 ? 1 : 0.5;
    }

    static int bucketOf(long seconds) {
        for (int i = 0; i < EDGES.length; i++) {
            if (seconds < EDGES[i]) {
                return i;
            }
        }
        return BUCKETS - 1;
    }

    private static void requireWeights(int[] weights) {
        for (int w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LearntRoutine r) || !Objects.equals(since, r.since)
                || !Objects.equals(decayedTo, r.decayedTo)
                || !Objects.equals(openHourEnd, r.openHourEnd) || openHour != r.openHour || !open.equals(r.open)
                || !Arrays.equals(hours, r.hours) || !histograms.keySet().equals(r.histograms.keySet())) {
            return false;
        }
        return histograms.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), r.histograms.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(since, decayedTo, openHourEnd, openHour, open, Arrays.hashCode(hours));
        for (Map.Entry<String, int[]> e : histograms.entrySet()) {
            h = 31 * h + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return "LearntRoutine[since=" + since + ", decayedTo=" + decayedTo + ", openHourEnd=" + openHourEnd
                + ", openHour=" + openHour + ", open=" + open + ", situations=" + histograms.keySet()
                + ", hours=" + Arrays.toString(hours) + "]";
    }

    /**
     * The histograms of a {@link Builder}: arrays either fresh or shared with an immutable routine, and never written
     * after {@link Builder#build}. Only this class can make one, so the constructor can trust it without copying.
     */
    private static final class OwnedHistograms extends TreeMap<String, int[]> {
        private static final long serialVersionUID = 1L;

        OwnedHistograms(Map<String, int[]> shared) {
            super(shared);
        }
    }

    /** The mutable working copy of one {@link #learn} call. */
    private static final class Builder {
        Instant since;
        Instant decayedTo;
        Instant openHourEnd;
        int openHour;
        final TreeMap<String, Long> open;
        final OwnedHistograms histograms;
        final int[] hours;

        Builder(LearntRoutine r) {
            since = r.since;
            decayedTo = r.decayedTo;
            openHourEnd = r.openHourEnd;
            openHour = r.openHour;
            open = new TreeMap<>(r.open);
            histograms = new OwnedHistograms(r.histograms); // arrays copied before they change, see closeOpenHour
            hours = r.hours.clone();
        }

        /** Moves the open hour's values into the histograms, after decaying them to the hour's end. */
        void closeOpenHour(Duration halfLife) {
            decayTo(openHourEnd, halfLife);
            hours[openHour] += ONE_DAY;
            open.forEach((key, seconds) -> {
                int[] weights = histograms.get(key);
                if (weights == null) {
                    if (histograms.size() >= MAX_SITUATIONS) {
                        return; // a layout with this many rooms does not exist; never grow without bound
                    }
                    weights = new int[HOURS * BUCKETS];
                } else {
                    weights = weights.clone();
                }
                weights[openHour * BUCKETS + bucketOf(seconds)] += ONE_DAY;
                histograms.put(key, weights);
            });
            open.clear();
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
            histograms.replaceAll((key, weights) -> decayed(weights, factor));
            histograms.values().removeIf(weights -> Arrays.stream(weights).allMatch(w -> w == 0)); // forgotten
            int[] decayedHours = decayed(hours, factor);
            System.arraycopy(decayedHours, 0, hours, 0, HOURS);
            decayedTo = decayedTo.plusSeconds(days * DAY_SECONDS);
        }

        /** Rounded down, so that a weight always shrinks and history does run out. */
        private static int[] decayed(int[] weights, double factor) {
            int[] out = new int[weights.length];
            for (int i = 0; i < weights.length; i++) {
                out[i] = (int) Math.floor(weights[i] * factor);
            }
            return out;
        }

        LearntRoutine build() {
            return new LearntRoutine(since, decayedTo, openHourEnd, openHour, open, histograms, hours);
        }
    }
}
