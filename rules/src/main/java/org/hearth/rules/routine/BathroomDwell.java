package org.hearth.rules.routine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;

/**
 * Bathroom dwell: the resident has been in the bathroom far longer than their own usual stays.
 *
 * <p>A stay begins with activity in a {@link Room#BATHROOM} sensor and ends with activity in any other sensor (the
 * resident is seen elsewhere). Its allowance is {@link StayLimits} of {@link RoutineWatchPolicy#bathroom()}: the
 * clinician's fallback until stays have been learnt for {@link RoutineWatchPolicy#learningPeriod()}, then the high
 * percentile of this resident's stays times a factor, within the clinician's floor and ceiling. Once the stay has
 * lasted its allowance, one {@link AlertType#BATHROOM_DWELL} alert is raised, at that deadline (onset: the entry).
 * Stays that ended normally are learnt; a stay that raised an alert is not learnt as normal.
 *
 * <p>Events older than the latest applied one are ignored (time never moves back); a repeat at the same instant
 * changes nothing.
 */
public final class BathroomDwell {

    /** {@link Evidence#rule()} of its alerts. */
    public static final String RULE = "routine.bathroom-dwell";

    private final HomeLayout layout;
    private final RoutineWatchPolicy policy;

    /**
     * A detector for one home.
     *
     * @param layout the home's sensors
     * @param policy the settings
     */
    public BathroomDwell(HomeLayout layout, RoutineWatchPolicy policy) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Applies one event, after letting time pass up to it.
     *
     * @param s the state
     * @param e the event
     * @return the new state and any alert that fell due up to {@code e}
     */
    public Outcome<BathroomState> onEvent(BathroomState s, SensorEvent e) {
        Outcome<BathroomState> tick = onTick(s, e.at());
        s = tick.state();
        if (!e.kind().isActivity() || (s.lastAt() != null && e.at().isBefore(s.lastAt()))) {
            return tick;
        }
        boolean bathroom = layout.placementOf(e.sensorId()).room() == Room.BATHROOM;
        BathroomState next;
        if (bathroom) {
            next = s.entered() == null ? new BathroomState(e.at(), e, e, false, s.stays())
                    : new BathroomState(e.at(), s.entered(), e, s.alerted(), s.stays());
        } else if (s.entered() != null) {
            StayHistogram stays = s.alerted() ? s.stays()
                    : s.stays().add(e.at(), Duration.between(s.entered().at(), e.at()), policy.halfLife());
            next = new BathroomState(e.at(), null, null, false, stays);
        } else {
            next = new BathroomState(e.at(), null, null, false, s.stays());
        }
        return new Outcome<>(next, tick.alerts());
    }

    /**
     * Lets time pass up to {@code now}.
     *
     * @param s   the state
     * @param now the current instant
     * @return the state and the alert of the current stay if its deadline is reached
     */
    public Outcome<BathroomState> onTick(BathroomState s, Instant now) {
        if (s.entered() == null || s.alerted()) {
            return Outcome.quiet(s);
        }
        StayLimits.Limit limit = allowance(s);
        Instant deadline = s.entered().at().plus(limit.allowed());
        if (now.isBefore(deadline)) {
            return Outcome.quiet(s);
        }
        List<SensorEvent> events = s.lastSeen().equals(s.entered()) ? List.of(s.entered())
                : List.of(s.entered(), s.lastSeen());
        String explanation = "In the bathroom for " + Sentences.duration(limit.allowed()) + " since "
                + Sentences.seen(s.entered(), policy.zone(), deadline) + ", not seen anywhere else since; "
                + Sentences.allowance(limit, "bathroom stays") + " (" + policy.zone().getId() + ")";
        Evidence evidence = new Evidence(events, RULE, limit.allowed(), limit.allowed(), explanation, limit.normal());
        Alert alert = new Alert(AlertType.BATHROOM_DWELL, s.entered().sensorId(), s.entered().at(), deadline,
                evidence);
        return new Outcome<>(new BathroomState(s.lastAt(), s.entered(), s.lastSeen(), true, s.stays()),
                List.of(alert));
    }

    /**
     * The pending deadline, for a scheduler.
     *
     * @param s the state
     * @return when the current stay's alert falls due; empty if none is pending
     */
    public java.util.Optional<Instant> nextDeadline(BathroomState s) {
        return s.entered() == null || s.alerted() ? java.util.Optional.empty()
                : java.util.Optional.of(s.entered().at().plus(allowance(s).allowed()));
    }

    private StayLimits.Limit allowance(BathroomState s) {
        boolean learning = !s.stays().learntBy(s.entered().at(), policy.learningPeriod());
        return policy.bathroom().allowance(s.stays(), learning);
    }
}
