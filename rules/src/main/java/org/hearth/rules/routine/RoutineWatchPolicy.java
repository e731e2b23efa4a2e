package org.hearth.rules.routine;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The clinician's settings of the routine detectors for one home, and how they learn.
 *
 * @param zone            the home's time zone; every window is local time there
 * @param bathroom        bounds of a bathroom stay (learnt from this resident's stays)
 * @param night           the night window of the bed-exit rule
 * @param bedExit         bounds of a night out of bed (learnt from this resident's night trips)
 * @param doorNight       the window in which opening the front door raises an alert
 * @param doorGrace       how long the resident has, after opening the front door at night, to close it and be seen
 *                        inside again (locking up, a glance outside) before the alert
 * @param morningFrom     the earliest local time activity counts as the start of the day
 * @param morningEarliest the earliest local time a missed morning routine may be alerted
 * @param morningFallback the local time by which the morning routine must have started, while learning
 * @param morningLatest   the latest local time by which it must have started, however late the resident usually rises
 * @param morningMargin   how long after their usual (high percentile) first morning activity
 * @param morningQuantile the percentile of the first morning activity times taken as usual, in (0, 1]
 * @param learningPeriod  how long each detector learns before its learnt allowance replaces the fallback
 * @param halfLife        how fast old observations are forgotten; at least a day
 */
public record RoutineWatchPolicy(ZoneId zone, StayLimits bathroom, LocalWindow night, StayLimits bedExit,
                                 LocalWindow doorNight, Duration doorGrace, LocalTime morningFrom,
                                 LocalTime morningEarliest, LocalTime morningFallback, LocalTime morningLatest,
                                 Duration morningMargin, double morningQuantile, Duration learningPeriod,
                                 Duration halfLife) {

    /**
     * Validates the policy.
     *
     * @param zone see the record description
     * @param bathroom see the record description
     * @param night see the record description
     * @param bedExit see the record description
     * @param doorNight see the record description
     * @param doorGrace see the record description
     * @param morningFrom see the record description
     * @param morningEarliest see the record description
     * @param morningFallback see the record description
     * @param morningLatest see the record description
     * @param morningMargin see the record description
     * @param morningQuantile see the record description
     * @param learningPeriod see the record description
     * @param halfLife see the record description
     * @throws IllegalArgumentException unless {@code morningFrom < morningEarliest <= morningFallback <=
     *                                  morningLatest}, durations are positive and the half-life is at least a day
     */
    public RoutineWatchPolicy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(bathroom, "bathroom");
        Objects.requireNonNull(night, "night");
        Objects.requireNonNull(bedExit, "bedExit");
        Objects.requireNonNull(doorNight, "doorNight");
        Objects.requireNonNull(doorGrace, "doorGrace");
        Objects.requireNonNull(morningFrom, "morningFrom");
        Objects.requireNonNull(morningEarliest, "morningEarliest");
        Objects.requireNonNull(morningFallback, "morningFallback");
        Objects.requireNonNull(morningLatest, "morningLatest");
        Objects.requireNonNull(morningMargin, "morningMargin");
        Objects.requireNonNull(learningPeriod, "learningPeriod");
        Objects.requireNonNull(halfLife, "halfLife");
        if (!morningFrom.isBefore(morningEarliest) || morningFallback.isBefore(morningEarliest)
                || morningLatest.isBefore(morningFallback)) {
            throw new IllegalArgumentException("need morningFrom < morningEarliest <= morningFallback <= "
                    + "morningLatest");
        }
        if (doorGrace.isNegative() || morningMargin.isNegative() || learningPeriod.isNegative()
                || halfLife.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("durations must not be negative and halfLife at least a day");
        }
    }

    /**
     * Clinician-style defaults for a UK home.
     * <table>
     *   <caption>Defaults</caption>
     *   <tr><th>Rule</th><th>Setting</th><th>Why</th></tr>
     *   <tr><td>bathroom dwell</td><td>p95 of the stays × 2, within 20 min - 60 min; 45 min while learning</td>
     *       <td>a long bath is normal, an hour without coming out is not</td></tr>
     *   <tr><td>bed exit</td><td>night 22:00-07:00; p90 of the night trips × 2, within 30 min - 60 min; 45 min
     *       while learning</td><td>a toilet trip takes minutes; a fall on the way is the night's worst risk</td></tr>
     *   <tr><td>door at night</td><td>23:00-06:00, 5 min grace</td><td>locking up or a glance outside is not
     *       wandering; leaving and closing the door behind is</td></tr>
     *   <tr><td>morning</td><td>from 05:00; p90 of the first activity + 1 h, between 07:30 and 11:00; 11:00 while
     *       learning</td><td>a late riser is not a missed morning, a resident not up by 11:00 is; until this
     *       resident's mornings are known, only the clinician's latest is</td></tr>
     *   <tr><td>learning</td><td>7 days, half-life 30 days</td><td>as the inactivity routine</td></tr>
     * </table>
     *
     * @param zone the home's time zone
     * @return the defaults
     */
    public static RoutineWatchPolicy ukDefault(ZoneId zone) {
        return new RoutineWatchPolicy(zone,
                new StayLimits(Duration.ofMinutes(20), Duration.ofMinutes(45), Duration.ofMinutes(60), 0.95, 2),
                new LocalWindow(LocalTime.of(22, 0), LocalTime.of(7, 0)),
                new StayLimits(Duration.ofMinutes(30), Duration.ofMinutes(45), Duration.ofMinutes(60), 0.9, 2),
                new LocalWindow(LocalTime.of(23, 0), LocalTime.of(6, 0)), Duration.ofMinutes(5),
                LocalTime.of(5, 0), LocalTime.of(7, 30), LocalTime.of(11, 0), LocalTime.of(11, 0),
                Duration.ofHours(1), 0.9, Duration.ofDays(7), Duration.ofDays(30));
    }
}
