package org.hearth.rules.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.SensorEvent;

/**
 * The rules for one home: help button and prolonged inactivity.
 *
 * <p>A pure function: explicit state in, explicit state plus alerts out. The engine keeps nothing between calls
 * but its policy, never reads a clock, and is immutable, so one instance may be shared by any number of threads
 * and homes (each home keeps its own {@link EngineState}). The same events, in the same order, give the same
 * states and the same alerts, whenever and however often {@link #onTick} is called in between, provided no tick
 * runs ahead of an event that is then applied (that is, ticks reflect time that has really passed).
 *
 * <p><b>Events</b> ({@link #onEvent}):
 * <ol>
 *   <li>First {@code onTick(s, e.at())}, so an inactivity deadline that passed before this event is raised however
 *       seldom the gateway ticks.</li>
 *   <li>{@link EventKind#BUTTON}: an immediate {@link AlertType#HELP_BUTTON} alert about the button, with onset and
 *       raisedAt at the press, the press as evidence, and zero threshold and observed time; unless the press falls
 *       within {@link #HELP_CALL_WINDOW} of the press that opened this button's current help call (a redelivery or
 *       a repeated press: the same call for help). A late-delivered press raises its alert as usual.</li>
 *   <li>Activity ({@link EventKind#isActivity()}, buttons included) strictly after the last activity moves the last
 *       activity forward and re-arms the inactivity alert. Activity at or before the last activity changes
 *       nothing: an out-of-order event never moves time back, and a repeat of the last activity (or a second
 *       sensor at the very same instant) belongs to the same quiet period, so it cannot re-arm an alert that
 *       period has already raised.</li>
 *   <li>Other events ({@link EventKind#NO_MOTION}, {@link EventKind#SENSOR_ONLINE},
 *       {@link EventKind#SENSOR_OFFLINE}) change nothing yet.</li>
 * </ol>
 *
 * <p><b>Ticks</b> ({@link #onTick}): once {@code now} reaches the pending deadline
 * ({@link InactivityPolicy#deadlineAfter(Instant)} of the last activity), one
 * {@link AlertType#PROLONGED_INACTIVITY} alert is raised about the sensor of the last activity, with onset at the
 * last activity and raisedAt at the deadline itself (not at {@code now}, so tick cadence cannot change it), the
 * last activity as evidence, the allowance of the band at the deadline as threshold, and the silence up to the
 * deadline as observed time. Then the state is marked alerted: one alert per quiet period, however many ticks
 * follow. A home that has never seen activity has no deadline.
 */
public final class RulesEngine {

    /** {@link Evidence#rule()} of help-button alerts. */
    public static final String HELP_BUTTON_RULE = "help-button.immediate";

    /**
     * Presses of the same help button within this time of the press that raised its alert belong to the same call
     * for help: at-least-once delivery repeats messages, and a frightened person presses again. A press after it
     * raises a new alert (the call is still going on).
     */
    public static final Duration HELP_CALL_WINDOW = Duration.ofMinutes(5);

    /** {@link Evidence#rule()} of prolonged-inactivity alerts. */
    public static final String INACTIVITY_RULE = "inactivity.quiet-bands";

    private final InactivityPolicy policy;

    /**
     * Creates an engine.
     *
     * @param policy the home's inactivity policy
     */
    public RulesEngine(InactivityPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The inactivity policy this engine applies.
     *
     * @return the policy
     */
    public InactivityPolicy policy() {
        return policy;
    }

    /**
     * Applies one sensor event, after ticking to its instant (see the class description).
     *
     * @param s the current state
     * @param e the event
     * @return the new state, and the alerts raised (an inactivity alert due by {@code e.at()} first, then a help
     *         alert if {@code e} is a button press)
     */
    public Step onEvent(EngineState s, SensorEvent e) {
        Objects.requireNonNull(e, "e");
        Step ticked = onTick(s, e.at());
        EngineState state = ticked.state();
        List<Alert> alerts = new ArrayList<>(ticked.alerts());
        if (e.kind() == EventKind.BUTTON && !withinOpenHelpCall(state, e)) {
            alerts.add(helpButton(e));
            state = state.withHelpCall(e.sensorId(), e.at());
        }
        if (e.kind().isActivity() && (state.lastActivityAt() == null || e.at().isAfter(state.lastActivityAt()))) {
            state = state.withActivity(e);
        }
        return new Step(state, alerts);
    }

    /**
     * Lets time pass up to {@code now}: raises the prolonged-inactivity alert once its deadline is reached.
     *
     * @param s   the current state
     * @param now the current instant, from the caller's clock
     * @return the state (marked alerted if an alert was raised) and at most one alert
     */
    public Step onTick(EngineState s, Instant now) {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(now, "now");
        Optional<Instant> deadline = nextDeadline(s);
        if (deadline.isEmpty() || now.isBefore(deadline.get())) {
            return new Step(s, List.of());
        }
        Alert alert = inactivity(s.lastActivity(), deadline.get());
        return new Step(s.alerted(), List.of(alert));
    }

    /**
     * When the next alert about silence falls due, for the gateway's scheduler.
     *
     * @param s the current state
     * @return the pending inactivity deadline; empty if there has been no activity or the current quiet period has
     *         already raised its alert
     */
    public Optional<Instant> nextDeadline(EngineState s) {
        Objects.requireNonNull(s, "s");
        if (s.lastActivityAt() == null || s.inactivityAlerted()) {
            return Optional.empty();
        }
        return Optional.of(policy.deadlineAfter(s.lastActivityAt()));
    }

    private static boolean withinOpenHelpCall(EngineState s, SensorEvent press) {
        Instant opened = s.helpCalls().get(press.sensorId());
        return opened != null && !press.at().isBefore(opened) && press.at().isBefore(opened.plus(HELP_CALL_WINDOW));
    }

    private Alert helpButton(SensorEvent press) {
        Evidence evidence = new Evidence(List.of(press), HELP_BUTTON_RULE, Duration.ZERO, Duration.ZERO,
                Explanations.helpButton(press, policy.zone()));
        return new Alert(AlertType.HELP_BUTTON, press.sensorId(), press.at(), press.at(), evidence);
    }

    private Alert inactivity(SensorEvent last, Instant deadline) {
        Evidence evidence = new Evidence(List.of(last), INACTIVITY_RULE, policy.allowanceAt(deadline),
                Duration.between(last.at(), deadline), Explanations.inactivity(last, deadline, policy));
        return new Alert(AlertType.PROLONGED_INACTIVITY, last.sensorId(), last.at(), deadline, evidence);
    }
}
