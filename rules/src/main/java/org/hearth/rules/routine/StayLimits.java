package org.hearth.rules.routine;

import java.time.Duration;
import java.util.Objects;

/**
 * The clinician's bounds on a learnt stay (in the bathroom, out of bed at night), and how the allowance is learnt:
 * {@code clamp(quantile of the learnt stays × factor, floor, ceiling)}, or {@code fallback} while learning.
 *
 * @param floor    never alarming before this
 * @param fallback the allowance before enough is learnt
 * @param ceiling  always alarming after this
 * @param quantile the high percentile of the learnt stays, in (0, 1]
 * @param factor   how far beyond it is "far longer than usual", at least 1
 */
public record StayLimits(Duration floor, Duration fallback, Duration ceiling, double quantile, double factor) {

    /**
     * Validates the limits.
     *
     * @param floor see the record description
     * @param fallback see the record description
     * @param ceiling see the record description
     * @param quantile see the record description
     * @param factor see the record description
     * @throws IllegalArgumentException unless {@code 0 < floor <= fallback <= ceiling}, quantile in (0, 1], factor
     *                                  at least 1
     */
    public StayLimits {
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(ceiling, "ceiling");
        if (floor.isNegative() || floor.isZero() || fallback.compareTo(floor) < 0 || ceiling.compareTo(fallback) < 0) {
            throw new IllegalArgumentException("need 0 < floor <= fallback <= ceiling");
        }
        if (!(quantile > 0 && quantile <= 1) || !(factor >= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1] and factor at least 1");
        }
    }

    /**
     * The allowance given what is learnt.
     *
     * @param learnt the learnt stays
     * @param learning whether still learning
     * @return the allowance and its basis
     */
    Limit allowance(StayHistogram learnt, boolean learning) {
        if (learning) {
            return new Limit(fallback, Duration.ZERO, "the clinician's setting while this resident's routine is "
                    + "learnt");
        }
        Duration normal = learnt.quantile(quantile);
        Duration scaled = Duration.ofMinutes(Math.round(normal.toSeconds() * factor / 60));
        Duration allowed = scaled.compareTo(floor) < 0 ? floor : scaled.compareTo(ceiling) > 0 ? ceiling : scaled;
        String basis = allowed.compareTo(scaled) > 0 ? "the clinician's minimum"
                : allowed.compareTo(scaled) < 0 ? "the clinician's maximum" : String.format(java.util.Locale.ROOT,
                        "%.1f times the usual longest", factor);
        return new Limit(allowed, normal, basis);
    }

    /** An allowance, the learnt normal behind it (zero while learning) and a phrase saying where it came from. */
    record Limit(Duration allowed, Duration normal, String basis) {
    }
}
