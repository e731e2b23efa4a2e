package org.hearth.rules.summary;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a day is summarised and judged against the resident's baseline.
 *
 * @param zone            the home's time zone: a day is local midnight to local midnight (23, 24 or 25 hours)
 * @param nightStart      local start of the night window (after noon), on the evening before the day
 * @param nightEnd        local end of the night window (before noon), on the morning of the day
 * @param bathroomGap     bathroom activity further apart than this, or with another room in between, is two visits
 * @param awayAfter       how long the home must stay quiet after the front door before the resident counts as out;
 *                        the engine's {@code RoutinePolicy.awayAfter()}, so both agree on what "out" is
 * @param applianceRepeat an appliance switched on again within this time of its last switch-on is the same use
 * @param halfLifeDays    the baseline forgets: a day's weight halves after this many further days
 * @param minDays         days of history a measure needs before it can deviate
 * @param zThreshold      a measure deviates when |value − mean| / max(spread, floor) reaches this
 */
public record SummaryPolicy(ZoneId zone, LocalTime nightStart, LocalTime nightEnd, Duration bathroomGap,
                            Duration awayAfter, Duration applianceRepeat, double halfLifeDays, int minDays,
                            double zThreshold) {

    /**
     * Validates the policy.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the night window does not span midnight (start after noon, end before
     *                                  noon), a duration is not positive, or a number is out of range
     */
    public SummaryPolicy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(nightStart, "nightStart");
        Objects.requireNonNull(nightEnd, "nightEnd");
        positive(bathroomGap, "bathroomGap");
        positive(awayAfter, "awayAfter");
        positive(applianceRepeat, "applianceRepeat");
        if (nightStart.isBefore(LocalTime.NOON) || !nightEnd.isBefore(LocalTime.NOON)) {
            throw new IllegalArgumentException("night must start after noon and end before noon");
        }
        if (!(halfLifeDays >= 1) || minDays < 2 || !(zThreshold > 0)) {
            throw new IllegalArgumentException("need halfLifeDays >= 1, minDays >= 2, zThreshold > 0");
        }
    }

    /**
     * Night 22:00–07:00, bathroom visits 15 min apart, out after 10 min of silence behind the front door (as the
     * engine's default), one kettle use per 10 min, a two-week half-life, and |z| ≥ 2 after 7 days.
     *
     * @param zone the home's time zone
     * @return the default policy
     */
    public static SummaryPolicy ukDefault(ZoneId zone) {
        return new SummaryPolicy(zone, LocalTime.of(22, 0), LocalTime.of(7, 0), Duration.ofMinutes(15),
                Duration.ofMinutes(10), Duration.ofMinutes(10), 14, 7, 2.0);
    }

    /**
     * This policy with another silence before the resident counts as out.
     *
     * @param away the engine's away-after
     * @return the new policy
     */
    public SummaryPolicy withAwayAfter(Duration away) {
        return new SummaryPolicy(zone, nightStart, nightEnd, bathroomGap, away, applianceRepeat, halfLifeDays,
                minDays, zThreshold);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be more than zero");
        }
    }
}
