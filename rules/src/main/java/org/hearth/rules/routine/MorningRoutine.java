package org.hearth.rules.routine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.Evidence;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorPlacement;
import org.hearth.rules.model.SensorRole;

/**
 * Missed morning routine: no kitchen, kettle or bathroom activity by the time this resident's day usually starts,
 * plus a margin.
 *
 * <p>Morning activity is activity, at or after {@link RoutineWatchPolicy#morningFrom()} local time, of a sensor in the
 * {@link Room#KITCHEN} or {@link Room#BATHROOM}, an {@link SensorRole#APPLIANCE} or a
 * {@link SensorRole#TOILET_FLUSH}. The deadline of a local day is a local time: the clinician's fallback while
 * learning, then the learnt high percentile of the first morning activity plus the margin, within the clinician's
 * earliest and latest. At the deadline, one {@link AlertType#MISSED_MORNING_ROUTINE} alert per day (onset: the day's
 * {@code morningFrom}, about the sensor of the last activity), unless:
 * <ul>
 *   <li>the resident is out (the last activity was the front door), or</li>
 *   <li>the quiet period in progress already raised an inactivity or absence alert by then (see
 *       {@link #noteSilenceAlert}): the team already knows the home is silent.</li>
 * </ul>
 * A day is watched only if the rule saw the home before its {@code morningFrom}. First morning activities before
 * {@link RoutineWatchPolicy#morningLatest()} on days without alert are learnt. Days pass by local date, so both
 * clock-change days have exactly one morning.
 */
public final class MorningRoutine {

    /** {@link Evidence#rule()} of its alerts. */
    public static final String RULE = "routine.missed-morning";

    private final HomeLayout layout;
    private final RoutineWatchPolicy policy;

    /**
     * A detector for one home.
     *
     * @param layout the home's sensors
     * @param policy the settings
     */
    public MorningRoutine(HomeLayout layout, RoutineWatchPolicy policy) {
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
    public Outcome<MorningState> onEvent(MorningState s, SensorEvent e) {
        Outcome<MorningState> tick = onTick(s, e.at());
        s = tick.state();
        if (!e.kind().isActivity() || (s.lastAt() != null && e.at().isBefore(s.lastAt()))) {
            return tick;
        }
        LocalDate day = s.day();
        boolean done = s.done();
        if (day == null) { // the first event: its day is watched only if its morning is still to come
            day = LocalDate.ofInstant(e.at(), policy.zone());
            done = !e.at().isBefore(morningStart(day));
        }
        StayHistogram firsts = s.firsts();
        if (!done && isMorningActivity(e) && !e.at().isBefore(morningStart(day))) {
            done = true;
            LocalTime local = LocalTime.ofInstant(e.at(), policy.zone());
            if (local.isBefore(policy.morningLatest())) {
                firsts = firsts.add(e.at(), Duration.between(policy.morningFrom(), local), policy.halfLife());
            }
        }
        return new Outcome<>(s.with(e.at(), day, done, e, firsts), tick.alerts());
    }

    /**
     * Remembers that the home raised a silence alert (inactivity or absence): a morning that falls in that quiet period
     * after it is not alerted again.
     *
     * @param s     the state
     * @param alert an alert of the inactivity engine; other types are ignored
     * @return the new state
     */
    public MorningState noteSilenceAlert(MorningState s, Alert alert) {
        if (alert.type() != AlertType.PROLONGED_INACTIVITY && alert.type() != AlertType.PROLONGED_ABSENCE) {
            return s;
        }
        return new MorningState(s.lastAt(), s.day(), s.done(), s.lastActivity(), alert.onset(), alert.raisedAt(),
                s.firsts());
    }

    /**
     * Lets time pass up to {@code now}: settles every watched morning whose deadline has passed, day by day.
     *
     * @param s   the state
     * @param now the current instant
     * @return the state and the alerts of those mornings
     */
    public Outcome<MorningState> onTick(MorningState s, Instant now) {
        if (s.day() == null) {
            return Outcome.quiet(s);
        }
        LocalDate today = LocalDate.ofInstant(now, policy.zone());
        MorningState cur = s;
        List<Alert> alerts = new java.util.ArrayList<>();
        while (true) {
            if (!cur.done()) {
                Instant deadline = deadline(cur, cur.day());
                if (now.isBefore(deadline)) {
                    break;
                }
                if (!excused(cur, deadline)) {
                    alerts.add(alert(cur, deadline));
                }
                cur = cur.with(cur.lastAt(), cur.day(), true, cur.lastActivity(), cur.firsts());
            }
            if (!cur.day().isBefore(today)) {
                break;
            }
            cur = cur.with(cur.lastAt(), cur.day().plusDays(1), false, cur.lastActivity(), cur.firsts());
        }
        return new Outcome<>(cur, alerts);
    }

    /**
     * The pending deadline, for a scheduler.
     *
     * @param s the state
     * @return the deadline of the watched day if it is not settled, else the next day's as learnt so far
     */
    public Optional<Instant> nextDeadline(MorningState s) {
        if (s.day() == null) {
            return Optional.empty();
        }
        return Optional.of(s.done() ? deadline(s, s.day().plusDays(1)) : deadline(s, s.day()));
    }

    private boolean excused(MorningState s, Instant deadline) {
        SensorEvent last = s.lastActivity();
        if (last != null && layout.roleOf(last.sensorId()) == SensorRole.FRONT_DOOR) {
            return true; // out
        }
        return last != null && s.silenceOnset() != null && !s.silenceOnset().isBefore(last.at())
                && !s.silenceRaisedAt().isAfter(deadline);
    }

    private boolean isMorningActivity(SensorEvent e) {
        SensorPlacement where = layout.placementOf(e.sensorId());
        return where.room() == Room.KITCHEN || where.room() == Room.BATHROOM
                || where.role() == SensorRole.APPLIANCE || where.role() == SensorRole.TOILET_FLUSH;
    }

    private Instant morningStart(LocalDate day) {
        return ZonedDateTime.of(day, policy.morningFrom(), policy.zone()).toInstant();
    }

    /** The local time by which the day must have begun, and whether it was learnt. */
    private LocalTime deadlineTime(MorningState s, LocalDate day) {
        if (!s.firsts().learntBy(morningStart(day), policy.learningPeriod())) {
            return policy.morningFallback();
        }
        long minutes = policy.morningFrom().toSecondOfDay() / 60 + s.firsts().quantile(policy.morningQuantile())
                .toMinutes() + policy.morningMargin().toMinutes();
        long earliest = policy.morningEarliest().toSecondOfDay() / 60;
        long latest = policy.morningLatest().toSecondOfDay() / 60;
        return LocalTime.ofSecondOfDay(60 * Math.max(earliest, Math.min(latest, minutes)));
    }

    private Instant deadline(MorningState s, LocalDate day) {
        return ZonedDateTime.of(day, deadlineTime(s, day), policy.zone()).toInstant();
    }

    private Alert alert(MorningState s, Instant deadline) {
        LocalDate day = s.day();
        boolean learning = !s.firsts().learntBy(morningStart(day), policy.learningPeriod());
        Duration usual = learning ? Duration.ZERO : s.firsts().quantile(policy.morningQuantile());
        SensorEvent last = s.lastActivity();
        String basis = learning ? "the clinician's setting while this resident's routine is learnt"
                : "their day usually starts by " + policy.morningFrom().plus(usual) + ", plus "
                        + Sentences.duration(policy.morningMargin()) + ", within the clinician's "
                        + policy.morningEarliest() + "-" + policy.morningLatest();
        String explanation = "No kitchen, kettle or bathroom activity this morning by "
                + Sentences.localTime(deadline, policy.zone(), deadline) + " (" + basis + "); last activity "
                + Sentences.seen(last, policy.zone(), deadline) + " (" + policy.zone().getId() + ")";
        Duration threshold = Duration.between(morningStart(day), deadline);
        Evidence evidence = new Evidence(List.of(last), RULE, threshold, threshold, explanation, usual);
        return new Alert(AlertType.MISSED_MORNING_ROUTINE, last.sensorId(), morningStart(day), deadline, evidence);
    }
}
