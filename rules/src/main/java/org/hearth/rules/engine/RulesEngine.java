package org.hearth.rules.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.rules.inactivity.Allowance;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.inactivity.LearntRoutine;
import org.hearth.rules.inactivity.QuietContext;
import org.hearth.rules.inactivity.RoutinePolicy;
import org.hearth.rules.inactivity.Situation;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.SensorPlacement;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;

/**
 * The rules for one home: help button, and prolonged inactivity judged against the resident's learnt routine in
 * the context the mats and the front door give.
 *
 * <p>A pure function: explicit state in, explicit state plus alerts out. The engine keeps nothing between calls
 * but its layout and policy (and a memo of the last deadline it computed, which never changes a result), never reads
 * a clock, and is immutable, so one instance may be shared by any number of threads and homes (each home keeps its
 * own {@link EngineState}). The same events, in the same order, give the same states and the same alerts, whenever
 * and however often {@link #onTick} is called in between, provided no tick runs ahead of an event that is then
 * applied (that is, ticks reflect time that has really passed).
 *
 * <p><b>Events</b> ({@link #onEvent}):
 * <ol>
 *   <li>First {@code onTick(s, e.at())}, so an inactivity deadline that passed before this event is raised however
 *       seldom the gateway ticks.</li>
 *   <li>{@link EventKind#BUTTON}: an immediate {@link AlertType#HELP_BUTTON} alert about the button, with onset and
 *       raisedAt at the press, the press as evidence, and zero threshold and observed time; unless the press falls
 *       within {@link #HELP_CALL_WINDOW} of the press that opened this button's current help call (a redelivery or
 *       a repeated press: the same call for help). A late-delivered press raises its alert as usual.</li>
 *   <li>Activity ({@link EventKind#isActivity()}, buttons included) strictly after the last activity ends the quiet
 *       period: the routine learns it (see {@link LearntRoutine}), the whereabouts are updated, and the event becomes
 *       the last activity, re-arming the inactivity alert. Activity at or before the last activity changes nothing
 *       but the mat and door readings it carries: an out-of-order event never moves time back, and a repeat of the
 *       last activity (or a second sensor at the very same instant) belongs to the same quiet period, so it cannot
 *       re-arm an alert that period has already raised.</li>
 *   <li>Other events ({@link EventKind#NO_MOTION}, {@link EventKind#APPLIANCE_OFF}, {@link EventKind#SENSOR_ONLINE},
 *       {@link EventKind#SENSOR_OFFLINE}) change nothing yet.</li>
 * </ol>
 *
 * <p><b>Whereabouts</b> (see {@link Whereabouts#context()}). A bed or chair mat of the {@link HomeLayout} that
 * carries someone puts the quiet period in bed or in a chair. The front door ({@link SensorRole#FRONT_DOOR}) used by
 * someone who had been about inside, then closed, starts a quiet period that may be the resident going out: it is
 * judged {@linkplain QuietContext#AWAY away}, where only an absence far beyond the usual raises an alert; once it has
 * lasted {@link RoutinePolicy#awayAfter()} the resident counts as having gone out, so it is learnt as an absence, and
 * the front door used next is their arrival, whose quiet period is judged at home again. Any activity inside ends an
 * absence. What is learnt, and judged, is the {@link Situation} of each quiet period: its context, and at home the
 * room of the last activity and whether it was getting up from a mat. Visitors are not told apart from the resident:
 * their activity counts as the resident's (harmless while they are there), and a visitor leaving through the front
 * door while the resident sits on no mat looks like the resident going out (see {@link AlertType#PROLONGED_ABSENCE}).
 *
 * <p><b>Ticks</b> ({@link #onTick}): once {@code now} reaches the pending deadline
 * ({@link RoutinePolicy#deadlineAfter} of the last activity, in the current context, with the routine as it is), one
 * alert is raised: {@link AlertType#PROLONGED_ABSENCE} if the resident is away, else
 * {@link AlertType#PROLONGED_INACTIVITY}; about the sensor of the last activity, with onset at the last activity and
 * raisedAt at the deadline itself (not at {@code now}, so tick cadence cannot change it). Its evidence holds the last
 * activity (and the mat reading that put the resident in bed or a chair), the allowance at the deadline as threshold,
 * the silence up to the deadline as observed time, the learnt normal behind the allowance, and one sentence saying
 * all that. Then the state is marked alerted: one alert per quiet period, however many ticks follow. A home that has
 * never seen activity has no deadline.
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

    /** {@link Evidence#rule()} of prolonged-inactivity alerts under a policy that learns nothing. */
    public static final String INACTIVITY_RULE = "inactivity.quiet-bands";

    /** {@link Evidence#rule()} of prolonged-inactivity alerts judged against the learnt routine. */
    public static final String LEARNT_INACTIVITY_RULE = "inactivity.learnt-routine";

    /** {@link Evidence#rule()} of prolonged-absence alerts. */
    public static final String ABSENCE_RULE = "inactivity.absence";

    private final HomeLayout layout;
    private final RoutinePolicy routinePolicy;
    /** The deadline of the state last asked about, by identity: ticks between two events ask about the same state. */
    private volatile Memo memo;

    private record Memo(EngineState state, Optional<Instant> deadline) {
    }

    /**
     * An engine that judges silence by fixed bands alone: no layout, nothing learnt.
     *
     * @param policy the home's inactivity policy
     */
    public RulesEngine(InactivityPolicy policy) {
        this(HomeLayout.empty(), RoutinePolicy.fixed(Objects.requireNonNull(policy, "policy")));
    }

    /**
     * An engine that knows the home's sensors and learns the resident's routine.
     *
     * @param layout        what and where each sensor is
     * @param routinePolicy the clinician's limits and the learning settings
     */
    public RulesEngine(HomeLayout layout, RoutinePolicy routinePolicy) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.routinePolicy = Objects.requireNonNull(routinePolicy, "routinePolicy");
    }

    /**
     * The clinician's bands for a resident at home and off the mats, as applied while nothing is learnt: for an
     * engine built from an {@link InactivityPolicy}, that policy.
     *
     * @return the policy
     */
    public InactivityPolicy policy() {
        return routinePolicy.fallbackPolicy(QuietContext.AT_HOME);
    }

    /**
     * The routine policy this engine applies.
     *
     * @return the policy
     */
    public RoutinePolicy routinePolicy() {
        return routinePolicy;
    }

    /**
     * The home's layout.
     *
     * @return the layout
     */
    public HomeLayout layout() {
        return layout;
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
            state = endQuietPeriod(state, e);
        } else {
            Whereabouts read = withReading(state.whereabouts(), e);
            if (!read.equals(state.whereabouts())) {
                state = state.withWhereabouts(read);
            }
        }
        return new Step(state, alerts);
    }

    /**
     * Lets time pass up to {@code now}: raises the inactivity or absence alert once its deadline is reached.
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
        return new Step(s.alerted(), List.of(silenceAlert(s, deadline.get())));
    }

    /**
     * Takes note of alerts the routine detectors raised, so that one episode raises one alert: a
     * {@link AlertType#BED_EXIT_NO_RETURN} or {@link AlertType#BATHROOM_DWELL} raised during the current quiet period
     * (at or after its last activity) already tells the community team that this resident may be lying somewhere
     * since then, so the period's own inactivity alert is not raised as well. The next activity re-arms it as usual.
     *
     * <p>Why not the other way round: those detectors know where the resident is (out of bed at night, in the
     * bathroom) and are usually the sooner; their evidence is the more telling one.
     *
     * @param s      the current state
     * @param alerts alerts the routine detectors have just raised (others are ignored)
     * @return the state, marked alerted if one of them covers its quiet period
     */
    public EngineState noteRoutineAlerts(EngineState s, List<Alert> alerts) {
        Objects.requireNonNull(s, "s");
        if (s.lastActivityAt() == null || s.inactivityAlerted()) {
            return s;
        }
        for (Alert a : alerts) {
            boolean silenceType = a.type() == AlertType.BED_EXIT_NO_RETURN || a.type() == AlertType.BATHROOM_DWELL;
            if (silenceType && !a.raisedAt().isBefore(s.lastActivityAt())) {
                return s.alerted();
            }
        }
        return s;
    }

    /**
     * When the next alert about silence falls due, for the gateway's scheduler.
     *
     * @param s the current state
     * @return the pending deadline; empty if there has been no activity or the current quiet period has already
     *         raised its alert
     */
    public Optional<Instant> nextDeadline(EngineState s) {
        Objects.requireNonNull(s, "s");
        Memo last = memo;
        if (last != null && last.state() == s) {
            return last.deadline();
        }
        Optional<Instant> deadline = s.lastActivityAt() == null || s.inactivityAlerted()
                ? Optional.empty()
                : Optional.of(routinePolicy.deadlineAfter(s.routine(), situation(s), s.lastActivityAt()));
        memo = new Memo(s, deadline);
        return deadline;
    }

    /**
     * The silence allowed at {@code t} for the current quiet period of {@code s}, and where it came from.
     *
     * @param s a state with a last activity
     * @param t an instant
     * @return the allowance in the current context
     * @throws IllegalArgumentException if {@code s} has seen no activity
     */
    public Allowance allowanceAt(EngineState s, Instant t) {
        if (s.lastActivityAt() == null) {
            throw new IllegalArgumentException("no quiet period before the first activity");
        }
        return routinePolicy.allowanceAt(s.routine(), situation(s), s.lastActivityAt(), t);
    }

    /**
     * What the resident was doing when the home went quiet: the context of the whereabouts, where they were last
     * seen, and whether they had just got up from a bed or chair.
     *
     * @param s a state with a last activity
     * @return the situation of its quiet period
     * @throws IllegalArgumentException if {@code s} has seen no activity
     */
    public Situation situation(EngineState s) {
        if (s.lastActivity() == null) {
            throw new IllegalArgumentException("no quiet period before the first activity");
        }
        return situation(s.whereabouts().context(), s.lastActivity());
    }

    private Situation situation(QuietContext context, SensorEvent last) {
        SensorPlacement where = layout.placementOf(last.sensorId());
        boolean gotUp = last.kind() == EventKind.VACATED && where.role().isMat();
        return Situation.of(context, where.room(), gotUp);
    }

    /** The quiet period since the last activity ends with {@code e}: learn it, then move on to {@code e}. */
    private EngineState endQuietPeriod(EngineState s, SensorEvent e) {
        Whereabouts where = s.whereabouts();
        LearntRoutine routine = s.routine();
        boolean wentOut = false;
        if (s.lastActivityAt() != null) {
            QuietContext context = where.context();
            if (context == QuietContext.AWAY) {
                wentOut = Duration.between(s.lastActivityAt(), e.at()).compareTo(routinePolicy.awayAfter()) >= 0;
                // A door closed and a person seen inside soon after: nobody went out, it was a quiet moment at home.
                context = wentOut ? QuietContext.AWAY : QuietContext.AT_HOME;
            }
            routine = routine.learn(s.lastActivityAt(), e.at(), situation(context, s.lastActivity()), routinePolicy);
        }
        where = withReading(where, e);
        if (layout.roleOf(e.sensorId()) == SensorRole.FRONT_DOOR) {
            // Back through the door after an absence: arriving, not leaving, until something inside moves.
            where = wentOut ? where.withMovement(false, false)
                    : where.withMovement(where.insideSinceArrival(), where.insideSinceArrival());
        } else {
            where = where.withMovement(true, false);
        }
        return s.withActivity(e).withWhereabouts(where).withRoutine(routine);
    }

    /** The whereabouts with the mat or door reading {@code e} carries, if it is newer than the one held. */
    private Whereabouts withReading(Whereabouts where, SensorEvent e) {
        SensorRole role = layout.roleOf(e.sensorId());
        boolean matReading = e.kind() == EventKind.OCCUPIED || e.kind() == EventKind.VACATED;
        boolean doorReading = e.kind() == EventKind.CONTACT_OPEN || e.kind() == EventKind.CONTACT_CLOSED;
        if (role == SensorRole.BED && matReading && notOlder(e, where.beds().get(e.sensorId()))) {
            return where.withBed(e);
        }
        if (role == SensorRole.CHAIR && matReading && notOlder(e, where.chairs().get(e.sensorId()))) {
            return where.withChair(e);
        }
        if (role == SensorRole.FRONT_DOOR && doorReading && notOlder(e, where.frontDoor())) {
            return where.withFrontDoor(e);
        }
        return where;
    }

    private static boolean notOlder(SensorEvent e, SensorEvent held) {
        return held == null || !e.at().isBefore(held.at());
    }

    private static boolean withinOpenHelpCall(EngineState s, SensorEvent press) {
        Instant opened = s.helpCalls().get(press.sensorId());
        return opened != null && !press.at().isBefore(opened) && press.at().isBefore(opened.plus(HELP_CALL_WINDOW));
    }

    private Alert helpButton(SensorEvent press) {
        Evidence evidence = new Evidence(List.of(press), HELP_BUTTON_RULE, Duration.ZERO, Duration.ZERO,
                Explanations.helpButton(press, routinePolicy.zone()));
        return new Alert(AlertType.HELP_BUTTON, press.sensorId(), press.at(), press.at(), evidence);
    }

    private Alert silenceAlert(EngineState s, Instant deadline) {
        SensorEvent last = s.lastActivity();
        QuietContext context = s.whereabouts().context();
        Optional<SensorEvent> restingOn = s.whereabouts().restingOn();
        Allowance allowance = allowanceAt(s, deadline);
        List<SensorEvent> events = new ArrayList<>(2);
        restingOn.filter(mat -> !mat.equals(last)).ifPresent(events::add); // seen before the last activity
        events.add(last);
        Duration observed = Duration.between(last.at(), deadline);
        AlertType type = context == QuietContext.AWAY ? AlertType.PROLONGED_ABSENCE : AlertType.PROLONGED_INACTIVITY;
        String rule;
        String explanation;
        if (type == AlertType.PROLONGED_ABSENCE) {
            rule = ABSENCE_RULE;
            explanation = Explanations.routine(last, situation(s), deadline, restingOn, allowance, routinePolicy);
        } else if (!routinePolicy.learns()) {
            rule = INACTIVITY_RULE;
            explanation = Explanations.inactivity(last, deadline, routinePolicy.fallbackPolicy(context));
        } else {
            rule = LEARNT_INACTIVITY_RULE;
            explanation = Explanations.routine(last, situation(s), deadline, restingOn, allowance, routinePolicy);
        }
        Evidence evidence = new Evidence(events, rule, allowance.allowed(), observed, explanation,
                allowance.learntNormal());
        return new Alert(type, last.sensorId(), last.at(), deadline, evidence);
    }
}
