package org.hearth.simulator.scenario;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.hearth.simulator.scenario.Scenario.Sensor;
import org.hearth.simulator.scenario.Scenario.Transport;

/** What a scenario file may leave out: a one-bedroom flat with the usual sensors, and an ordinary day. */
public final class ScenarioDefaults {
    private ScenarioDefaults() {}

    /** A one-bedroom flat: motion in each room, front door and fridge contacts, kettle plug, pendant, radar. */
    public static Scenario.HomeSpec home() {
        return new Scenario.HomeSpec(List.of("bedroom", "bathroom", "kitchen", "lounge", "hall"), List.of(
                new Sensor("bedroom-motion", "bedroom_motion", "motion", Transport.ZIGBEE, "bedroom", "motion"),
                new Sensor("bathroom-motion", "bathroom_motion", "motion", Transport.ZIGBEE, "bathroom", "motion"),
                new Sensor("kitchen-motion", "kitchen_motion", "motion", Transport.ZIGBEE, "kitchen", "motion"),
                new Sensor("lounge-motion", "lounge_motion", "motion", Transport.ZIGBEE, "lounge", "motion"),
                new Sensor("hall-motion", "hall_motion", "motion", Transport.ZIGBEE, "hall", "motion"),
                new Sensor("front-door", "front_door", "contact", Transport.ZIGBEE, "hall", "front-door"),
                new Sensor("fridge", "fridge_door", "contact", Transport.ZIGBEE, "kitchen", "contact"),
                new Sensor("kettle", "kettle_plug", "plug", Transport.ZIGBEE, "kitchen", "appliance"),
                new Sensor("pendant", "help_pendant", "button", Transport.ZIGBEE, "worn", "help-button"),
                new Sensor("ok-button", "ok_button", "button", Transport.ZIGBEE, "lounge", "other"),
                new Sensor("pendant-accel", "pendant_accel", "wearable", Transport.HEARTH, "worn", "other"),
                new Sensor("lounge-radar", "lounge_radar", "radar", Transport.HEARTH, "lounge", "motion")));
    }

    /** An ordinary day: up about seven, three meals, a few bathroom visits, sometimes a nap, an outing, a visitor. */
    public static Scenario.Routine routine() {
        return new Scenario.Routine(
                timing("07:00", 25), timing("22:30", 30),
                List.of(new Scenario.Meal("breakfast", timing("07:45", 15), true),
                        new Scenario.Meal("lunch", timing("12:30", 20), true),
                        new Scenario.Meal("dinner", timing("18:00", 25), false)),
                5, 1,
                new Scenario.Habit(0.4, timing("14:30", 20), Duration.ofMinutes(40)),
                new Scenario.Habit(0.5, timing("10:30", 40), Duration.ofMinutes(75)),
                new Scenario.Habit(0.25, timing("15:30", 30), Duration.ofMinutes(60)));
    }

    private static Scenario.Timing timing(String at, int spreadMinutes) {
        return new Scenario.Timing(LocalTime.parse(at), Duration.ofMinutes(spreadMinutes));
    }
}
