package org.hearth.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hearth.simulator.scenario.Plan.Mode;
import org.hearth.simulator.scenario.Plan.Segment;

/**
 * Turns a plan into what the sensors report, in time order: a room's PIR reports on entry and, while the resident
 * moves about, again every 8 to 25 minutes, each time clearing 90 s later as real PIRs do; a radar in the room
 * reports motion alongside. Reports of stuck sensors and of Zigbee sensors while the bridge is down are dropped.
 */
public final class PlanRenderer {
    private static final Duration CLEAR_AFTER = Duration.ofSeconds(90);

    private final Scenario.HomeSpec home;
    private final SplittableRandom random;

    public PlanRenderer(Scenario.HomeSpec home, long seed) {
        this.home = home;
        this.random = new SplittableRandom(seed ^ 0x5eed5eedL);
    }

    /** Every stimulus of the plan, sorted by instant (stable: same-instant stimuli keep their order). */
    public List<Stimulus> render(Plan plan, List<Segment> stuck, List<Segment> bridgeDown) {
        List<Stimulus> out = new ArrayList<>();
        for (Segment s : plan.segments()) {
            segment(s, out);
        }
        out.addAll(plan.points());
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
