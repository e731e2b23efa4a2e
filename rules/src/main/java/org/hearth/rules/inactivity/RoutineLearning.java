package org.hearth.rules.inactivity;

import java.time.Duration;
import java.util.Objects;

/**
 * How the resident's routine is learnt and turned into allowances.
 *
 * <p>For each {@link Situation} and local hour of the day, the routine keeps how long the longest silence had
 * lasted by the end of that hour, once per day (see {@link LearntRoutine}). The learnt normal for an hour is the
 * {@code quantile} of those values, pooled with half weight from the hours either side (routines drift by an hour
 * from day to day); the allowance is that normal times {@code margin}, kept within the clinician's
 * {@link LimitBand}.
 *
 * @param learningPeriod how long after the first activity the clinician's fallbacks apply whatever was learnt: the
 *                       first days of an installation are not a routine yet
 * @param quantile       which quantile of the daily values is "normal", in (0, 1]: 0.9 means "on nine days out of ten
 *                       the longest silence by this hour was at most this"; near 1, the longest silence of recent
 *                       weeks, as long as its weight (which halves every {@code halfLife}) is not negligible
 * @param margin         the factor from normal to allowance, at least 1: room for the ordinary day that is a little
 *                       quieter than the quiet days seen so far
 * @param halfLife       how fast old days are forgotten: a day this long ago weighs half as much as today, so the
 *                       routine follows a resident who changes (a new medication, the winter)
 * @param rareBelow      on what share of days (pooled as above) the resident must have been in a context at an
 *                       hour for it to be part of their routine then, in [0, 1); below it, they are rarely in that
 *                       context at that hour, so a long silence in it is not their routine either and the
 *                       clinician's floor applies
 */
public record RoutineLearning(Duration learningPeriod, double quantile, double margin, Duration halfLife,
                              double rareBelow) {

    /**
     * Validates the settings.
     *
     * @param learningPeriod see the record description
     * @param quantile see the record description
     * @param margin see the record description
     * @param halfLife see the record description
     * @param rareBelow see the record description
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
        if (!(rareBelow >= 0 && rareBelow < 1)) {
            throw new IllegalArgumentException("rareBelow must be in [0, 1), not " + rareBelow);
        }
    }

    /**
     * The defaults: a week of learning; the 99th percentile of the daily values (in practice the longest silence of
     * recent weeks around that hour, until it is a month or two old) times 2.5; a four-week half-life; a situation is
     * rare at an hour on fewer than one day in ten.
     *
     * <p>Why: a week covers each weekday once. Silences have long tails, and a few weeks of history show the longest
     * of a few dozen days, while an alert rate of one in two months needs the silence exceeded about once in a
     * thousand hour-days. For an exponential tail that quantile is ln(1000)/ln(40) ≈ 1.9 times the longest of 40, and
     * real tails are heavier: hence 2.5. The clinician's floor and ceiling bound what this gives, and the
     * situation-by-situation learning keeps it short where a silence is not normal (just after getting up, in the
     * kitchen or the bathroom). Four weeks forget a changed routine within a month or two.
     *
     * @return the default settings
     */
    public static RoutineLearning defaults() {
        return new RoutineLearning(Duration.ofDays(7), 0.99, 2.5, Duration.ofDays(28), 0.1);
    }
}
