package org.hearth.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hearth.simulator.home.WearableSensor;
import org.hearth.simulator.scenario.Plan.Mode;
import org.hearth.simulator.scenario.Plan.Segment;

/**
 * Turns a plan into what the sensors report, in time order: a room's PIR reports on entry and, while the resident
 * moves about, again every 8 to 25 minutes, each time clearing 90 s later as real PIRs do; a radar in the room
 * reports motion alongside. Reports of stuck sensors and of Zigbee sensors while the bridge is down are dropped.
 *
 * <p>Devices also check in as real ones do, whether or not anyone uses them: every Zigbee sensor but a radar reports
 * its cached state ({@link Stimulus.CheckIn}) at its own period, drawn per device (battery devices 50 to 60 minutes,
 * as Aqara sensors and buttons do; metering plugs about every 10 minutes), each interval jittered by up to 90 s
 * (plugs 30 s), from a random phase. A device that went offline ({@link Stimulus.Availability}) stops checking in
 * until it is back (nor does it report anything else then); while the bridge is down its check-ins are dropped with its other reports. A worn accelerometer
 * sends, once an hour, one second of samples at rest (its keep-alive), never within two minutes of its other samples.
 * All of it is drawn from the seed, apart from the routine's own draws, so the same seed gives the same check-ins.
 */
public final class PlanRenderer {
    private static final Duration CLEAR_AFTER = Duration.ofSeconds(90);
    /** Sample rate of the worn accelerometer's keep-alive (the rate of its other batches). */
    static final int WEARABLE_HZ = 50;
    /** No keep-alive this close to other samples of the same wearable (they would overlap or bridge a gap). */
    private static final Duration KEEP_ALIVE_CLEARANCE = Duration.ofMinutes(2);

    private final Scenario.HomeSpec home;
    private final SplittableRandom random;
    private final long seed;

    public PlanRenderer(Scenario.HomeSpec home, long seed) {
        this.home = home;
        this.seed = seed;
        this.random = new SplittableRandom(seed ^ 0x5eed5eedL);
    }

    /** Every stimulus of the plan, sorted by instant (stable: same-instant stimuli keep their order). */
    public List<Stimulus> render(Plan plan, List<Segment> stuck, List<Segment> bridgeDown) {
        List<Stimulus> out = new ArrayList<>();
        for (Segment s : plan.segments()) {
            segment(s, out);
        }
        out.addAll(plan.points());
        Map<String, List<Segment>> offline = offlineSpans(plan.points(), Instant.MAX);
        checkIns(plan, out, offline);
        out.removeIf(s -> {
            String id = s.action().sensorId();
            if (s.action() instanceof Stimulus.Bridge || s.action() instanceof Stimulus.GatewayRestart
                    || s.action() instanceof Stimulus.Uplink) {
                return false;
            }
            Optional<Scenario.Sensor> sensor = home.byId(id);
            if (sensor.isEmpty()) {
                return true; // the home has no such sensor (e.g. no bed mat): nothing reports
            }
            if (!(s.action() instanceof Stimulus.Availability) && offline.getOrDefault(id, List.of()).stream()
                    .anyMatch(o -> s.at().isAfter(o.start()) && s.at().isBefore(o.end()))) {
                return true; // a device that went offline (a flat battery) reports nothing until it is back
            }
            if (stuck.stream().anyMatch(k -> k.room().equals(id) && within(s, k))
                    && s.action() instanceof Stimulus.Motion m && !m.occupied()) {
                return true;
            }
            return sensor.get().transport() == Scenario.Transport.ZIGBEE
                    && bridgeDown.stream().anyMatch(b -> within(s, b));
        });
        out.sort(Comparator.comparing(Stimulus::at));
        return out;
    }

    /** Adds every device's periodic reports over the plan's span (see the class description). */
    private void checkIns(Plan plan, List<Stimulus> out, Map<String, List<Segment>> offline) {
        List<Segment> segments = plan.segments();
        if (segments.isEmpty()) {
            return;
        }
        Instant from = segments.stream().map(Segment::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = segments.stream().map(Segment::end).max(Comparator.naturalOrder()).orElseThrow();
        SplittableRandom r = new SplittableRandom(seed ^ 0xc4ec411dL);
        for (Scenario.Sensor sensor : home.sensors()) {
            if (sensor.transport() == Scenario.Transport.ZIGBEE && !sensor.kind().equals("radar")) {
                boolean plug = sensor.kind().equals("plug");
                long period = plug ? 600 : 3000 + r.nextInt(601);
                long jitter = plug ? 30 : 90;
                List<Segment> off = offline.getOrDefault(sensor.id(), List.of());
                for (Instant t = from.plusSeconds(r.nextLong(period)); t.isBefore(to);
                        t = t.plusSeconds(period - jitter + r.nextLong(2 * jitter + 1))) {
                    Instant at = t;
                    if (off.stream().noneMatch(o -> !at.isBefore(o.start()) && at.isBefore(o.end()))) {
                        out.add(new Stimulus(at, new Stimulus.CheckIn(sensor.id())));
                    }
                }
            } else if (sensor.kind().equals("wearable")) {
                List<Instant> samples = plan.points().stream()
                        .filter(p -> p.action() instanceof Stimulus.Accel a && a.sensorId().equals(sensor.id()))
                        .map(Stimulus::at).toList();
                for (Instant t = from.plusSeconds(r.nextLong(3600)); t.isBefore(to); t = t.plusSeconds(3600)) {
                    Instant at = t;
                    if (samples.stream().noneMatch(x -> Duration.between(x, at).abs()
                            .compareTo(KEEP_ALIVE_CLEARANCE) < 0)) {
                        out.add(new Stimulus(at, new Stimulus.Accel(sensor.id(), WearableSensor.atRest(at,
                                WEARABLE_HZ))));
                    }
                }
            }
        }
    }

    /** Per sensor, the spans from its going offline to its coming back (or {@code end}). */
    private static Map<String, List<Segment>> offlineSpans(List<Stimulus> points, Instant end) {
        Map<String, Instant> since = new HashMap<>();
        Map<String, List<Segment>> spans = new HashMap<>();
        points.stream().filter(p -> p.action() instanceof Stimulus.Availability)
                .sorted(Comparator.comparing(Stimulus::at)).forEach(p -> {
                    Stimulus.Availability a = (Stimulus.Availability) p.action();
                    if (!a.online()) {
                        since.putIfAbsent(a.sensorId(), p.at());
                    } else if (since.containsKey(a.sensorId())) {
                        spans.computeIfAbsent(a.sensorId(), k -> new ArrayList<>())
                                .add(new Segment(since.remove(a.sensorId()), p.at(), a.sensorId(), Mode.OUT));
                    }
                });
        since.forEach((id, at) -> spans.computeIfAbsent(id, k -> new ArrayList<>())
                .add(new Segment(at, end, id, Mode.OUT)));
        return spans;
    }

    private static boolean within(Stimulus s, Segment span) {
        return !s.at().isBefore(span.start()) && s.at().isBefore(span.end());
    }

    private void segment(Segment s, List<Stimulus> out) {
        if (s.mode() == Mode.OUT || s.mode() == Mode.STILL) {
            return;
        }
        Optional<String> pir = home.byKindIn("motion", s.room()).map(Scenario.Sensor::id);
        Optional<String> radar = home.byKindIn("radar", s.room()).map(Scenario.Sensor::id);
        Instant t = s.start();
        do {
            if (pir.isPresent()) {
                out.add(new Stimulus(t, new Stimulus.Motion(pir.get(), true)));
                out.add(new Stimulus(t.plus(CLEAR_AFTER), new Stimulus.Motion(pir.get(), false)));
            }
            if (radar.isPresent()) {
                out.add(new Stimulus(t.plusSeconds(5), new Stimulus.Radar(radar.get(), "motion")));
            }
            t = t.plus(Duration.ofMinutes(8 + random.nextInt(18)));
        } while (s.mode() == Mode.ACTIVE && t.isBefore(s.end()));
    }
}
