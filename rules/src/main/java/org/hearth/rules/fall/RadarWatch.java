package org.hearth.rules.fall;

import java.time.Instant;
import java.util.Objects;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/**
 * What {@link RadarFallConfirmer} remembers about one radar: part of {@link RadarFallState}.
 *
 * @param pendingFall    the radar's fall report waiting for its confirmation window to pass, or null
 * @param lastMovementAt the latest movement the radar reported, or null if none
 * @param alertedFallAt  the instant of the fall report whose alert was raised, while no movement has been seen after
 *                       it (further fall reports are the same fall); null otherwise
 */
public record RadarWatch(SensorEvent pendingFall, Instant lastMovementAt, Instant alertedFallAt) {

    static final RadarWatch EMPTY = new RadarWatch(null, null, null);

    /**
     * Validates the watch.
     *
     * @param pendingFall see the record description
     * @param lastMovementAt see the record description
     * @param alertedFallAt see the record description
     * @throws IllegalArgumentException if {@code pendingFall} is not a {@link EventKind#RADAR_FALL} event, or a fall
     *                                  is both pending and alerted
     */
    public RadarWatch {
        if (pendingFall != null && pendingFall.kind() != EventKind.RADAR_FALL) {
            throw new IllegalArgumentException("pendingFall must be a RADAR_FALL event, not " + pendingFall.kind());
        }
        if (pendingFall != null && alertedFallAt != null) {
            throw new IllegalArgumentException("a radar has either a pending fall or an alerted one");
        }
    }

    RadarWatch withPendingFall(SensorEvent fall) {
        return new RadarWatch(Objects.requireNonNull(fall), lastMovementAt, null);
    }

    RadarWatch withMovement(Instant at) {
        Instant latest = lastMovementAt == null || at.isAfter(lastMovementAt) ? at : lastMovementAt;
        SensorEvent pending = pendingFall != null && at.isAfter(pendingFall.at()) ? null : pendingFall;
        Instant alerted = alertedFallAt != null && at.isAfter(alertedFallAt) ? null : alertedFallAt;
        return new RadarWatch(pending, latest, alerted);
    }

    RadarWatch alerted() {
        return new RadarWatch(null, lastMovementAt, pendingFall.at());
    }
}
