package org.hearth.simulator.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A scenario file, parsed: a home, its resident's routine, what goes wrong and when, for how many days. Every home
 * run from it gets its own resident seed derived from {@link #seed()}.
 *
 * @param name        short name, used in gateway ids and the report
 * @param description free text for the report
 * @param start       the first local day
 * @param days        how many days to play
 * @param zone        the home's time zone (clock-change days follow it)
 * @param seed        the seed of the first home's resident
 * @param home        rooms and sensors
 * @param routine     the resident's usual day
 * @param injections  events injected at given times
 * @param replay      recordings to replay instead of the routine, if any
 */
public record Scenario(String name, String description, LocalDate start, int days, ZoneId zone, long seed,
        HomeSpec home, Routine routine, List<Injection> injections, Optional<Replay> replay) {

    /** How a sensor reaches the gateway: Zigbee2MQTT state topics or the Hearth topics (wearables, radars). */
    public enum Transport { ZIGBEE, HEARTH }

    /**
     * One sensor.
     *
     * @param id        Hearth sensor id
     * @param name      Zigbee2MQTT friendly name or Hearth topic name
     * @param kind      the gateway's sensor kind, e.g. {@code motion}
     * @param transport how it publishes
     * @param room      the room it is in ({@code worn} for wearables)
     * @param role      the gateway's sensor role, e.g. {@code front-door}
     */
    public record Sensor(String id, String name, String kind, Transport transport, String room, String role) {}

    /** The home: its rooms and sensors. */
    public record HomeSpec(List<String> rooms, List<Sensor> sensors) {
        /** The first sensor with {@code role}, if any. */
        public Optional<Sensor> byRole(String role) {
            return sensors.stream().filter(s -> s.role().equals(role)).findFirst();
        }

        /** The first sensor of {@code kind} in {@code room}, if any. */
        public Optional<Sensor> byKindIn(String kind, String room) {
            return sensors.stream().filter(s -> s.kind().equals(kind) && s.room().equals(room)).findFirst();
        }

        /** The first sensor of {@code kind}, if any. */
        public Optional<Sensor> byKind(String kind) {
            return sensors.stream().filter(s -> s.kind().equals(kind)).findFirst();
        }

        /** The sensor with this id, if any. */
        public Optional<Sensor> byId(String id) {
            return sensors.stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    /** A time of day with its day-to-day spread (standard deviation). */
    public record Timing(LocalTime at, Duration spread) {}

    /** Something the resident sometimes does: with {@code chance} per day, around {@code at}, for about {@code length}. */
    public record Habit(double chance, Timing at, Duration length) {}

    /** A meal: the kitchen around {@code at}, with the kettle or not. */
    public record Meal(String name, Timing at, boolean kettle) {}

    /**
     * The resident's usual day.
     *
     * @param wake           getting up
     * @param bed            going to bed
     * @param meals          meals in the kitchen
     * @param bathroomDay    bathroom visits during the day (mean)
     * @param bathroomNight  bathroom visits during the night (mean)
     * @param nap            an afternoon nap in the lounge
     * @param outing         going out through the front door
     * @param visitor        a visitor: the door, then two people about
     */
    public record Routine(Timing wake, Timing bed, List<Meal> meals, double bathroomDay, double bathroomNight,
            Habit nap, Habit outing, Habit visitor) {}

    /**
     * An injected event.
     *
     * @param kind     what happens
     * @param day      the day it happens on, 1-based
     * @param at       local time it happens
     * @param length   how long it lasts (silence after a collapse, an outage, a bathroom stay), or the kind's default
     * @param sensor   the sensor it concerns (battery, stuck), or the kind's default
     * @param requires capabilities the gateway must have for it to be scored, or the kind's default
     */
    public record Injection(InjectionKind kind, int day, LocalTime at, Duration length, Optional<String> sensor,
            List<String> requires) {}

    /** Recordings to replay: a UCI ADL sensors file and SisFall trials as a wearable's falls, one per day. */
    public record Replay(Optional<java.nio.file.Path> uci, List<java.nio.file.Path> sisfall, LocalTime sisfallAt) {}
}
