package org.hearth.rules.inactivity;

import java.time.Duration;
import java.util.Objects;

/**
 * How the resident's routine is learnt and turned into allowances.
 *
 * <p>For each {@link QuietContext} and local hour of the day, the routine keeps how long the longest silence had
 * lasted by the end of that hour, once per day (see {@link LearntRoutine}). The learnt normal for an hour is the
 * {@code quantile} of those values, pooled with half weight from the hours either side (routines drift by an hour
 * from day to day); the allowance is that normal times {@code margin}, kept within the clinician's
 * {@link LimitBand}.
 *
 * @param learningPeriod how long after the first activity the clinician's fallbacks apply whatever was learnt: the
 *                       first days of an installation are not a routine yet
 * @param quantile       which quantile of the daily values is "normal", in (0, 1]: 0.9 means "on nine days out of ten
 *                       the longest silence by this hour was at most this"
 * @param margin         the factor from normal to allowance, at least 1: room for the ordinary day that is a little
 *                       quieter than the quiet days seen so far
 * @param halfLife       how fast old days are forgotten: a day this long ago weighs half as much as today, so the
 *                       routine follows a resident who changes (a new medication, the winter)
 * @param minSamples     how many days of weight (pooled as above) an hour needs before its learnt normal is trusted;
 *                       below it, the clinician's fallback applies
 */
public record RoutineLearning(Duration learningPeriod, double quantile, double margin, Duration halfLife,
                              double minSamples) {

    /**
     * Validates the settings.
     *
     * @param learningPeriod see the record description
     * @param quantile see the record description
     * @param margin see the record description
     * @param halfLife see the record description
     * @param minSamples see the record description
     * @throws NullPointerException     if a duration is null
     * @throws IllegalArgumentException if a value is outside the range given in the record description
     */
    public RoutineLearning {
        Objects.requireNonNull(learningPeriod, "learningPeriod");
        Objects.requireNonNull(halfLife, "halfLife");
        if (learningPeriod.isNegative()) {
            throw new IllegalArgumentException("learningPeriod must not be negative");
        }
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], not " + quantile);
        }
        if (!(margin >= 1 && margin <= 100)) {
            throw new IllegalArgumentException("margin must be in [1, 100], not " + margin);
        }
        if (halfLife.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("halfLife must be at least a day");
        }
        if (!(minSamples > 0 && minSamples <= 1000)) {
            throw new IllegalArgumentException("minSamples must be in (0, 1000], not " + minSamples);
        }
    }

    /**
     * The defaults: a week of learning, the 90th percentile of the daily values times 1.5, a four-week half-life, and
     * at least four days of history for an hour.
     *
     * <p>Why: a week covers each weekday once; nine days in ten is what "usually" means to a nurse, and the margin
     * of one half keeps the rarer quiet day from alarming (silences have long tails) while staying well inside the
     * 30-180 min that published inactivity monitors alert after; four weeks forget a changed routine within a month.
     *
     * @return the default settings
     */
    public static RoutineLearning defaults() {
        return new RoutineLearning(Duration.ofDays(7), 0.9, 1.5, Duration.ofDays(28), 4);
    }
}
