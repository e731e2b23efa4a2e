package org.hearth.rules.summary;

import java.util.Locale;
import java.util.Objects;

/**
 * A measure far from the resident's own normal: the evidence of an early-warning trend.
 *
 * @param measure the measure
 * @param value   the day's value, in the measure's unit
 * @param mean    the baseline mean before this day
 * @param spread  the baseline standard deviation before this day (may be below the measure's floor)
 * @param z       (value − mean) / max(spread, floor): positive means more (or later) than usual
 * @param days    days of history behind the baseline
 */
public record Deviation(Measure measure, double value, double mean, double spread, double z, int days) {

    /**
     * Validates the deviation.
     *
     * @throws NullPointerException if the measure is null
     */
    public Deviation {
        Objects.requireNonNull(measure, "measure");
    }

    /**
     * One sentence for a community nurse, with the figures behind it.
     *
     * @return for example {@code "night-bathroom-visits 3 is above usual 0.4 ± 0.5 (z 2.6, 14 days)"}
     */
    public String explanation() {
        return String.format(Locale.ROOT, "%s %s is %s usual %.1f ± %.1f (z %.1f, %d days)", measure.code(),
                trim(value), z > 0 ? "above" : "below", mean, spread, z, days);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
