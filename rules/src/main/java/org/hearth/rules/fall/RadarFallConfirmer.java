package org.hearth.rules.fall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.SensorEvent;

/**
 * Confirms a radar's own fall reports the way Vayyar-style fall radars do: a reported fall becomes an alert only if
 * the same radar then reports no movement for the confirmation window ({@value #DEFAULT_CONFIRMATION_SECONDS} s by
 * default). A person who gets up, or was never down, moves.
 *
 * <p>A pure function over {@link RadarFallState} (one per home, with a watch per radar), like the rest of
 * {@code rules}: immutable, never reads a clock, the same events in the same order give the same states and alerts
 * whenever {@link #onTick} is called in between, provided ticks reflect time that has really passed.
 *
 * <p><b>Events</b> ({@link #onEvent}), after first ticking to the event's instant:
 * <ul>
 *   <li>{@link EventKind#RADAR_FALL} opens a pending fall on that radar, unless one is already pending or alerted
 *       (a repeated report of the same fall, as at-least-once delivery and radars that repeat their status produce),
 *       or the radar has already reported movement strictly after the fall's instant (a late report of a fall the
 *       person has got up from).</li>
 *   <li>{@link EventKind#MOTION} from the same radar (movement, "presence moving") strictly after the pending fall
 *       cancels it; strictly after an alerted fall it re-arms the radar, so a later fall report is a new fall. Movement
 *       at the very instant of the fall is part of the fall. Movement from other sensors changes nothing for this
 *       radar.</li>
 *   <li>Everything else, {@link EventKind#NO_MOTION} included (a still person is what a fall looks like), changes
 *       nothing.</li>
 * </ul>
 *
 * <p><b>Ticks</b> ({@link #onTick}): once {@code now} reaches a pending fall's instant plus the window, one
 * {@link AlertType#FALL_RADAR} alert is raised about the radar, with onset at the fall report and raisedAt at the end
 * of the window (not at {@code now}, so tick cadence cannot change it), the report as evidence, the window as both
 * threshold and observed time (rule {@value #RULE}). Movement that arrives later, timed inside the window, does not
 * retract an alert already raised: the gateway ticks only for time that has passed, so such movement was delivered
 * late and the care team is better told. A radar that goes offline does not cancel a pending fall either.
 */
public final class RadarFallConfirmer {

    /** {@link Evidence#rule()} of radar fall alerts. */
    public static final String RULE = "fall.radar-confirmed";

    /** The default confirmation window in seconds, as the {@link #DEFAULT_CONFIRMATION}. */
    public static final long DEFAULT_CONFIRMATION_SECONDS = 60;

    /** The default confirmation window: 60 s without movement after the radar's fall report. */
    public static final Duration DEFAULT_CONFIRMATION = Duration.ofSeconds(DEFAULT_CONFIRMATION_SECONDS);

    private final Duration confirmation;

    /** Creates a confirmer with the {@link #DEFAULT_CONFIRMATION} window. */
    public RadarFallConfirmer() {
        this(DEFAULT_CONFIRMATION);
    }

    /**
     * Creates a confirmer.
     *
     * @param confirmation how long the radar must see no movement after its fall report
     * @throws IllegalArgumentException if {@code confirmation} is not positive
     */
    public RadarFallConfirmer(Duration confirmation) {
        Objects.requireNonNull(confirmation, "confirmation");
        if (confirmation.isNegative() || confirmation.isZero()) {
            throw new IllegalArgumentException("confirmation must be positive, got " + confirmation);
        }
        this.confirmation = confirmation;
    }

    /**
     * The confirmation window.
     *
     * @return the window
     */
    public Duration confirmation() {
        return confirmation;
    }

    /**
     * Applies one event, after ticking to its instant (see the class description).
     *
     * @param s the home's current state
     * @param e the event
     * @return the new state, and the alerts raised (those due by {@code e.at()})
     */
    public RadarStep onEvent(RadarFallState s, SensorEvent e) {
        Objects.requireNonNull(e, "e");
        RadarStep ticked = onTick(s, e.at());
        RadarFallState state = ticked.state();
        RadarWatch watch = state.watch(e.sensorId());
        if (e.kind() == EventKind.RADAR_FALL) {
            boolean sameFall = watch.pendingFall() != null || watch.alertedFallAt() != null;
            boolean movedSince = watch.lastMovementAt() != null && watch.lastMovementAt().isAfter(e.at());
            if (!sameFall && !movedSince) {
                state = state.with(e.sensorId(), watch.withPendingFall(e));
            }
        } else if (e.kind() == EventKind.MOTION) {
            state = state.with(e.sensorId(), watch.withMovement(e.at()));
        }
        return new RadarStep(state, ticked.alerts());
    }

    /**
     * Lets time pass up to {@code now}: raises the alerts of pending falls whose window has passed without movement.
     *
     * @param s   the home's current state
     * @param now the current instant, from the caller's clock
     * @return the state and the alerts raised, in order of raisedAt then radar id
     */
    public RadarStep onTick(RadarFallState s, Instant now) {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(now, "now");
        RadarFallState state = s;
        List<Alert> alerts = new ArrayList<>();
        for (Map.Entry<String, RadarWatch> entry : s.radars().entrySet()) {
            SensorEvent fall = entry.getValue().pendingFall();
            if (fall != null && !now.isBefore(fall.at().plus(confirmation))) {
                alerts.add(alert(fall));
                state = state.with(entry.getKey(), entry.getValue().alerted());
            }
        }
        alerts.sort(Comparator.comparing(Alert::raisedAt));
        return new RadarStep(state, alerts);
    }

    /**
     * When the next radar fall alert falls due, for the gateway's scheduler.
     *
     * @param s the home's current state
     * @return the earliest end of a pending fall's window; empty if no fall is pending
     */
    public Optional<Instant> nextDeadline(RadarFallState s) {
        Objects.requireNonNull(s, "s");
        return s.radars().values().stream()
                .map(RadarWatch::pendingFall)
                .filter(Objects::nonNull)
                .map(f -> f.at().plus(confirmation))
                .min(Comparator.naturalOrder());
    }

    private Alert alert(SensorEvent fall) {
        Instant raisedAt = fall.at().plus(confirmation);
        String explanation = "Radar " + fall.sensorId() + " reported a fall at " + fall.at()
                + " and saw no movement for " + confirmation.toSeconds() + " s after it, until " + raisedAt;
        Evidence evidence = new Evidence(List.of(fall), RULE, confirmation, confirmation, explanation);
        return new Alert(AlertType.FALL_RADAR, fall.sensorId(), fall.at(), raisedAt, evidence);
    }
}
