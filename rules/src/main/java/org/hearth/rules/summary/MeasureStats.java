package org.hearth.rules.summary;

/**
 * The learnt normal of one measure: an exponentially weighted mean and variance. Bounded: three numbers, whatever
 * the length of the history.
 *
 * <p>Each day is weighted {@code max(alpha, 1/n)} for the n-th day: a plain running mean while fewer days are known
 * than the forgetting window holds, then exponential forgetting, so the first days do not dominate for weeks.
 *
 * @param mean     weighted mean
 * @param variance weighted (population) variance
 * @param days     days learnt, capped at {@link #MAX_DAYS}
 */
public record MeasureStats(double mean, double variance, int days) {
    /** Days counted at most; beyond this only the forgetting weight matters. */
    public static final int MAX_DAYS = 10_000;

    /**
     * The stats after one more day.
     *
     * @param value the day's value
     * @param alpha the forgetting weight of one day, in (0, 1]
     * @return the new stats
     */
    public MeasureStats learn(double value, double alpha) {
        if (days == 0) {
            return new MeasureStats(value, 0, 1);
        }
        double weight = Math.max(alpha, 1.0 / (days + 1));
        double diff = value - mean;
        double step = weight * diff;
        // West's incremental weighted variance: exact for the running mean, then exponentially forgetting.
        return new MeasureStats(mean + step, (1 - weight) * (variance + diff * step), Math.min(MAX_DAYS, days + 1));
    }

    /**
     * The standard deviation.
     *
     * @return the square root of the variance
     */
    public double spread() {
        return Math.sqrt(Math.max(0, variance));
    }
}
