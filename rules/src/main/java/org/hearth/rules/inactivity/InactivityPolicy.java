package org.hearth.rules.inactivity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How long a resident may be quiet, by local time of day in the home's zone.
 *
 * <p><b>Bands.</b> The bands cover the local day cyclically: band <i>i</i> runs from its start to the next band's
 * start, and the last band wraps to the first band's start on the next day. The band <em>containing</em> an
 * instant is chosen by the instant's local wall-clock time of day in {@link #zone()}: the band with the latest
 * start at or before that time, or the last band if that time is before every start.
 *
 * <p><b>Deadline.</b> {@link #deadlineAfter(Instant)} is the earliest instant {@code t} after the last activity at
 * which the silence so far, {@code t - lastActivity} in real elapsed time, reaches the allowance of the band
 * containing {@code t}. So a short band that begins after a long quiet stretch catches it at its start: with
 * night 22:00 allowing 10 h and morning 09:00 allowing 3 h, someone last active at 23:30 and still quiet at 09:00
 * is due at 09:00, not at 09:30.
 *
 * <p><b>Clock changes.</b> Allowances are real elapsed durations, never wall-clock differences, and bands follow
 * the wall clock, exactly as {@link #bandAt(Instant)} reads it:
 * <ul>
 *   <li><i>Spring forward</i> (Europe/London: 01:00 GMT jumps to 02:00 BST, a 23 h day). A band whose start falls
 *       in the skipped hour begins at the moment the clocks go forward, because from that instant the wall clock
 *       reads a time at or after its start. (Java's usual resolution would move it to one hour after its start,
 *       02:30 BST for 01:30, which would disagree with what the wall clock and {@link #bandAt} say.)</li>
 *   <li><i>Fall back</i> (02:00 BST returns to 01:00 GMT, a 25 h day). A band whose start falls in the repeated
 *       hour begins at both occurrences of that local time, and in between, once the clocks have gone back, the
 *       band before it applies again, just as a person reading the wall clock would say. Starts outside the
 *       changed hour (the usual case, and every start of {@link #ukDefault}) are unaffected apart from the night
 *       being an hour shorter or longer in real time.</li>
 * </ul>
 *
 * @param zone  the home's time zone, for example {@code Europe/London}
 * @param bands the bands, in any order, with distinct starts; at least one. Stored sorted by start, as an
 *              immutable list
 */
public record InactivityPolicy(ZoneId zone, List<QuietBand> bands) {

    /**
     * Validates the policy and sorts the bands by start.
     *
     * @param zone see the record description
     * @param bands see the record description
     * @throws NullPointerException     if the zone, the list or a band is null
     * @throws IllegalArgumentException if there is no band or two bands start at the same time
     */
    public InactivityPolicy {
        Objects.requireNonNull(zone, "zone");
        List<QuietBand> sorted = new ArrayList<>(List.copyOf(Objects.requireNonNull(bands, "bands")));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("an inactivity policy needs at least one band");
        }
        sorted.sort(Comparator.comparing(QuietBand::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().equals(sorted.get(i - 1).start())) {
                throw new IllegalArgumentException("two bands start at " + sorted.get(i).start());
            }
        }
        bands = List.copyOf(sorted);
    }

    /**
     * Clinician-style defaults for a resident whose own rhythm has not been learnt yet. They err towards few false
     * alarms; a policy learnt from the resident's history within clinician-set bounds ({@link RoutinePolicy}) should
     * replace them.
     * <table>
     *   <caption>Default bands</caption>
     *   <tr><th>Band</th><th>Allowed silence</th><th>Why</th></tr>
     *   <tr><td>22:00-09:00 night</td><td>10 h</td><td>a night's sleep plus margin; any movement (a bathroom
     *       visit) restarts it</td></tr>
     *   <tr><td>09:00-12:00 morning</td><td>3 h</td><td>most people are up by 09:00: someone quiet since the
     *       night is due at 09:00</td></tr>
     *   <tr><td>12:00-18:00 afternoon</td><td>3 h</td><td>allows a nap or a long sit</td></tr>
     *   <tr><td>18:00-22:00 evening</td><td>4 h</td><td>dozing in front of the television</td></tr>
     * </table>
     *
     * @param zone the home's time zone
     * @return the default policy
     */
    public static InactivityPolicy ukDefault(ZoneId zone) {
        return new InactivityPolicy(zone, List.of(
                new QuietBand(LocalTime.of(9, 0), Duration.ofHours(3)),
                new QuietBand(LocalTime.of(12, 0), Duration.ofHours(3)),
                new QuietBand(LocalTime.of(18, 0), Duration.ofHours(4)),
                new QuietBand(LocalTime.of(22, 0), Duration.ofHours(10))));
    }

    /**
     * A policy with the same allowance all day (one band starting at midnight).
     *
     * @param zone      the home's time zone
     * @param allowance the allowed silence
     * @return the policy
     */
    public static InactivityPolicy constant(ZoneId zone, Duration allowance) {
        return new InactivityPolicy(zone, List.of(new QuietBand(LocalTime.MIDNIGHT, allowance)));
    }

    /**
     * The band containing {@code t}: the band with the latest start at or before {@code t}'s local time of day,
     * or the last band if there is none.
     *
     * @param t an instant
     * @return the band that applies at {@code t}
     */
    public QuietBand bandAt(Instant t) {
        Objects.requireNonNull(t, "t");
        LocalTime local = LocalTime.ofInstant(t, zone);
        for (int i = bands.size() - 1; i >= 0; i--) {
            if (!bands.get(i).start().isAfter(local)) {
                return bands.get(i);
            }
        }
        return bands.get(bands.size() - 1);
    }

    /**
     * The allowed silence at {@code t}.
     *
     * @param t an instant
     * @return {@code bandAt(t).allowance()}
     */
    public Duration allowanceAt(Instant t) {
        return bandAt(t).allowance();
    }

    /**
     * Where {@code band} ends: the next band's start (the first band's start, next day, for the last band).
     *
     * @param band a band of this policy
     * @return the local time at which the band ends; equal to its start when the policy has a single band
     * @throws IllegalArgumentException if the band is not one of this policy's
     */
    public LocalTime endOf(QuietBand band) {
        int i = bands.indexOf(band);
        if (i < 0) {
            throw new IllegalArgumentException("not a band of this policy: " + band);
        }
        return bands.get((i + 1) % bands.size()).start();
    }

    /**
     * The instant at which silence since {@code lastActivity} stops being normal: the earliest {@code t} after
     * {@code lastActivity} with {@code t - lastActivity >= allowanceAt(t)}.
     *
     * <p>Computed exactly by walking forward over the stretches in which one band applies: for each stretch
     * {@code [start, end)} the candidate is {@code max(start, lastActivity + allowance of its band)}, and the first
     * candidate that falls before its stretch's end is the answer. Stretches end at each occurrence of a band start
     * in the zone and at each of the zone's offset transitions, so clock-change days are exact (see the class
     * description). The walk never goes further than {@link QuietBand#MAX_ALLOWANCE} past {@code lastActivity}.
     *
     * @param lastActivity the instant of the last activity
     * @return the deadline, strictly after {@code lastActivity}
     */
    public Instant deadlineAfter(Instant lastActivity) {
        Objects.requireNonNull(lastActivity, "lastActivity");
        Instant start = lastActivity;
        while (true) {
            Instant end = nextBoundaryAfter(start);
            Instant due = lastActivity.plus(allowanceAt(start));
            Instant candidate = due.isAfter(start) ? due : start;
            if (candidate.isBefore(end)) {
                return candidate;
            }
            start = end;
        }
    }

    /**
     * The first instant after {@code x} at which the band in force may change: an occurrence of a band start, or
     * one of the zone's offset transitions. A band start that does not exist locally (clocks going forward)
     * occurs at the transition; one that exists twice (clocks going back) occurs twice.
     */
    Instant nextBoundaryAfter(Instant x) {
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition transition = rules.nextTransition(x);
        Instant best = transition == null ? null : transition.getInstant();
        LocalDate day = LocalDate.ofInstant(x, zone).minusDays(1);
        // The next day always holds a start after x; going further is only for zones that skip whole days.
        for (int d = 0; d < 7; d++, day = day.plusDays(1)) {
            for (QuietBand band : bands) {
                for (Instant occurrence : occurrences(rules, day.atTime(band.start()))) {
                    if (occurrence.isAfter(x) && (best == null || occurrence.isBefore(best))) {
                        best = occurrence;
                    }
                }
            }
            if (best != null && d >= 2) {
                return best;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no band start within a week after " + x + " in " + zone);
        }
        return best;
    }

    /**
     * The first instant after {@code x} at which a new local hour begins or the zone's offset changes: the same as
     * {@link #nextBoundaryAfter} of a policy with a band at every whole hour, without walking 24 bands over three
     * days. Until the next offset transition the wall clock runs evenly, so the first whole hour it reaches is the
     * one after {@code x}'s local hour; a transition before that is the answer instead.
     */
    static Instant nextHourBoundaryAfter(Instant x, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        ZoneOffsetTransition transition = rules.nextTransition(x);
        Instant best = transition == null ? null : transition.getInstant();
        LocalDateTime nextHour = LocalDateTime.ofInstant(x, zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        for (Instant occurrence : occurrences(rules, nextHour)) {
            if (occurrence.isAfter(x) && (best == null || occurrence.isBefore(best))) {
                best = occurrence;
            }
        }
        return best;
    }

    /** The instants at which the wall clock in this zone reaches {@code local}. */
    private static List<Instant> occurrences(ZoneRules rules, LocalDateTime local) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            // In a gap: the wall clock passes this time at the moment it jumps forward (that transition is a
            // boundary in its own right too; naming it here keeps each start's occurrences complete).
            return List.of(rules.getTransition(local).getInstant());
        }
        List<Instant> instants = new ArrayList<>(offsets.size());
        for (ZoneOffset offset : offsets) {
            instants.add(local.toInstant(offset));
        }
        return instants;
    }
}
