package org.hearth.rules.fall;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits {@link WearableFallDetector} applies. {@link #defaults()} are the values measured on the SisFall
 * development set (see {@code simulator}'s {@code FallEvaluation}); each is a physical quantity, independent of the
 * sample rate, because every feature is computed on 50-ms frame means.
 *
 * @param impactG                     an impact is a 50-ms mean acceleration magnitude at or above this, in g. The
 *                                    waist of someone walking or sitting down gently stays below it; a body striking
 *                                    the floor, even from a chair, reaches it
 * @param minOrientationChangeDegrees the lying posture after the impact must differ from some posture held in the
 *                                    two seconds before it by at least this angle (upright to lying is about 90°)
 * @param minTiltFromUprightDegrees   and, once the wearer's upright direction is known, must be at least this far from
 *                                    it: a person sitting up or standing again is not lying
 * @param quietStdG                   a second is quiet when the 50-ms means' magnitudes vary by no more than this
 *                                    standard deviation, in g: breathing and a tremor pass, a step does not
 * @param stillness                   how long the wearer must lie quiet in that posture to confirm the fall
 * @param maxDelayToStillness         the quiet lying must begin within this time after the last impact of the event
 */
public record FallThresholds(double impactG, double minOrientationChangeDegrees, double minTiltFromUprightDegrees,
        double quietStdG, Duration stillness, Duration maxDelayToStillness) {

    private static final FallThresholds DEFAULTS =
            new FallThresholds(1.7, 60, 50, 0.05, Duration.ofSeconds(10), Duration.ofSeconds(30));

    /**
     * Validates the thresholds.
     *
     * @param impactG see the record description
     * @param minOrientationChangeDegrees see the record description
     * @param minTiltFromUprightDegrees see the record description
     * @param quietStdG see the record description
     * @param stillness see the record description
     * @param maxDelayToStillness see the record description
     * @throws NullPointerException     if a duration is null
     * @throws IllegalArgumentException if {@code impactG} is not above 1 g, an angle is not in [0, 180], the quiet
     *                                  limit is not positive, the stillness is shorter than one second (the quiet
     *                                  test looks at whole seconds) or the delay is negative
     */
    public FallThresholds {
        Objects.requireNonNull(stillness, "stillness");
        Objects.requireNonNull(maxDelayToStillness, "maxDelayToStillness");
        if (!(impactG > 1 && impactG < 100)) {
            throw new IllegalArgumentException("impactG must be above 1 g (gravity alone), got " + impactG);
        }
        if (!(minOrientationChangeDegrees >= 0 && minOrientationChangeDegrees <= 180)) {
            throw new IllegalArgumentException("minOrientationChangeDegrees must be in [0, 180], got "
                    + minOrientationChangeDegrees);
        }
        if (!(minTiltFromUprightDegrees >= 0 && minTiltFromUprightDegrees <= 180)) {
            throw new IllegalArgumentException("minTiltFromUprightDegrees must be in [0, 180], got "
                    + minTiltFromUprightDegrees);
        }
        if (!(quietStdG > 0 && quietStdG < 10)) {
            throw new IllegalArgumentException("quietStdG must be positive, got " + quietStdG);
        }
        if (stillness.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("stillness must be at least 1 s, got " + stillness);
        }
        if (maxDelayToStillness.isNegative()) {
            throw new IllegalArgumentException("maxDelayToStillness must not be negative, got " + maxDelayToStillness);
        }
    }

    /**
     * The measured defaults: impact 1.7 g, orientation change 60°, tilt from upright 50°, quiet 0.05 g, stillness
     * 10 s, within 30 s of the impact.
     *
     * @return the defaults
     */
    public static FallThresholds defaults() {
        return DEFAULTS;
    }

    /**
     * These thresholds with another stillness time.
     *
     * @param newStillness how long the wearer must lie quiet
     * @return the new thresholds
     */
    public FallThresholds withStillness(Duration newStillness) {
        return new FallThresholds(impactG, minOrientationChangeDegrees, minTiltFromUprightDegrees, quietStdG,
                newStillness, maxDelayToStillness);
    }
}
