package org.hearth.simulator.evaluate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.SensorEvent;

/**
 * One home of a UCI ADL dataset: its sensors and their activations, and the event streams the gateway would have
 * seen, in normal living and after a collapse.
 *
 * <p><b>From activations to events</b>, as the home's sensors would report them:
 * <ul>
 *   <li>PIR: {@link EventKind#MOTION} at the start, again every {@link #MOTION_REPORT_INTERVAL} while the interval
 *       lasts (a motion sensor keeps reporting continuing movement, as Zigbee PIRs do after their blind time), and
 *       {@link EventKind#NO_MOTION} at the end;</li>
 *   <li>Magnetic: {@link EventKind#CONTACT_OPEN} at the start, {@link EventKind#CONTACT_CLOSED} at the end;</li>
 *   <li>Pressure: {@link EventKind#OCCUPIED} at the start, {@link EventKind#VACATED} at the end;</li>
 *   <li>Flush: {@link EventKind#FLUSH} at the start (the end is the cistern refilling, not the person);</li>
 *   <li>Electric: {@link EventKind#APPLIANCE_ON} at the start, {@link EventKind#APPLIANCE_OFF} at the end;</li>
 *   <li>anything else: {@link EventKind#MOTION} at the start.</li>
 * </ul>
 * Events are sorted by instant; ties keep the order of the file (rows are not strictly sorted in the originals).
 *
 * <p><b>A collapse at instant {@code t}</b> ({@link #eventsWithCollapseAt}): the person falls at {@code t} and lies
 * still, so no sensor sees them again. Every event before {@code t} happens as recorded. Of the intervals still
 * running at {@code t}: a pressure mat is vacated at {@code t} (to fall, the person got up: a fall from a bed or a
 * chair leaves the mat empty); a PIR reports no motion at {@code t}; an appliance switches itself off when the
 * recording says it did (the microwave's timer runs out); a door, fridge or cupboard left open stays open (nobody
 * closes it); a flush already running is over. Nothing after {@code t} happens.
 *
 * @param name        the home's name (the file name without {@code _Sensors.txt})
 * @param source      the sensors file read
 * @param zone        the zone the file's local times were read in
 * @param layout      the sensors' roles and rooms
 * @param activations the rows, sorted by start (file order for equal starts); immutable
 */
public record UciAdlHome(String name, Path source, ZoneId zone, HomeLayout layout, List<Activation> activations) {

    /** How often a motion sensor reports movement that goes on. */
    public static final Duration MOTION_REPORT_INTERVAL = Duration.ofSeconds(60);

    /**
     * Validates the home and sorts and copies the activations.
     *
     * @param name see the record description
     * @param source see the record description
     * @param zone see the record description
     * @param layout see the record description
     * @param activations see the record description
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if there are no activations
     */
    public UciAdlHome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(layout, "layout");
        List<Activation> sorted = new ArrayList<>(activations);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("home " + name + " has no activations");
        }
        sorted.sort(Comparator.comparing(Activation::start)); // stable: file order for equal starts
        activations = List.copyOf(sorted);
    }

    /**
     * The same home as if one sensor had never been installed: its rows and its place in the layout removed. For
     * robustness studies (how much does detection lean on each sensor?), never for tuning.
     *
     * @param sensorId a sensor id
     * @return the home without it; this home if it has no such sensor
     * @throws IllegalArgumentException if no row would remain
     */
    public UciAdlHome without(String sensorId) {
        if (!layout.sensors().containsKey(sensorId)
                && activations.stream().noneMatch(a -> a.sensorId().equals(sensorId))) {
            return this;
        }
        java.util.Map<String, org.hearth.rules.model.SensorPlacement> placements =
                new java.util.TreeMap<>(layout.sensors());
        placements.remove(sensorId);
        return new UciAdlHome(name + " without " + sensorId, source, zone, new HomeLayout(placements),
                activations.stream().filter(a -> !a.sensorId().equals(sensorId)).toList());
    }

    /**
     * The first instant of the log.
     *
     * @return the earliest start
     */
    public Instant first() {
        return activations.get(0).start();
    }

    /**
     * The last instant of the log.
     *
     * @return the latest end
     */
    public Instant last() {
        return activations.stream().map(Activation::end).max(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * Everything the sensors reported in normal living.
     *
     * @return all events, sorted by instant
     */
    public List<SensorEvent> events() {
        List<SensorEvent> events = new ArrayList<>();
        for (Activation a : activations) {
            addEvents(a, a.end().plusNanos(1), events); // every event of the interval, its end included
        }
        return sorted(events);
    }

    /**
     * What the sensors report if the resident collapses at {@code t} (see the class description).
     *
     * @param t the instant of the collapse
     * @return the events, sorted by instant
     */
    public List<SensorEvent> eventsWithCollapseAt(Instant t) {
        List<SensorEvent> events = new ArrayList<>();
        for (Activation a : activations) {
            if (!a.start().isBefore(t)) {
                continue;
            }
            addEvents(a, t, events);
            if (a.end().isBefore(t)) {
                continue;
            }
            switch (a.type()) {
                case PRESSURE -> events.add(SensorEvent.of(a.sensorId(), EventKind.VACATED, t));
                case PIR -> events.add(SensorEvent.of(a.sensorId(), EventKind.NO_MOTION, t));
                case ELECTRIC -> events.add(SensorEvent.of(a.sensorId(), EventKind.APPLIANCE_OFF, a.end()));
                case MAGNETIC, FLUSH, UNKNOWN -> {
                    // left open, or already over: nothing more to report
                }
            }
        }
        return sorted(events);
    }

    /** The events of {@code a} strictly before {@code until}. */
    private static void addEvents(Activation a, Instant until, List<SensorEvent> out) {
        String id = a.sensorId();
        switch (a.type()) {
            case PIR -> {
                Instant t = a.start();
                while (t.isBefore(a.end()) && t.isBefore(until)) {
                    out.add(SensorEvent.of(id, EventKind.MOTION, t));
                    t = t.plus(MOTION_REPORT_INTERVAL);
                }
                addIfBefore(SensorEvent.of(id, EventKind.NO_MOTION, a.end()), until, out);
            }
            case MAGNETIC -> {
                addIfBefore(SensorEvent.of(id, EventKind.CONTACT_OPEN, a.start()), until, out);
                addIfBefore(SensorEvent.of(id, EventKind.CONTACT_CLOSED, a.end()), until, out);
            }
            case PRESSURE -> {
                addIfBefore(SensorEvent.of(id, EventKind.OCCUPIED, a.start()), until, out);
                addIfBefore(SensorEvent.of(id, EventKind.VACATED, a.end()), until, out);
            }
            case FLUSH -> addIfBefore(SensorEvent.of(id, EventKind.FLUSH, a.start()), until, out);
            case ELECTRIC -> {
                addIfBefore(SensorEvent.of(id, EventKind.APPLIANCE_ON, a.start()), until, out);
                addIfBefore(SensorEvent.of(id, EventKind.APPLIANCE_OFF, a.end()), until, out);
            }
            case UNKNOWN -> addIfBefore(SensorEvent.of(id, EventKind.MOTION, a.start()), until, out);
        }
    }

    private static void addIfBefore(SensorEvent e, Instant until, List<SensorEvent> out) {
        if (e.at().isBefore(until)) {
            out.add(e);
        }
    }

    private static List<SensorEvent> sorted(List<SensorEvent> events) {
        events.sort(Comparator.comparing(SensorEvent::at)); // stable
        return List.copyOf(events);
    }
}
