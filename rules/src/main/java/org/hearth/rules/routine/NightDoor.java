package org.hearth.rules.routine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;

/**
 * Front door opened at night (wandering risk).
 *
 * <p>An opening of the {@link SensorRole#FRONT_DOOR} whose local time is inside
 * {@link RoutineWatchPolicy#doorNight()} begins an episode. The episode is over, without alert, once the door has been
 * closed and then activity is seen inside (any other sensor): the resident locked up, glanced outside or took the bin
 * out, and is back in. If that has not happened within {@link RoutineWatchPolicy#doorGrace()} of the opening, one
 * {@link AlertType#DOOR_OPEN_NIGHT} alert is raised at the end of the grace (onset: the opening): the door is still
 * open, or it was closed behind someone who did not come back in. Openings and closings during an episode belong to
 * it (one alert per episode, however often the door swings or a message is redelivered); an alerted episode ends the
 * same way, when the resident is back in behind a closed door.
 *
 * <p>Why a grace: an alert for every opening at 23:01 would teach the team to ignore it; a resident who walks out
 * closes the door behind them and the home goes quiet, which the grace still catches within minutes.
 */
public final class NightDoor {

    /** {@link Evidence#rule()} of its alerts. */
    public static final String RULE = "routine.door-open-night";

    private final HomeLayout layout;
    private final RoutineWatchPolicy policy;

    /**
     * A detector for one home.
     *
     * @param layout the home's sensors
     * @param policy the settings
     */
    public NightDoor(HomeLayout layout, RoutineWatchPolicy policy) {
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
    public Outcome<NightDoorState> onEvent(NightDoorState s, SensorEvent e) {
        Outcome<NightDoorState> tick = onTick(s, e.at());
        s = tick.state();
        if (!e.kind().isActivity() || (s.lastAt() != null && e.at().isBefore(s.lastAt()))) {
            return tick;
        }
        boolean door = layout.roleOf(e.sensorId()) == SensorRole.FRONT_DOOR;
        NightDoorState next = new NightDoorState(e.at(), s.opened(), s.closed(), s.alerted());
        if (door && e.kind() == EventKind.CONTACT_OPEN) {
            if (s.opened() == null && policy.doorNight().contains(e.at(), policy.zone())) {
                next = new NightDoorState(e.at(), e, null, false);
            } else if (s.opened() != null) {
                next = new NightDoorState(e.at(), s.opened(), null, s.alerted());
            }
        } else if (door && e.kind() == EventKind.CONTACT_CLOSED && s.opened() != null) {
            next = new NightDoorState(e.at(), s.opened(), e, s.alerted());
        } else if (!door && s.closed() != null) {
            next = new NightDoorState(e.at(), null, null, false); // back in behind a closed door
        }
        return new Outcome<>(next, tick.alerts());
    }

    /**
     * Lets time pass up to {@code now}.
     *
     * @param s   the state
     * @param now the current instant
     * @return the state and the episode's alert if its grace has run out
     */
    public Outcome<NightDoorState> onTick(NightDoorState s, Instant now) {
        Optional<Instant> due = nextDeadline(s);
        if (due.isEmpty() || now.isBefore(due.get())) {
            return Outcome.quiet(s);
        }
        Instant deadline = due.get();
        List<SensorEvent> events = new ArrayList<>(List.of(s.opened()));
        if (s.closed() != null) {
            events.add(s.closed());
        }
        String state = s.closed() == null ? "still open" : "closed at "
                + Sentences.localTime(s.closed().at(), policy.zone(), deadline) + " with nobody seen inside since";
        String explanation = "Front door " + s.opened().sensorId() + " opened at "
                + Sentences.localTime(s.opened().at(), policy.zone(), deadline) + ", in the night window "
                + policy.doorNight() + ", and " + state + " after " + Sentences.duration(policy.doorGrace())
                + " (" + policy.zone().getId() + ")";
        Evidence evidence = new Evidence(events, RULE, policy.doorGrace(), policy.doorGrace(), explanation);
        Alert alert = new Alert(AlertType.DOOR_OPEN_NIGHT, s.opened().sensorId(), s.opened().at(), deadline,
                evidence);
        return new Outcome<>(new NightDoorState(s.lastAt(), s.opened(), s.closed(), true), List.of(alert));
    }

    /**
     * The pending deadline, for a scheduler.
     *
     * @param s the state
     * @return the end of the current episode's grace; empty if there is no episode or it has alerted
     */
    public Optional<Instant> nextDeadline(NightDoorState s) {
        return s.opened() == null || s.alerted() ? Optional.empty()
                : Optional.of(s.opened().at().plus(policy.doorGrace()));
    }
}
