package org.hearth.simulator.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the resident is over the run (contiguous segments) plus point stimuli (doors, kettle, presses, faults).
 * Injections {@link #overlay overlay} segments: whatever the routine had planned for that span gives way.
 */
public final class Plan {
    /** How the resident occupies a room: moving about, resting (one report on entry), out, or lying still. */
    public enum Mode { ACTIVE, RESTING, OUT, STILL }

    /** The resident in {@code room} from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Segment(Instant start, Instant end, String room, Mode mode) {
        boolean overlaps(Instant s, Instant e) {
            return start.isBefore(e) && s.isBefore(end);
        }
    }

    private final List<Segment> segments = new ArrayList<>();
    private final List<Stimulus> points = new ArrayList<>();

    /** Appends a segment after the last one; an empty one is dropped. */
    public void add(Segment s) {
        if (s.start().isBefore(s.end())) {
            segments.add(s);
        }
    }

    /** Adds a point stimulus. */
    public void point(Stimulus s) {
        points.add(s);
    }

    /**
     * Puts {@code s} over whatever was planned for its span: overlapped segments are cut back, and the resident's
     * own point stimuli (doors, kettle) in that span are removed; world faults and sensor reports stay.
     */
    public void overlay(Segment s) {
        List<Segment> out = new ArrayList<>();
        for (Segment old : segments) {
            if (!old.overlaps(s.start(), s.end())) {
                out.add(old);
                continue;
            }
            if (old.start().isBefore(s.start())) {
                out.add(new Segment(old.start(), s.start(), old.room(), old.mode()));
            }
            if (s.end().isBefore(old.end())) {
                out.add(new Segment(s.end(), old.end(), old.room(), old.mode()));
            }
        }
        out.add(s);
        out.sort(Comparator.comparing(Segment::start));
        segments.clear();
        segments.addAll(out);
        points.removeIf(p -> p.action().isActivity() && !p.at().isBefore(s.start()) && p.at().isBefore(s.end()));
    }

    /** Removes every point stimulus of {@code sensorId} at or after {@code from}. */
    public void silenceSensorFrom(String sensorId, Instant from) {
        points.removeIf(p -> p.action().sensorId().equals(sensorId) && !p.at().isBefore(from));
    }

    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    public List<Stimulus> points() {
        return List.copyOf(points);
    }

    /** The segment at {@code t}, if any. */
    public java.util.Optional<Segment> at(Instant t) {
        return segments.stream().filter(s -> !t.isBefore(s.start()) && t.isBefore(s.end())).findFirst();
    }
}
