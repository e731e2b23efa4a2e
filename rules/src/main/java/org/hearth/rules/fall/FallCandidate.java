package org.hearth.rules.fall;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An impact that may be a fall, waiting for the wearer to lie still: part of {@link FallState}.
 *
 * <p>Impacts less than a second apart, within three seconds of the first, are one event (a knee, then a hip, then
 * the trunk strike the floor).
 *
 * @param firstImpact start of the event's first impact frame
 * @param lastImpact  start of its latest impact frame
 * @param peakAt      start of its strongest impact frame: the alert's onset
 * @param peakG       the strongest 50-ms mean magnitude, in g
 * @param before      the mean gravity vector of one-second windows ending 0.5, 1, 1.5 and 2 s before the first impact
 *                    (those the history held), in g; one to four of them, oldest first, stored as an immutable copy
 * @param quietSince  start of the current run of quiet lying that counts towards confirming this event, or null if
 *                    there is none yet
 */
public record FallCandidate(Instant firstImpact, Instant lastImpact, Instant peakAt, double peakG, List<Vec3> before,
        Instant quietSince) {

    /**
     * Validates the candidate and copies the list.
     *
     * @param firstImpact see the record description
     * @param lastImpact see the record description
     * @param peakAt see the record description
     * @param peakG see the record description
     * @param before see the record description
     * @param quietSince see the record description
     * @throws NullPointerException     if a component other than {@code quietSince} is null
     * @throws IllegalArgumentException if the instants are out of order or {@code before} is empty or has more than
     *                                  four vectors
     */
    public FallCandidate {
        Objects.requireNonNull(firstImpact, "firstImpact");
        Objects.requireNonNull(lastImpact, "lastImpact");
        Objects.requireNonNull(peakAt, "peakAt");
        before = List.copyOf(Objects.requireNonNull(before, "before"));
        if (lastImpact.isBefore(firstImpact) || peakAt.isBefore(firstImpact) || peakAt.isAfter(lastImpact)) {
            throw new IllegalArgumentException("need firstImpact <= peakAt <= lastImpact");
        }
        if (before.isEmpty() || before.size() > 4) {
            throw new IllegalArgumentException("before must hold 1 to 4 vectors, got " + before.size());
        }
        if (quietSince != null && !quietSince.isAfter(lastImpact)) {
            throw new IllegalArgumentException("quietSince must be after lastImpact");
        }
    }

    /**
     * The largest angle between the posture {@code after} and any posture held before the impact.
     *
     * @param after a gravity vector after the impact
     * @return the orientation change in degrees
     */
    public double orientationChangeDegrees(Vec3 after) {
        double max = 0;
        for (Vec3 v : before) {
            max = Math.max(max, v.angleDegreesTo(after));
        }
        return max;
    }

    FallCandidate withImpact(Instant at, double g) {
        boolean stronger = g > peakG;
        return new FallCandidate(firstImpact, at, stronger ? at : peakAt, stronger ? g : peakG, before, null);
    }

    FallCandidate withQuietSince(Instant since) {
        return new FallCandidate(firstImpact, lastImpact, peakAt, peakG, before, since);
    }
}
