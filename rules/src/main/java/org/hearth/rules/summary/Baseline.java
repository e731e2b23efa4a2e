package org.hearth.rules.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The resident's own normal for each measure, learnt day by day with exponential forgetting (bounded: one
 * {@link MeasureStats} per measure). Immutable.
 *
 * @param stats the learnt stats by measure; a measure never seen has none
 */
public record Baseline(Map<Measure, MeasureStats> stats) {

    /**
     * Copies the map.
     *
     * @param stats see the record description
     */
    public Baseline {
        EnumMap<Measure, MeasureStats> copy = new EnumMap<>(Measure.class);
        if (stats != null) {
            copy.putAll(stats);
        }
        stats = Collections.unmodifiableMap(copy);
    }

    /**
     * Nothing learnt yet.
     *
     * @return the empty baseline
     */
    public static Baseline empty() {
        return new Baseline(Map.of());
    }

    /**
     * The measures of {@code day} far from this baseline: at least {@link SummaryPolicy#minDays()} days learnt and
     * |value − mean| / max(spread, the measure's floor) ≥ {@link SummaryPolicy#zThreshold()}.
     *
     * @param day    the day, not yet learnt
     * @param policy the thresholds
     * @return the deviations, in {@link Measure} order
     */
    public List<Deviation> deviations(DailySummary day, SummaryPolicy policy) {
        List<Deviation> found = new ArrayList<>();
        for (Measure m : Measure.values()) {
            MeasureStats s = stats.get(m);
            OptionalDouble value = day.value(m);
            if (s == null || s.days() < policy.minDays() || value.isEmpty()) {
                continue;
            }
            double z = (value.getAsDouble() - s.mean()) / Math.max(s.spread(), m.spreadFloor());
            if (Math.abs(z) >= policy.zThreshold()) {
                found.add(new Deviation(m, value.getAsDouble(), s.mean(), s.spread(), z, s.days()));
            }
        }
        return found;
    }

    /**
     * This baseline after learning {@code day}.
     *
     * @param day    the day
     * @param policy the forgetting half-life
     * @return the new baseline
     */
    public Baseline learn(DailySummary day, SummaryPolicy policy) {
        double alpha = 1 - Math.pow(0.5, 1 / policy.halfLifeDays());
        EnumMap<Measure, MeasureStats> next = new EnumMap<>(Measure.class);
        next.putAll(stats);
        for (Measure m : Measure.values()) {
            OptionalDouble value = day.value(m);
            if (value.isPresent()) {
                next.put(m, stats.getOrDefault(m, new MeasureStats(0, 0, 0)).learn(value.getAsDouble(), alpha));
            }
        }
        return new Baseline(next);
    }
}
