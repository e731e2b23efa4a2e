package org.hearth.rules.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorPlacement;
import org.hearth.rules.model.SensorRole;

/**
 * Summarises one local day from the journal's events, reading roles and rooms from the home's layout.
 *
 * <p>The events must cover {@link #from(LocalDate)} (noon the day before) to the day's end: the hours before
 * midnight give the state the day starts in (in bed, out, last room) and hold the start of the night window. Events
 * outside that span are ignored; duplicates count once; order does not matter.
 *
 * <ul>
 *   <li><b>Activity</b>: events whose kind {@link EventKind#isActivity() is activity}.</li>
 *   <li><b>Room transitions</b>: activity in a room other than the room of the previous activity; sensors in
 *       {@link Room#OTHER} (or unknown to the layout) say nothing about rooms and are skipped.</li>
 *   <li><b>Night bathroom visits</b>: episodes of activity in the bathroom (or of a toilet flush) starting in the
 *       night window; activity in another room, or a gap longer than {@link SummaryPolicy#bathroomGap()}, ends one.</li>
 *   <li><b>Time in bed</b>: time any {@link SensorRole#BED} mat was last read {@link EventKind#OCCUPIED}.</li>
 *   <li><b>Time out of home</b>: the engine's rule ({@code Whereabouts}, {@code RulesEngine}): a front door used
 *       after activity inside, closed, then silence of at least {@link SummaryPolicy#awayAfter()}; out from the door
 *       to the next activity (or the end of the day).</li>
 *   <li><b>Kettle uses</b>: {@link EventKind#APPLIANCE_ON} of an {@link SensorRole#APPLIANCE} not already on, or
 *       last switched on at least {@link SummaryPolicy#applianceRepeat()} before.</li>
 * </ul>
 * Deterministic: the same events, day, layout and policy always give the same summary.
 */
public final class DailySummariser {
    private static final Comparator<SensorEvent> ORDER = Comparator.comparing(SensorEvent::at)
            .thenComparing(SensorEvent::sensorId).thenComparing(SensorEvent::kind)
            .thenComparing(SensorEvent::detail);

    private final HomeLayout layout;
    private final SummaryPolicy policy;

    /**
     * A summariser for one home.
     *
     * @param layout the home's sensors: roles and rooms
     * @param policy windows and thresholds
     */
    public DailySummariser(HomeLayout layout, SummaryPolicy policy) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The start of the events a day's summary needs: local noon of the day before.
     *
     * @param day the local day
     * @return the instant
     */
    public Instant from(LocalDate day) {
        return ZonedDateTime.of(day.minusDays(1), LocalTime.NOON, policy.zone()).toInstant();
    }

    /**
     * The end of a day: the next local midnight.
     *
     * @param day the local day
     * @return the instant
     */
    public Instant to(LocalDate day) {
        return day.plusDays(1).atStartOfDay(policy.zone()).toInstant();
    }

    /**
     * Summarises {@code day}, without deviations (see {@link Baseline#deviations}).
     *
     * @param day               the local day
     * @param events            the journal's events, see the class description
     * @param cancelledWarnings staged warnings cancelled during the day (counted by the gateway's store)
     * @return the summary
     */
    public DailySummary summarise(LocalDate day, List<SensorEvent> events, int cancelledWarnings) {
        Instant from = from(day);
        Instant start = day.atStartOfDay(policy.zone()).toInstant();
        Instant end = to(day);
        Instant nightStart = ZonedDateTime.of(day.minusDays(1), policy.nightStart(), policy.zone()).toInstant();
        Instant nightEnd = ZonedDateTime.of(day, policy.nightEnd(), policy.zone()).toInstant();
        TreeSet<SensorEvent> ordered = new TreeSet<>(ORDER);
        for (SensorEvent e : events) {
            if (!e.at().isBefore(from) && e.at().isBefore(end)) {
                ordered.add(e);
            }
        }
        Pass pass = new Pass(start, end, nightStart, nightEnd);
        ordered.forEach(pass::accept);
        pass.finish();
        return new DailySummary(day, policy.zone(), start, end, nightStart, nightEnd,
                Arrays.stream(pass.hours).boxed().toList(), pass.transitions, pass.bathroomVisits,
                pass.inBed, pass.out, pass.first, pass.last, pass.kettle, cancelledWarnings, List.of());
    }

    /** One walk through the ordered events, keeping the state the measures need. */
    private final class Pass {
        private final Instant start;
        private final Instant end;
        private final Instant nightStart;
        private final Instant nightEnd;
        final int[] hours = new int[24];
        int transitions;
        int bathroomVisits;
        int kettle;
        Duration inBed = Duration.ZERO;
        Duration out = Duration.ZERO;
        Instant first;
        Instant last;

        private Room room;
        private Instant lastBathroom;
        private final Map<String, Boolean> beds = new HashMap<>();
        private Instant inBedSince;
        private final Map<String, SensorEvent> appliances = new HashMap<>();
        private final Map<String, Instant> lastSwitchOn = new HashMap<>();
        // Whereabouts, as the engine keeps them.
        private Instant lastActivityAt;
        private boolean doorOpen;
        private boolean insideSinceArrival = true;
        private boolean departed;

        Pass(Instant start, Instant end, Instant nightStart, Instant nightEnd) {
            this.start = start;
            this.end = end;
            this.nightStart = nightStart;
            this.nightEnd = nightEnd;
        }

        void accept(SensorEvent e) {
            SensorPlacement where = layout.placementOf(e.sensorId());
            bed(e, where.role());
            appliance(e, where.role());
            if (e.kind().isActivity()) {
                activity(e, where);
            }
        }

        private void bed(SensorEvent e, SensorRole role) {
            if (role != SensorRole.BED || (e.kind() != EventKind.OCCUPIED && e.kind() != EventKind.VACATED)) {
                return;
            }
            boolean wasInBed = beds.containsValue(Boolean.TRUE);
            beds.put(e.sensorId(), e.kind() == EventKind.OCCUPIED);
            boolean nowInBed = beds.containsValue(Boolean.TRUE);
            if (!wasInBed && nowInBed) {
                inBedSince = e.at();
            } else if (wasInBed && !nowInBed) {
                inBed = inBed.plus(overlap(inBedSince, e.at()));
                inBedSince = null;
            }
        }

        private void appliance(SensorEvent e, SensorRole role) {
            if (role != SensorRole.APPLIANCE
                    || (e.kind() != EventKind.APPLIANCE_ON && e.kind() != EventKind.APPLIANCE_OFF)) {
                return;
            }
            SensorEvent previous = appliances.put(e.sensorId(), e);
            if (e.kind() != EventKind.APPLIANCE_ON) {
                return;
            }
            Instant lastOn = lastSwitchOn.get(e.sensorId());
            boolean alreadyOn = previous != null && previous.kind() == EventKind.APPLIANCE_ON;
            // A plug reporting power every few seconds while the kettle boils is one use, not dozens.
            boolean newUse = !alreadyOn || !e.at().isBefore(lastOn.plus(policy.applianceRepeat()));
            if (newUse) {
                lastSwitchOn.put(e.sensorId(), e.at());
                if (inDay(e.at())) {
                    kettle++;
                }
            }
        }

        private void activity(SensorEvent e, SensorPlacement where) {
            whereabouts(e, where.role());
            if (inDay(e.at())) {
                hours[e.at().atZone(policy.zone()).getHour()]++;
                first = first == null ? e.at() : first;
                last = e.at();
            }
            boolean bathroom = where.room() == Room.BATHROOM || where.role() == SensorRole.TOILET_FLUSH;
            if (bathroom) {
                boolean sameVisit = room == Room.BATHROOM && lastBathroom != null
                        && !e.at().isAfter(lastBathroom.plus(policy.bathroomGap()));
                if (!sameVisit && !e.at().isBefore(nightStart) && e.at().isBefore(nightEnd)) {
                    bathroomVisits++;
                }
                lastBathroom = e.at();
            }
            Room now = bathroom ? Room.BATHROOM : where.room();
            if (now != Room.OTHER) {
                if (room != null && now != room && inDay(e.at())) {
                    transitions++;
                }
                room = now;
            }
        }

        /** The engine's whereabouts: a quiet period behind a closed front door long enough is time out. */
        private void whereabouts(SensorEvent e, SensorRole role) {
            boolean wentOut = false;
            if (lastActivityAt != null && departed && !doorOpen) {
                wentOut = !Duration.between(lastActivityAt, e.at()).minus(policy.awayAfter()).isNegative();
                if (wentOut) {
                    out = out.plus(overlap(lastActivityAt, e.at()));
                }
            }
            if (role == SensorRole.FRONT_DOOR) {
                if (e.kind() == EventKind.CONTACT_OPEN || e.kind() == EventKind.CONTACT_CLOSED) {
                    doorOpen = e.kind() == EventKind.CONTACT_OPEN;
                }
                departed = !wentOut && insideSinceArrival;
                insideSinceArrival = !wentOut && insideSinceArrival;
            } else {
                insideSinceArrival = true;
                departed = false;
            }
            lastActivityAt = e.at();
        }

        void finish() {
            if (inBedSince != null) {
                inBed = inBed.plus(overlap(inBedSince, end));
            }
            if (lastActivityAt != null && departed && !doorOpen
                    && !Duration.between(lastActivityAt, end).minus(policy.awayAfter()).isNegative()) {
                out = out.plus(overlap(lastActivityAt, end));
            }
        }

        private boolean inDay(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }

        private Duration overlap(Instant from, Instant to) {
            Instant a = from.isBefore(start) ? start : from;
            Instant b = to.isAfter(end) ? end : to;
            return a.isBefore(b) ? Duration.between(a, b) : Duration.ZERO;
        }
    }

    /**
     * The summary of {@code day} with its deviations from {@code baseline}, and the baseline after learning it.
     *
     * @param day               the local day
     * @param events            the journal's events, see the class description
     * @param cancelledWarnings staged warnings cancelled during the day
     * @param baseline          the baseline before the day
     * @return the summary with deviations, and the new baseline
     */
    public Result summariseAndLearn(LocalDate day, List<SensorEvent> events, int cancelledWarnings,
                                    Baseline baseline) {
        DailySummary plain = summarise(day, events, cancelledWarnings);
        DailySummary judged = plain.withDeviations(new ArrayList<>(baseline.deviations(plain, policy)));
        return new Result(judged, baseline.learn(plain, policy));
    }

    /**
     * A day's summary and the baseline that has learnt it.
     *
     * @param summary  the summary with its deviations
     * @param baseline the new baseline
     */
    public record Result(DailySummary summary, Baseline baseline) {}
}
