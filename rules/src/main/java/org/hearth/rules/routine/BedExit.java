package org.hearth.rules.routine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.model.SensorPlacement;

/**
 * Bed exit without return at night: the resident got out of bed during the night window and is not back in bed
 * within the time their night trips usually take.
 *
 * <p>A trip begins when a {@link SensorRole#BED} mat is vacated inside {@link RoutineWatchPolicy#night()} (local
 * time) and ends when any bed mat is occupied again. Its allowance is {@link RoutineWatchPolicy#bedExit()} (learnt
 * from this resident's trips, within the clinician's floor and ceiling). One {@link AlertType#BED_EXIT_NO_RETURN}
 * alert is raised at the deadline (onset: the exit), unless the resident's day has begun first:
 * <ul>
 *   <li>the night window ends before the deadline (getting up at 06:50 for the day is no night trip), or</li>
 *   <li>before the deadline, kitchen or appliance activity after {@link RoutineWatchPolicy#morningFrom()} (getting
 *       up at 05:30 and putting the kettle on is the morning, not a fall on the way to the toilet), or</li>
 *   <li>the front door is used: the resident went out, which the door-at-night and absence rules watch, or</li>
 *   <li>a {@link SensorRole#CHAIR} mat is occupied: a resident who cannot sleep and sits up in the armchair is resting
 *       where a mat sees them, and the inactivity rule watches them there (in a chair).</li>
 * </ul>
 * Either ends the trip unlearnt. Trips back to bed before their deadline are learnt; an alerted trip is not learnt
 * as normal, and ends at the return to bed or at the end of the night. Collapses later in the day are the inactivity
 * rule's to catch.
 */
public final class BedExit {

    /** {@link Evidence#rule()} of its alerts. */
    public static final String RULE = "routine.bed-exit-no-return";

    private final HomeLayout layout;
    private final RoutineWatchPolicy policy;

    /**
     * A detector for one home.
     *
     * @param layout the home's sensors
     * @param policy the settings
     */
    public BedExit(HomeLayout layout, RoutineWatchPolicy policy) {
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
    public Outcome<BedExitState> onEvent(BedExitState s, SensorEvent e) {
        Outcome<BedExitState> tick = onTick(s, e.at());
        s = tick.state();
        if (!e.kind().isActivity() || (s.lastAt() != null && e.at().isBefore(s.lastAt()))) {
            return tick;
        }
        SensorPlacement where = layout.placementOf(e.sensorId());
        boolean bed = where.role() == SensorRole.BED;
        BedExitState next = new BedExitState(e.at(), s.exit(), s.alerted(), s.trips());
        if (bed && e.kind() == EventKind.VACATED && s.exit() == null && policy.night().contains(e.at(), policy.zone())) {
            next = new BedExitState(e.at(), e, false, s.trips());
        } else if (where.role() == SensorRole.CHAIR && e.kind() == EventKind.OCCUPIED && s.exit() != null
                && !s.alerted()) {
            next = new BedExitState(e.at(), null, false, s.trips()); // resting in a chair: the chair's own rules watch
        } else if (bed && e.kind() == EventKind.OCCUPIED && s.exit() != null) {
            StayHistogram trips = s.alerted() ? s.trips()
                    : s.trips().add(e.at(), Duration.between(s.exit().at(), e.at()), policy.halfLife());
            next = new BedExitState(e.at(), null, false, trips);
        } else if (s.exit() != null && !s.alerted() && dayBegins(e, where)) {
            next = new BedExitState(e.at(), null, false, s.trips());
        }
        return new Outcome<>(next, tick.alerts());
    }

    /**
     * Lets time pass up to {@code now}.
     *
     * @param s   the state
     * @param now the current instant
     * @return the state and the alert of the current trip if its deadline is reached
     */
    public Outcome<BedExitState> onTick(BedExitState s, Instant now) {
        if (s.exit() == null) {
            return Outcome.quiet(s);
        }
        Instant nightEnd = policy.night().nextEndAfter(s.exit().at(), policy.zone());
        StayLimits.Limit limit = allowance(s);
        Instant deadline = s.exit().at().plus(limit.allowed());
        if (s.alerted() || !deadline.isBefore(nightEnd)) {
            return now.isBefore(nightEnd) ? Outcome.quiet(s)
                    : Outcome.quiet(new BedExitState(s.lastAt(), null, false, s.trips()));
        }
        if (now.isBefore(deadline)) {
            return Outcome.quiet(s);
        }
        String explanation = "Out of bed since " + Sentences.seen(s.exit(), policy.zone(), deadline)
                + " at night, not back in bed after " + Sentences.duration(limit.allowed()) + "; "
                + Sentences.allowance(limit, "night trips") + " (" + policy.zone().getId() + ")";
        Evidence evidence = new Evidence(List.of(s.exit()), RULE, limit.allowed(), limit.allowed(), explanation,
                limit.normal());
        Alert alert = new Alert(AlertType.BED_EXIT_NO_RETURN, s.exit().sensorId(), s.exit().at(), deadline,
                evidence);
        return new Outcome<>(new BedExitState(s.lastAt(), s.exit(), true, s.trips()), List.of(alert));
    }

    /**
     * The pending deadline, for a scheduler.
     *
     * @param s the state
     * @return when the current trip's alert falls due, or its night ends; empty if no trip is open
     */
    public Optional<Instant> nextDeadline(BedExitState s) {
        if (s.exit() == null) {
            return Optional.empty();
        }
        Instant nightEnd = policy.night().nextEndAfter(s.exit().at(), policy.zone());
        Instant deadline = s.exit().at().plus(allowance(s).allowed());
        return Optional.of(s.alerted() || nightEnd.isBefore(deadline) ? nightEnd : deadline);
    }

    private boolean dayBegins(SensorEvent e, SensorPlacement where) {
        if (where.role() == SensorRole.FRONT_DOOR) {
            return true; // gone out: the door-at-night and absence rules watch that
        }
        if (where.room() != Room.KITCHEN && where.role() != SensorRole.APPLIANCE) {
            return false;
        }
        LocalTime local = LocalTime.ofInstant(e.at(), policy.zone());
        LocalTime end = policy.night().end();
        LocalTime from = policy.morningFrom();
        return from.isBefore(end) && !local.isBefore(from) && local.isBefore(end);
    }

    private StayLimits.Limit allowance(BedExitState s) {
        boolean learning = !s.trips().learntBy(s.exit().at(), policy.learningPeriod());
        return policy.bedExit().allowance(s.trips(), learning);
    }
}
