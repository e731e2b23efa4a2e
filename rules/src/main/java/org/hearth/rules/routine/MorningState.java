package org.hearth.rules.routine;

import java.time.Instant;
import java.time.LocalDate;
import org.hearth.rules.model.SensorEvent;

/**
 * What the missed-morning rule remembers: an immutable value of bounded size.
 *
 * @param lastAt          the latest event instant applied, or null; older events are ignored
 * @param day             the local date being watched, or null before the first event
 * @param done            whether that day's morning is settled: its routine was seen, its alert raised, or it is not
 *                        watched (the resident was out, the gateway started after the morning had begun)
 * @param lastActivity    the latest activity anywhere, or null
 * @param silenceOnset    the onset of the latest silence alert (inactivity or absence) the home raised, or null
 * @param silenceRaisedAt when that alert was raised, or null
 * @param firsts          the learnt local times of the first morning activity, as time after
 *                        {@link RoutineWatchPolicy#morningFrom()}; null stands for none
 */
public record MorningState(Instant lastAt, LocalDate day, boolean done, SensorEvent lastActivity,
                           Instant silenceOnset, Instant silenceRaisedAt, StayHistogram firsts) {

    private static final MorningState INITIAL = new MorningState(null, null, false, null, null, null, null);

    /**
     * Defaults a null histogram.
     *
     * @param lastAt see the record description
     * @param day see the record description
     * @param done see the record description
     * @param lastActivity see the record description
     * @param silenceOnset see the record description
     * @param silenceRaisedAt see the record description
     * @param firsts see the record description
     */
    public MorningState {
        firsts = firsts == null ? StayHistogram.empty(StayHistogram.Scale.LINEAR) : firsts;
        if ((silenceOnset == null) != (silenceRaisedAt == null)) {
            throw new IllegalArgumentException("silenceOnset and silenceRaisedAt go together");
        }
    }

    /**
     * Nothing seen, nothing learnt.
     *
     * @return the initial state
     */
    public static MorningState initial() {
        return INITIAL;
    }

    MorningState with(Instant newLastAt, LocalDate newDay, boolean newDone, SensorEvent newLastActivity,
            StayHistogram newFirsts) {
        return new MorningState(newLastAt, newDay, newDone, newLastActivity, silenceOnset, silenceRaisedAt, newFirsts);
    }
}
