package org.hearth.rules.home;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.engine.Step;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.routine.Outcome;
import org.hearth.rules.routine.RoutineState;
import org.hearth.rules.routine.RoutineWatch;

/**
 * The rules engine (help button, prolonged inactivity and absence) and the routine detectors (bathroom dwell, bed exit,
 * door at night, missed morning) run as one: the one place that says in which order they see an event or a tick and
 * how each is told of the other's alerts, so that one episode raises one alert, from whichever rule is due first (see
 * {@link RulesEngine#noteRoutineAlerts} and {@link RoutineWatch#noteEngineAlerts}). The gateway's home monitor, the
 * evaluation on real homes and the tests all step through here.
 *
 * <p>Pure and immutable like its parts: states in, states and alerts out, the engine's alerts before the detectors'.
 */
public final class SilenceRules {

    private final RulesEngine engine;
    private final RoutineWatch watch;

    /**
     * The rules of one home.
     *
     * @param engine the rules engine
     * @param watch  the routine detectors, or null to run the engine alone
     */
    public SilenceRules(RulesEngine engine, RoutineWatch watch) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.watch = watch;
    }

    /**
     * The outcome of one step.
     *
     * @param engine  the engine's new state
     * @param routine the detectors' new state (unchanged when there are none)
     * @param alerts  the alerts raised, the engine's first
     */
    public record Result(EngineState engine, RoutineState routine, List<Alert> alerts) {

        /**
         * Validates and copies.
         *
         * @param engine see the record description
         * @param routine see the record description
         * @param alerts see the record description
         */
        public Result {
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(routine, "routine");
            alerts = List.copyOf(alerts);
        }
    }

    /**
     * Applies one event to both.
     *
     * @param engineState  the engine's state
     * @param routineState the detectors' state
     * @param e            the event
     * @return the new states and the alerts
     */
    public Result onEvent(EngineState engineState, RoutineState routineState, SensorEvent e) {
        Step step = engine.onEvent(engineState, e);
        if (watch == null) {
            return new Result(step.state(), routineState, step.alerts());
        }
        return settle(step, watch.onEvent(watch.noteEngineAlerts(routineState, step.alerts()), e));
    }

    /**
     * Lets time pass up to {@code now} for both.
     *
     * @param engineState  the engine's state
     * @param routineState the detectors' state
     * @param now          the current instant
     * @return the new states and the alerts that fell due
     */
    public Result onTick(EngineState engineState, RoutineState routineState, Instant now) {
        Step step = engine.onTick(engineState, now);
        if (watch == null) {
            return new Result(step.state(), routineState, step.alerts());
        }
        return settle(step, watch.onTick(watch.noteEngineAlerts(routineState, step.alerts()), now));
    }

    private Result settle(Step step, Outcome<RoutineState> routine) {
        EngineState noted = engine.noteRoutineAlerts(step.state(), routine.alerts());
        if (routine.alerts().isEmpty()) {
            return new Result(noted, routine.state(), step.alerts());
        }
        List<Alert> alerts = new ArrayList<>(step.alerts());
        alerts.addAll(routine.alerts());
        return new Result(noted, routine.state(), alerts);
    }
}
