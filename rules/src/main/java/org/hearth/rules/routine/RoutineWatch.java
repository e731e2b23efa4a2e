package org.hearth.rules.routine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.SensorEvent;

/**
 * The four routine detectors of one home run together: {@link BathroomDwell}, {@link BedExit}, {@link NightDoor} and
 * {@link MorningRoutine}. Pure and immutable like the rules engine: the same events, in the same order, give the same
 * states and alerts however often it is ticked in between. Alerts of one call are ordered by raisedAt, then by type.
 */
public final class RoutineWatch {

    private final RoutineWatchPolicy policy;
    private final BathroomDwell bathroom;
    private final BedExit bedExit;
    private final NightDoor door;
    private final MorningRoutine morning;

    /**
     * The detectors of one home.
     *
     * @param layout the home's sensors
     * @param policy the settings
     */
    public RoutineWatch(HomeLayout layout, RoutineWatchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.bathroom = new BathroomDwell(layout, policy);
        this.bedExit = new BedExit(layout, policy);
        this.door = new NightDoor(layout, policy);
        this.morning = new MorningRoutine(layout, policy);
    }

    /**
     * The settings.
     *
     * @return the policy
     */
    public RoutineWatchPolicy policy() {
        return policy;
    }

    /**
     * Applies one event, after letting time pass up to it.
     *
     * @param s the state
     * @param e the event
     * @return the new state and the alerts that fell due
     */
    public Outcome<RoutineState> onEvent(RoutineState s, SensorEvent e) {
        Objects.requireNonNull(e, "e");
        var b = bathroom.onEvent(s.bathroom(), e);
        var x = bedExit.onEvent(s.bedExit(), e);
        var d = door.onEvent(s.door(), e);
        var m = morning.onEvent(s.morning(), e);
        return combine(b, x, d, m);
    }

    /**
     * Lets time pass up to {@code now}.
     *
     * @param s   the state
     * @param now the current instant
     * @return the new state and the alerts that fell due
     */
    public Outcome<RoutineState> onTick(RoutineState s, Instant now) {
        Objects.requireNonNull(now, "now");
        return combine(bathroom.onTick(s.bathroom(), now), bedExit.onTick(s.bedExit(), now),
                door.onTick(s.door(), now), morning.onTick(s.morning(), now));
    }

    /**
     * Tells the detectors about alerts the rules engine raised, so that one episode raises one alert: a missed morning
     * in a quiet period that already raised a silence alert is not alerted again, and neither is a night trip out of
     * bed or a bathroom stay whose silence the engine has alerted (the alert's onset, the last activity, lies within the
     * trip or the stay). Call it with each engine step's alerts before applying the same event or tick here. The
     * engine is told of this class's alerts the other way round ({@code RulesEngine.noteRoutineAlerts}).
     *
     * @param s      the state
     * @param alerts the engine's alerts
     * @return the new state
     */
    public RoutineState noteEngineAlerts(RoutineState s, List<Alert> alerts) {
        MorningState m = s.morning();
        BedExitState x = s.bedExit();
        BathroomState b = s.bathroom();
        for (Alert a : alerts) {
            m = morning.noteSilenceAlert(m, a);
            if (a.type() != AlertType.PROLONGED_INACTIVITY && a.type() != AlertType.PROLONGED_ABSENCE) {
                continue;
            }
            if (x.exit() != null && !x.alerted() && !a.onset().isBefore(x.exit().at())) {
                x = new BedExitState(x.lastAt(), x.exit(), true, x.trips());
            }
            if (b.entered() != null && !b.alerted() && !a.onset().isBefore(b.entered().at())) {
                b = new BathroomState(b.lastAt(), b.entered(), b.lastSeen(), true, b.stays());
            }
        }
        return m.equals(s.morning()) && x.equals(s.bedExit()) && b.equals(s.bathroom()) ? s
                : new RoutineState(b, x, s.door(), m);
    }

    /**
     * The earliest pending deadline of any detector, for a scheduler.
     *
     * @param s the state
     * @return the instant; empty if nothing is pending
     */
    public Optional<Instant> nextDeadline(RoutineState s) {
        return Stream.of(bathroom.nextDeadline(s.bathroom()), bedExit.nextDeadline(s.bedExit()),
                door.nextDeadline(s.door()), morning.nextDeadline(s.morning()))
                .flatMap(Optional::stream).min(Instant::compareTo);
    }

    private static Outcome<RoutineState> combine(Outcome<BathroomState> b, Outcome<BedExitState> x,
            Outcome<NightDoorState> d, Outcome<MorningState> m) {
        List<Alert> alerts = new ArrayList<>();
        alerts.addAll(b.alerts());
        alerts.addAll(x.alerts());
        alerts.addAll(d.alerts());
        alerts.addAll(m.alerts());
        alerts.sort((p, q) -> p.raisedAt().equals(q.raisedAt()) ? p.type().compareTo(q.type())
                : p.raisedAt().compareTo(q.raisedAt()));
        return new Outcome<>(new RoutineState(b.state(), x.state(), d.state(), m.state()), alerts);
    }
}
