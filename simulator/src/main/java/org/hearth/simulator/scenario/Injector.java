package org.hearth.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.simulator.home.WearableSensor;
import org.hearth.simulator.scenario.Plan.Mode;
import org.hearth.simulator.scenario.Plan.Segment;

/**
 * Puts a scenario's injected events into a resident's plan and writes down, for each, what the gateway should do
 * about it: the ground truth the run is scored against.
 */
public final class Injector {
    /** How long a prompt alert (button, fall) may take from the event to being raised. */
    static final Duration PROMPT = Duration.ofMinutes(5);
    /** Extra time allowed on top of an inactivity allowance: the gateway is ticked every few virtual minutes. */
    static final Duration TICK_SLACK = Duration.ofMinutes(30);
    /** How long a sensor-health problem may take to be reported. */
    static final Duration HEALTH_SLACK = Duration.ofHours(24);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private final Scenario scenario;
    private final ZoneId zone;

    public Injector(Scenario scenario) {
        this.scenario = scenario;
        this.zone = scenario.zone();
    }

    /** Applies every injection to {@code plan}; returns the expectations, in injection order. */
    public List<Expectation> apply(Plan plan) {
        List<Expectation> out = new ArrayList<>();
        for (Scenario.Injection inj : scenario.injections()) {
            out.addAll(apply(plan, inj));
        }
        return out;
    }

    private List<Expectation> apply(Plan plan, Scenario.Injection inj) {
        Instant t = scenario.start().plusDays(inj.day() - 1L).atTime(inj.at()).atZone(zone).toInstant();
        Duration len = inj.length();
        String label = inj.kind().code() + " day " + inj.day() + " " + HHMM.format(inj.at());
        String room = plan.at(t).filter(x -> x.mode() != Mode.OUT).map(Segment::room).orElse("lounge");
        switch (inj.kind()) {
            case COLLAPSE, FALL_WEARABLE, FALL_RADAR, IM_OK_CANCEL, LONG_BATHROOM_STAY -> beHomeBefore(plan, t, room);
            default -> { }
        }
        switch (inj.kind()) {
            case HELP_BUTTON, CLOCK_CHANGE -> {
                plan.point(new Stimulus(t, new Stimulus.Press(sensor(inj, "help-button", "button"))));
                return expect(label, inj, t, t.plus(PROMPT));
            }
            case FALL_WEARABLE -> {
                plan.overlay(new Segment(t, t.plus(len), room, Mode.STILL));
                String accel = sensor(inj, null, "wearable");
                for (WearableSensor.Batch b : WearableSensor.syntheticFall(t.minusSeconds(5), 5, 20)) {
                    plan.point(new Stimulus(b.start(), new Stimulus.Accel(accel, b)));
                }
                return expect(label, inj, t.minusSeconds(5), t.plus(PROMPT));
            }
            case FALL_RADAR -> {
                Scenario.Sensor radar = scenario.home().byId(sensor(inj, null, "radar")).orElseThrow();
                plan.overlay(new Segment(t.minusSeconds(120), t, radar.room(), Mode.ACTIVE));
                plan.overlay(new Segment(t, t.plus(len), radar.room(), Mode.STILL));
                plan.point(new Stimulus(t.minusSeconds(60), new Stimulus.Radar(radar.id(), "presence")));
                plan.point(new Stimulus(t, new Stimulus.Radar(radar.id(), "fall")));
                return expect(label, inj, t, t.plus(PROMPT));
            }
            case COLLAPSE -> {
                Instant by = t.plus(InactivityBands.worstCase(t, zone)).plus(TICK_SLACK);
                Duration lying = len.isZero() ? Duration.between(t, by).plusHours(1) : len;
                plan.overlay(new Segment(t, t.plus(lying), room, Mode.STILL));
                if (room.equals("bathroom")) { // lying on the bathroom floor is also a far too long bathroom stay
                    return List.of(new Expectation(label, inj.kind(), inj.kind().expectedAlert(), "", t, by,
                            inj.requires(), List.of(InjectionKind.LONG_BATHROOM_STAY.expectedAlert().orElseThrow())));
                }
                return expect(label, inj, t, by);
            }
            case LONG_BATHROOM_STAY -> {
                plan.overlay(new Segment(t, t.plus(len), "bathroom", Mode.RESTING));
                return expect(label, inj, t, t.plus(len).plus(TICK_SLACK));
            }
            case NIGHT_WANDERING -> {
                String door = sensor(inj, "front-door", "contact");
                Instant out = t.plusSeconds(180);
                plan.overlay(new Segment(t, out, "hall", Mode.ACTIVE));
                plan.overlay(new Segment(out, out.plus(len), "hall", Mode.OUT));
                plan.overlay(new Segment(out.plus(len), out.plus(len).plusSeconds(300), "hall", Mode.ACTIVE));
                for (Instant at : List.of(out, out.plus(len).minusSeconds(20))) {
                    plan.point(new Stimulus(at, new Stimulus.Contact(door, true)));
                    plan.point(new Stimulus(at.plusSeconds(15), new Stimulus.Contact(door, false)));
                }
                return expect(label, inj, t, out.plus(PROMPT).plus(TICK_SLACK));
            }
            case MISSED_BREAKFAST -> {
                Instant from = scenario.start().plusDays(inj.day() - 1L).atTime(LocalTime.of(5, 0)).atZone(zone).toInstant();
                Instant noon = scenario.start().plusDays(inj.day() - 1L).atTime(LocalTime.NOON).atZone(zone).toInstant();
                plan.overlay(new Segment(t, noon, "lounge", Mode.ACTIVE)); // up and about, but no kitchen
                return expect(label, inj, from, noon);
            }
            case IM_OK_CANCEL -> {
                Duration allowance = InactivityBands.allowanceAt(t, zone);
                Instant press = t.plus(allowance).plusSeconds(120);
                plan.overlay(new Segment(t, press, room, Mode.STILL));
                plan.point(new Stimulus(t, new Stimulus.Motion(motionIn(room), true)));
                plan.point(new Stimulus(press, new Stimulus.Press(okButton(inj))));
                return List.of(new Expectation(label, inj.kind(), Optional.empty(), "prolonged-inactivity", t,
                        press.plus(Duration.ofHours(1)), inj.requires()));
            }
            case BATTERY_DYING -> {
                String s = sensor(inj, null, "motion");
                plan.point(new Stimulus(t, new Stimulus.Battery(s, 15, false)));
                plan.point(new Stimulus(t.plus(len.dividedBy(2)), new Stimulus.Battery(s, 6, true)));
                plan.point(new Stimulus(t.plus(len), new Stimulus.Availability(s, false)));
                plan.silenceSensorFrom(s, t.plus(len).plusSeconds(1));
                plan.point(new Stimulus(t.plus(len), new Stimulus.Battery(s, 0, true))); // the last gasp before silence
                return expect(label, inj, t, t.plus(len).plus(HEALTH_SLACK));
            }
            case STUCK_MOTION -> {
                String s = sensor(inj, null, "motion");
                plan.silenceSensorFrom(s, t);
                Instant end = RoutinePlanner.runEnd(scenario);
                for (Instant at = t; at.isBefore(end); at = at.plus(Duration.ofMinutes(30))) {
                    plan.point(new Stimulus(at, new Stimulus.Motion(s, true)));
                }
                stuck.add(new Segment(t, end, s, Mode.OUT));
                return expect(label, inj, t, t.plus(HEALTH_SLACK));
            }
            case BRIDGE_DOWN -> {
                plan.point(new Stimulus(t, new Stimulus.Bridge(false)));
                plan.point(new Stimulus(t.plus(len), new Stimulus.Bridge(true)));
                bridgeDown.add(new Segment(t, t.plus(len), "", Mode.OUT));
                return expect(label, inj, t, t.plus(len).plus(TICK_SLACK));
            }
            case BROKER_RESTART -> {
                plan.point(new Stimulus(t, new Stimulus.GatewayRestart()));
                Instant press = t.plusSeconds(120);
                plan.point(new Stimulus(press, new Stimulus.Press(sensor(inj, "help-button", "button"))));
                return expect(label, inj, press, press.plus(PROMPT));
            }
            case UPLINK_OUTAGE -> {
                plan.point(new Stimulus(t, new Stimulus.Uplink(true)));
                plan.point(new Stimulus(t.plus(len), new Stimulus.Uplink(false)));
                Instant press = t.plus(len.dividedBy(4));
                plan.point(new Stimulus(press, new Stimulus.Press(sensor(inj, "help-button", "button"))));
                return expect(label, inj, press, press.plus(PROMPT));
            }
        }
        throw new IllegalStateException("unhandled injection kind " + inj.kind());
    }

    private final List<Segment> stuck = new ArrayList<>();
    private final List<Segment> bridgeDown = new ArrayList<>();

    /** Motion sensors stuck on (sensor id in {@code room}): from then on a stuck PIR never reports "clear". */
    public List<Segment> stuckSensors() {
        return List.copyOf(stuck);
    }

    /** Spans in which the Zigbee bridge is down: no Zigbee sensor reports then. */
    public List<Segment> bridgeDownSpans() {
        return List.copyOf(bridgeDown);
    }

    /**
     * Makes sure the resident is at home and moving just before {@code t}: an event that happens to a resident at
     * home must not fall into a planned outing (the gateway would rightly think them out). One who was out comes in
     * through the front door 20 minutes before and is seen inside once it has closed.
     */
    private void beHomeBefore(Plan plan, Instant t, String room) {
        Instant from = t.minus(Duration.ofMinutes(20));
        boolean wasOut = plan.segments().stream().anyMatch(x -> x.mode() == Mode.OUT && x.overlaps(from, t));
        plan.overlay(new Segment(from, t, room, Mode.ACTIVE));
        if (wasOut) {
            // Home through the front door, then seen inside: a move inside before the door would read as going out.
            plan.overlay(new Segment(from, from.plusSeconds(20), "hall", Mode.OUT));
            scenario.home().byRole("front-door").ifPresent(door -> {
                plan.point(new Stimulus(from, new Stimulus.Contact(door.id(), true)));
                plan.point(new Stimulus(from.plusSeconds(15), new Stimulus.Contact(door.id(), false)));
            });
        }
    }

    private List<Expectation> expect(String label, Scenario.Injection inj, Instant from, Instant by) {
        return List.of(new Expectation(label, inj.kind(), inj.kind().expectedAlert(), "", from, by, inj.requires()));
    }

    /** The injection's sensor, else the first with {@code role}, else the first of {@code kind}. */
    private String sensor(Scenario.Injection inj, String role, String kind) {
        if (inj.sensor().isPresent()) {
            return inj.sensor().get();
        }
        var home = scenario.home();
        return Optional.ofNullable(role).flatMap(home::byRole)
                .or(() -> home.byKindIn(kind, "bedroom"))
                .or(() -> home.byKind(kind))
                .map(Scenario.Sensor::id)
                .orElse("");
    }

    private String okButton(Scenario.Injection inj) {
        return inj.sensor().orElseGet(() -> scenario.home().sensors().stream()
                .filter(s -> s.kind().equals("button") && !s.role().equals("help-button"))
                .map(Scenario.Sensor::id).findFirst().orElse(""));
    }

    private String motionIn(String room) {
        return scenario.home().byKindIn("motion", room).or(() -> scenario.home().byKind("motion"))
                .map(Scenario.Sensor::id).orElse("");
    }
}
