package org.hearth.rules.inactivity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How long a resident may be quiet, learnt from their own history within the clinician's limits.
 *
 * <p><b>Allowance.</b> At an instant {@code t}, in a {@link Situation} of context {@code c}, with the quiet period
 * begun at {@code since}:
 * <ul>
 *   <li>the clinician's {@link LimitBand} of {@code c} containing {@code t}'s local time applies (bands of a
 *       context cover the local day cyclically, exactly like {@link QuietBand}s);</li>
 *   <li>if the band is not {@linkplain LimitBand#adjustable() adjustable}, its value is the allowance;</li>
 *   <li>if {@code since} lies within the {@linkplain RoutineLearning#learningPeriod() learning period} of the
 *       routine, the band's fallback is;</li>
 *   <li>if, after it, the resident has rarely been in this situation around {@code t}'s local hour (on a share of days
 *       below {@link RoutineLearning#rareBelow()}), the band's floor is: being up and about at 03:00 is not this
 *       resident's routine, so a long silence then is not either;</li>
 *   <li>otherwise {@code clamp(learnt normal × margin, floor, ceiling)} is (see {@link RoutineLearning}).</li>
 * </ul>
 * The allowance depends on the state of the routine and on the instant's local time only, never on when it is
 * asked, so deadlines do not depend on how often the gateway ticks.
 *
 * <p><b>Deadline.</b> As for {@link InactivityPolicy#deadlineAfter(Instant)}: the earliest {@code t} at which the
 * silence reaches the allowance at {@code t}, where the allowance changes at every local hour and band start.
 * Exact across clock changes in the same way.
 *
 * @param zone       the home's time zone
 * @param limits     for every {@link QuietContext}, its bands (in any order, distinct starts, at least one);
 *                   stored sorted by start, immutable
 * @param learning   how the routine is learnt
 * @param awayAfter  how long the home must stay quiet after the front door closed behind the resident before they
 *                   count as gone out: a real outing is learnt as an absence, and the door they come back through
 *                   counts as arriving home; more than zero
 */
public record RoutinePolicy(ZoneId zone, Map<QuietContext, List<LimitBand>> limits, RoutineLearning learning,
                            Duration awayAfter) {

    /**
     * Validates the policy and sorts the bands.
     *
     * @param zone see the record description
     * @param limits see the record description
     * @param learning see the record description
     * @param awayAfter see the record description
     * @throws NullPointerException     if a component, a list or a band is null
     * @throws IllegalArgumentException if a context has no band, two bands of a context start at the same time, or
     *                                  {@code awayAfter} is not more than zero
     */
    public RoutinePolicy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(learning, "learning");
        Objects.requireNonNull(awayAfter, "awayAfter");
        if (awayAfter.isZero() || awayAfter.isNegative()) {
            throw new IllegalArgumentException("awayAfter must be more than zero");
        }
        EnumMap<QuietContext, List<LimitBand>> sorted = new EnumMap<>(QuietContext.class);
        for (QuietContext context : QuietContext.values()) {
            List<LimitBand> bands = new ArrayList<>(List.copyOf(
                    Objects.requireNonNull(limits.get(context), "limits of " + context)));
            if (bands.isEmpty()) {
                throw new IllegalArgumentException("the limits of " + context + " need at least one band");
            }
            bands.sort(Comparator.comparing(LimitBand::start));
            for (int i = 1; i < bands.size(); i++) {
                if (bands.get(i).start().equals(bands.get(i - 1).start())) {
                    throw new IllegalArgumentException("two " + context + " bands start at " + bands.get(i).start());
                }
            }
            sorted.put(context, List.copyOf(bands));
        }
        limits = Collections.unmodifiableMap(sorted);
    }

    /**
     * Clinician-style defaults for a UK home with bed and chair mats, learning with {@link RoutineLearning#defaults()}
     * and counting the resident out after 10 quiet minutes behind the front door.
     * <table>
     *   <caption>Default limits (floor / fallback while learning / ceiling)</caption>
     *   <tr><th>Context</th><th>Band</th><th>Limits</th><th>Why</th></tr>
     *   <tr><td>at home, off the mats</td><td>07:00-22:00</td><td>45m / 3h / 4h</td><td>someone up and about is
     *       rarely still for long; a quiet 45 min is never alarming by itself; fallback as the plain day
     *       bands</td></tr>
     *   <tr><td></td><td>22:00-07:00</td><td>60m / 10h / 10h</td><td>at night, off the bed, a short toilet trip is
     *       the norm once learnt; before that, a night's sleep somewhere without a mat</td></tr>
     *   <tr><td>in a chair</td><td>07:00-22:00</td><td>90m / 4h / 6h</td><td>television and naps; a whole afternoon
     *       without getting up is not</td></tr>
     *   <tr><td></td><td>22:00-07:00</td><td>2h / 10h / 12h</td><td>falling asleep in the armchair</td></tr>
     *   <tr><td>in bed</td><td>12:00-20:00</td><td>2h / 4h / 6h</td><td>a nap</td></tr>
     *   <tr><td></td><td>20:00-12:00</td><td>8h / 12h / 14h</td><td>a night; never alarming before 8 h in bed,
     *       and still in bed at noon after an evening in bed is</td></tr>
     *   <tr><td>out</td><td>all day</td><td>8h / 12h / 24h</td><td>outings vary, a day out is normal; a person not
     *       back long after their usual outings may be lost, or may have collapsed just inside the door</td></tr>
     * </table>
     *
     * @param zone the home's time zone
     * @return the default policy
     */
    public static RoutinePolicy ukDefault(ZoneId zone) {
        Map<QuietContext, List<LimitBand>> limits = new EnumMap<>(QuietContext.class);
        limits.put(QuietContext.AT_HOME, List.of(
                new LimitBand(LocalTime.of(7, 0), Duration.ofMinutes(45), Duration.ofHours(3), Duration.ofHours(4)),
                new LimitBand(LocalTime.of(22, 0), Duration.ofMinutes(60), Duration.ofHours(10),
                        Duration.ofHours(10))));
        limits.put(QuietContext.IN_CHAIR, List.of(
                new LimitBand(LocalTime.of(7, 0), Duration.ofMinutes(90), Duration.ofHours(4), Duration.ofHours(6)),
                new LimitBand(LocalTime.of(22, 0), Duration.ofHours(2), Duration.ofHours(10), Duration.ofHours(12))));
        limits.put(QuietContext.IN_BED, List.of(
                new LimitBand(LocalTime.of(12, 0), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(6)),
                new LimitBand(LocalTime.of(20, 0), Duration.ofHours(8), Duration.ofHours(12), Duration.ofHours(14))));
        limits.put(QuietContext.AWAY, List.of(
                new LimitBand(LocalTime.MIDNIGHT, Duration.ofHours(8), Duration.ofHours(12), Duration.ofHours(24))));
        return new RoutinePolicy(zone, limits, RoutineLearning.defaults(), Duration.ofMinutes(10));
    }

    /**
     * A policy that learns nothing and ignores context: {@code policy}'s bands, fixed, in every context. An engine
     * with this policy behaves exactly like one judging silence by {@code policy} alone.
     *
     * @param policy the fixed bands
     * @return the policy
     */
    public static RoutinePolicy fixed(InactivityPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        List<LimitBand> bands = policy.bands().stream().map(b -> LimitBand.fixed(b.start(), b.allowance())).toList();
        Map<QuietContext, List<LimitBand>> limits = new EnumMap<>(QuietContext.class);
        for (QuietContext context : QuietContext.values()) {
            limits.put(context, bands);
        }
        return new RoutinePolicy(policy.zone(), limits, RoutineLearning.defaults(), Duration.ofMinutes(10));
    }

    /**
     * Whether anything is learnt: some band of some context has a floor below its ceiling.
     *
     * @return true if the routine is learnt and used
     */
    public boolean learns() {
        return limits.values().stream().flatMap(List::stream).anyMatch(LimitBand::adjustable);
    }

    /**
     * The bands of one context.
     *
     * @param context the context
     * @return its bands, sorted by start
     */
    public List<LimitBand> limits(QuietContext context) {
        return limits.get(context);
    }

    /**
     * The band of {@code context} containing a local time: the one with the latest start at or before it, or the
     * last band if there is none.
     *
     * @param context the context
     * @param local   a local time of day
     * @return the band in force
     */
    public LimitBand limitAt(QuietContext context, LocalTime local) {
        List<LimitBand> bands = limits.get(context);
        for (int i = bands.size() - 1; i >= 0; i--) {
            if (!bands.get(i).start().isAfter(local)) {
                return bands.get(i);
            }
        }
        return bands.get(bands.size() - 1);
    }

    /**
     * Where a band of {@code context} ends: the next band's start.
     *
     * @param context the context
     * @param band    one of its bands
     * @return the local time at which the band ends; its own start when the context has a single band
     */
    public LocalTime endOf(QuietContext context, LimitBand band) {
        List<LimitBand> bands = limits.get(context);
        return bands.get((bands.indexOf(band) + 1) % bands.size()).start();
    }

    /**
     * The clinician's fallback bands of one context, as a plain policy.
     *
     * @param context the context
     * @return the policy allowing each band's fallback
     */
    public InactivityPolicy fallbackPolicy(QuietContext context) {
        return new InactivityPolicy(zone,
                limits.get(context).stream().map(b -> new QuietBand(b.start(), b.fallback())).toList());
    }

    /**
     * The silence allowed at instant {@code t} (see the class description).
     *
     * @param routine   what has been learnt
     * @param situation what the resident was doing when the home went quiet
     * @param since     when the quiet period began (the last activity)
     * @param t         the instant judged
     * @return the allowance and its basis
     */
    public Allowance allowanceAt(LearntRoutine routine, Situation situation, Instant since, Instant t) {
        return allowanceAt(routine, situation, since, LocalTime.ofInstant(t, zone));
    }

    /**
     * The instant at which silence since {@code lastActivity} stops being normal in {@code context}.
     *
     * @param routine      what has been learnt
     * @param situation    what the resident was doing when the home went quiet
     * @param lastActivity the last activity
     * @return the deadline, strictly after {@code lastActivity}
     */
    public Instant deadlineAfter(LearntRoutine routine, Situation situation, Instant lastActivity) {
        return effectivePolicy(routine, situation, lastActivity).deadlineAfter(lastActivity);
    }

    /**
     * The allowances of a quiet period that began at {@code since}, as a plain policy with a band at every local hour
     * and every limit band start (only the limit bands when nothing is learnt).
     *
     * @param routine   what has been learnt
     * @param situation what the resident was doing when the home went quiet
     * @param since     when the quiet period began
     * @return the policy giving the allowance at every instant of that quiet period
     */
    public InactivityPolicy effectivePolicy(LearntRoutine routine, Situation situation, Instant since) {
        QuietContext context = situation.context();
        if (!learns()) {
            return fallbackPolicy(context);
        }
        TreeSet<LocalTime> starts = new TreeSet<>();
        for (int hour = 0; hour < 24; hour++) {
            starts.add(LocalTime.of(hour, 0));
        }
        limits.get(context).forEach(b -> starts.add(b.start()));
        List<QuietBand> bands = new ArrayList<>(starts.size());
        for (LocalTime start : starts) {
            bands.add(new QuietBand(start, allowanceAt(routine, situation, since, start).allowed()));
        }
        return new InactivityPolicy(zone, bands);
    }

    private Allowance allowanceAt(LearntRoutine routine, Situation situation, Instant since, LocalTime local) {
        LimitBand band = limitAt(situation.context(), local);
        if (!band.adjustable()) {
            return new Allowance(band.fallback(), Duration.ZERO, Allowance.Basis.FIXED, band);
        }
        if (routine.learningAt(since, learning.learningPeriod())) {
            return new Allowance(band.fallback(), Duration.ZERO, Allowance.Basis.LEARNING, band);
        }
        int hour = local.getHour();
        if (routine.share(situation, hour) < learning.rareBelow()) {
            return new Allowance(band.floor(), Duration.ZERO, Allowance.Basis.RARE, band);
        }
        Duration normal = routine.normal(situation, hour, learning.quantile());
        // Whole minutes: a nurse reads "1h 14m", and a second more or less is no clinical difference.
        Duration scaled = Duration.ofMinutes(Math.round(normal.toSeconds() * learning.margin() / 60));
        Duration allowed = band.clamp(scaled);
        Allowance.Basis basis = allowed.compareTo(scaled) > 0 ? Allowance.Basis.FLOOR
                : allowed.compareTo(scaled) < 0 ? Allowance.Basis.CEILING : Allowance.Basis.LEARNT;
        return new Allowance(allowed, normal, basis, band);
    }
}
