package org.hearth.rules.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;

/** A test home with every kind of sensor, and scripted days of a resident living in it. */
public final class TestHome {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    public static final String BED = "bedroom-mat";
    public static final String CHAIR = "chair-mat";
    public static final String DOOR = "front-door";
    public static final String KITCHEN = "kitchen-motion";
    public static final String LIVING = "living-motion";
    public static final String BATHROOM = "bathroom-motion";
    public static final String BEDROOM = "bedroom-motion";
    public static final String HALL = "hall-motion";
    public static final String KETTLE = "kettle";
    public static final String TOILET = "toilet";
    public static final String FRIDGE = "fridge";
    public static final String BUTTON = "hall-button";

    public static final HomeLayout LAYOUT = HomeLayout.empty()
            .with(BED, SensorRole.BED, Room.BEDROOM)
            .with(CHAIR, SensorRole.CHAIR, Room.LIVING)
            .with(DOOR, SensorRole.FRONT_DOOR, Room.HALL)
            .with(KITCHEN, SensorRole.MOTION, Room.KITCHEN)
            .with(LIVING, SensorRole.MOTION, Room.LIVING)
            .with(BATHROOM, SensorRole.MOTION, Room.BATHROOM)
            .with(BEDROOM, SensorRole.MOTION, Room.BEDROOM)
            .with(HALL, SensorRole.MOTION, Room.HALL)
            .with(KETTLE, SensorRole.APPLIANCE, Room.KITCHEN)
            .with(TOILET, SensorRole.TOILET_FLUSH, Room.BATHROOM)
            .with(FRIDGE, SensorRole.CONTACT, Room.KITCHEN)
            .with(BUTTON, SensorRole.HELP_BUTTON, Room.HALL);

    private static final List<String> ROOMS = List.of(KITCHEN, LIVING, BATHROOM, BEDROOM, HALL);

    private TestHome() {
    }

    /**
     * One regular day (local times in {@code zone}): up at 07:00 (with a toilet trip at 03:00 the night before),
     * breakfast, the chair 09:00-10:30, about the house until 12:00 (motion every 20 min), out 12:00-14:00, the chair
     * 14:05-16:00, about the house until 22:30, bed at 22:30. Ends with the resident in bed.
     */
    public static List<SensorEvent> regularDay(LocalDate day, ZoneId zone) {
        Script s = new Script(day, zone);
        s.at("03:00", BED, EventKind.VACATED).at("03:01", BATHROOM, EventKind.MOTION)
                .at("03:03", TOILET, EventKind.FLUSH)
                .at("03:05", BED, EventKind.OCCUPIED);
        s.at("07:00", BED, EventKind.VACATED).at("07:01", BATHROOM, EventKind.MOTION)
                .at("07:04", TOILET, EventKind.FLUSH).at("07:10", KITCHEN, EventKind.MOTION)
                .at("07:12", KETTLE, EventKind.APPLIANCE_ON).at("07:15", FRIDGE, EventKind.CONTACT_OPEN)
                .at("07:16", FRIDGE, EventKind.CONTACT_CLOSED).at("08:55", LIVING, EventKind.MOTION);
        s.every("07:20", "08:50", 20, KITCHEN, LIVING);
        s.at("09:00", CHAIR, EventKind.OCCUPIED).at("10:30", CHAIR, EventKind.VACATED);
        s.every("10:31", "11:55", 20, KITCHEN, LIVING, BATHROOM);
        s.at("11:58", HALL, EventKind.MOTION).at("12:00", DOOR, EventKind.CONTACT_OPEN)
                .at("12:00:10", DOOR, EventKind.CONTACT_CLOSED);
        s.at("14:00", DOOR, EventKind.CONTACT_OPEN).at("14:00:10", DOOR, EventKind.CONTACT_CLOSED)
                .at("14:01", HALL, EventKind.MOTION).at("14:03", LIVING, EventKind.MOTION)
                .at("14:05", CHAIR, EventKind.OCCUPIED).at("16:00", CHAIR, EventKind.VACATED);
        s.every("16:02", "22:20", 20, KITCHEN, LIVING, BATHROOM, HALL);
        s.at("22:25", BEDROOM, EventKind.MOTION).at("22:30", BED, EventKind.OCCUPIED);
        return s.events();
    }

    /** {@code days} regular days from {@code first}. */
    public static List<SensorEvent> regularDays(LocalDate first, int days, ZoneId zone) {
        List<SensorEvent> events = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            events.addAll(regularDay(first.plusDays(i), zone));
        }
        return events;
    }

    /**
     * A varied day drawn from {@code random}: the regular day with every time moved by up to an hour, some rooms
     * skipped, sometimes no outing, sometimes a long quiet spell in the living room.
     */
    public static List<SensorEvent> variedDay(LocalDate day, ZoneId zone, SplittableRandom random) {
        List<SensorEvent> events = new ArrayList<>();
        Duration shift = Duration.ofMinutes(random.nextInt(-60, 61));
        boolean outing = random.nextInt(3) > 0;
        for (SensorEvent e : regularDay(day, zone)) {
            boolean outingEvent = e.sensorId().equals(DOOR);
            if ((outingEvent && !outing) || (!outingEvent && e.kind() == EventKind.MOTION && random.nextInt(5) == 0)) {
                continue;
            }
            events.add(e.withAt(e.at().plus(shift).plusSeconds(random.nextInt(0, 240))));
        }
        if (random.nextInt(4) == 0) {
            // a long sit where no mat is: living room, then nothing for up to 2.5 h
            Instant sit = day.atTime(LocalTime.of(17, 0)).atZone(zone).toInstant().plus(shift);
            events.removeIf(e -> !e.at().isBefore(sit) && e.at().isBefore(sit.plus(Duration.ofMinutes(150))));
            events.add(SensorEvent.of(LIVING, EventKind.MOTION, sit));
        }
        events.sort(Comparator.comparing(SensorEvent::at));
        return events;
    }

    /** Local times of one day turned into events. */
    public static final class Script {
        private final LocalDate day;
        private final ZoneId zone;
        private final List<SensorEvent> events = new ArrayList<>();

        public Script(LocalDate day, ZoneId zone) {
            this.day = day;
            this.zone = zone;
        }

        public Script at(String localTime, String sensor, EventKind kind) {
            events.add(new SensorEvent(sensor, kind, instant(localTime), kind == EventKind.BUTTON ? "single" : ""));
            return this;
        }

        /** Motion every {@code minutes} from {@code from} to {@code to}, going round {@code sensors}. */
        public Script every(String from, String to, int minutes, String... sensors) {
            int i = 0;
            for (LocalTime t = LocalTime.parse(from); !t.isAfter(LocalTime.parse(to)); t = t.plusMinutes(minutes)) {
                events.add(SensorEvent.of(sensors[i++ % sensors.length], EventKind.MOTION,
                        day.atTime(t).atZone(zone).toInstant()));
            }
            return this;
        }

        public Instant instant(String localTime) {
            return day.atTime(LocalTime.parse(localTime)).atZone(zone).toInstant();
        }

        public List<SensorEvent> events() {
            List<SensorEvent> sorted = new ArrayList<>(events);
            sorted.sort(Comparator.comparing(SensorEvent::at));
            return sorted;
        }
    }

    /** A random room motion sensor. */
    public static String anyRoom(SplittableRandom random) {
        return ROOMS.get(random.nextInt(ROOMS.size()));
    }
}
