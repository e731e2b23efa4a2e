package org.hearth.rules.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.SensorEvent;

/**
 * The stage between the rules and the alerts they raise: holds back alerts that allow a local warning until the
 * resident answers or the window runs out.
 *
 * <p>A pure function, like the rules engine: state, events, detected alerts and an instant in; state, alerts and
 * warning actions out. It never reads a clock; the same inputs in the same order give the same outputs, however
 * often it is ticked in between (ticks reflecting time that has really passed).
 *
 * <p>{@link #apply}, in this order:
 * <ol>
 *   <li>Each event, in order: first the deadlines up to its instant pass (see below); then a
 *       {@link EventKind#RESIDENT_OK} cancels every pending warning it answers ({@link PendingWarning#answeredBy}),
 *       each into a {@link CancelledWarning}. Other events, activity included, change nothing: only the explicit answer
 *       says the resident is all right (see the package description).</li>
 *   <li>The deadlines up to {@code now} pass: each warning whose deadline is at or before it is raised as the very
 *       alert it held (same type, sensor and onset, so the same {@link Alert#key()}; the same evidence), with
 *       {@code raisedAt} at the deadline itself (when it was in fact raised; not at {@code now}, so tick cadence
 *       cannot change it) and a sentence added to the explanation saying the warning went unanswered.</li>
 *   <li>Each detected alert: raised at once if the policy gives its type no window, if a warning for the same alert
 *       (same {@link Alert#key()}) is already pending (a repeat: nothing new), or if {@link WarningState#MAX_PENDING}
 *       warnings are pending (never hold back more than that); otherwise held back as a {@link PendingWarning} given
 *       at {@code now} (or at the alert's {@code raisedAt}, if later), with its deadline one window on, and listed in
 *       {@link WarningStep#warn()}. A help-button press during a pending warning is raised at once and leaves the
 *       warning pending.</li>
 * </ol>
 *
 * <p>Which button presses answer is decided before the rules see them, by {@link #answerOf}, so that an answer is
 * journalled as {@link EventKind#RESIDENT_OK} and is never taken for a call for help.
 */
public final class WarningStage {

    private final WarningPolicy policy;

    /**
     * A stage applying a policy.
     *
     * @param policy the windows and the "I'm OK" buttons
     */
    public WarningStage(WarningPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The policy applied.
     *
     * @return the policy
     */
    public WarningPolicy policy() {
        return policy;
    }

    /**
     * What a sensor event means given the pending warnings: a press of an "I'm OK" button ({@link
     * WarningPolicy#isOkPress}) that answers a pending warning becomes {@link EventKind#RESIDENT_OK}; anything else is
     * returned as it is. In particular, with no warning pending (or only after the deadline), a press of that button is
     * what it always was, a call for help: the resident's button must never lose that meaning.
     *
     * @param s the current state
     * @param e the event as decoded
     * @return the event as the rules must see it
     */
    public SensorEvent answerOf(WarningState s, SensorEvent e) {
        Objects.requireNonNull(e, "e");
        if (policy.isOkPress(e) && s.pending().stream().anyMatch(w -> w.answeredBy(e.at()))) {
            return new SensorEvent(e.sensorId(), EventKind.RESIDENT_OK, e.at(), e.detail());
        }
        return e;
    }

    /**
     * Applies events (already passed through {@link #answerOf}), the alerts the rules detected with them, and the
     * passing of time up to {@code now} (see the class description).
     *
     * @param s        the current state
     * @param events   the events, in order
     * @param detected the alerts the rules raised for these events and this tick, in order
     * @param now      the current instant, from the caller's clock
     * @return the new state and what to do
     */
    public WarningStep apply(WarningState s, List<SensorEvent> events, List<Alert> detected, Instant now) {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(now, "now");
        var run = new Run(s.pending());
        for (SensorEvent e : events) {
            run.passUntil(e.at());
            if (e.kind() == EventKind.RESIDENT_OK) {
                run.cancel(e);
            }
        }
        run.passUntil(now); // before staging, so alerts come out in time order however often ticks run
        for (Alert a : detected) {
            run.stage(a, now);
        }
        return run.step();
    }

    /**
     * Lets time pass up to {@code now}: raises the alerts whose warning went unanswered.
     *
     * @param s   the current state
     * @param now the current instant
     * @return the new state and the alerts raised
     */
    public WarningStep onTick(WarningState s, Instant now) {
        return apply(s, List.of(), List.of(), now);
    }

    /**
     * When the next unanswered warning falls due, for the gateway's scheduler.
     *
     * @param s the current state
     * @return the earliest pending deadline; empty if nothing is pending
     */
    public Optional<Instant> nextDeadline(WarningState s) {
        return s.nextDeadline();
    }

    /**
     * The alert a warning held, as raised at its deadline with nobody having answered.
     *
     * @param w the warning
     * @return the alert, its key and evidence unchanged but for the note in the explanation
     */
    static Alert unanswered(PendingWarning w) {
        Alert a = w.alert();
        Evidence e = a.evidence();
        String note = " A local warning at " + w.warnedAt() + " asked the resident to press their button;"
                + " nobody answered within " + human(w.window()) + ".";
        Evidence noted = new Evidence(e.events(), e.rule(), e.threshold(), e.observed(), e.explanation() + note,
                e.learntNormal());
        return new Alert(a.type(), a.sensorId(), a.onset(), w.deadline(), noted);
    }

    private static String human(Duration d) {
        long minutes = d.toMinutes();
        long seconds = d.toSecondsPart();
        if (minutes == 0) {
            return seconds + " s";
        }
        return seconds == 0 ? minutes + " min" : minutes + " min " + seconds + " s";
    }

    /** One call's working copy: mutable while the call runs, frozen into a {@link WarningStep} at its end. */
    private final class Run {
        private final List<PendingWarning> pending;
        private final List<Alert> raise = new ArrayList<>();
        private final List<PendingWarning> warn = new ArrayList<>();
        private final List<CancelledWarning> cancelled = new ArrayList<>();
        private final List<PendingWarning> unanswered = new ArrayList<>();

        Run(List<PendingWarning> pending) {
            this.pending = new ArrayList<>(pending);
        }

        void passUntil(Instant t) {
            // Sorted by deadline (the state's order, kept by insertion below): the due ones are a prefix.
            while (!pending.isEmpty() && !pending.get(0).deadline().isAfter(t)) {
                PendingWarning due = pending.remove(0);
                unanswered.add(due);
                raise.add(unanswered(due));
            }
        }

        void cancel(SensorEvent ok) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                PendingWarning w = it.next();
                if (w.answeredBy(ok.at())) {
                    it.remove();
                    cancelled.add(new CancelledWarning(w, ok));
                }
            }
        }

        void stage(Alert a, Instant now) {
            Optional<Duration> window = policy.windowFor(a.type());
            boolean repeat = pending.stream().anyMatch(w -> w.alert().key().equals(a.key()));
            if (repeat) {
                return;
            }
            if (window.isEmpty() || pending.size() >= WarningState.MAX_PENDING) {
                raise.add(a);
                return;
            }
            Instant warnedAt = a.raisedAt().isAfter(now) ? a.raisedAt() : now;
            PendingWarning w = new PendingWarning(a, warnedAt, warnedAt.plus(window.get()));
            pending.add(w);
            pending.sort(java.util.Comparator.comparing(PendingWarning::deadline).thenComparing(p -> p.alert().key()));
            warn.add(w);
        }

        WarningStep step() {
            return new WarningStep(new WarningState(pending), raise, warn, cancelled, unanswered);
        }
    }
}
