package org.hearth.rules.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.inactivity.QuietBand;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.SensorEvent;

/** Random policies and event streams for the seeded properties. */
public final class Generators {

    private static final List<String> SENSORS =
            List.of("kitchen-motion", "hall-motion", "bedroom-motion", "front-door", "hall-button");

    private Generators() {
    }

    /** Like {@link #policyNear} around 01:30, where the UK clocks change. */
    public static InactivityPolicy policy(SplittableRandom random, ZoneId zone) {
        return policyNear(random, zone, LocalTime.of(1, 30));
    }

    /**
     * One to five bands at whole minutes, half of them within 90 minutes of {@code focus} (for example the local
     * time at which the clocks change), with allowances of one minute to fourteen hours.
     */
    public static InactivityPolicy policyNear(SplittableRandom random, ZoneId zone, LocalTime focus) {
        int count = 1 + random.nextInt(5);
        int focusMinute = focus.getHour() * 60 + focus.getMinute();
        TreeSet<Integer> startMinutes = new TreeSet<>();
        while (startMinutes.size() < count) {
            startMinutes.add(random.nextBoolean() ? random.nextInt(24 * 60)
                    : Math.floorMod(focusMinute + random.nextInt(-90, 91), 24 * 60));
        }
        List<QuietBand> bands = new ArrayList<>();
        for (int minute : startMinutes) {
            Duration allowance = Duration.ofMinutes(1 + random.nextInt(random.nextBoolean() ? 3 * 60 : 14 * 60));
            bands.add(new QuietBand(LocalTime.MIDNIGHT.plusMinutes(minute), allowance));
        }
        return new InactivityPolicy(zone, bands);
    }

    /**
     * Up to {@code maxEvents} events from {@code start} on: mostly short gaps, some long silences, every kind,
     * about one in ten delivered late (out of order), some repeated deliveries, and times off the minute.
     */
    public static List<SensorEvent> events(SplittableRandom random, Instant start, int maxEvents) {
        int count = random.nextInt(maxEvents + 1);
        List<SensorEvent> events = new ArrayList<>(count);
        Instant clock = start;
        for (int i = 0; i < count; i++) {
            if (!events.isEmpty() && random.nextInt(12) == 0) {
                // QoS 1 redelivery of one of the last few events, possibly after others
                events.add(events.get(events.size() - 1 - random.nextInt(Math.min(3, events.size()))));
                continue;
            }
            int roll = random.nextInt(10);
            long gapMinutes = roll < 6 ? random.nextInt(1, 45) : roll < 9 ? random.nextInt(45, 300)
                    : random.nextInt(300, 900);
            clock = clock.plus(Duration.ofMinutes(gapMinutes)).plusMillis(random.nextInt(60_000));
            Instant at = random.nextInt(10) == 0 ? clock.minus(Duration.ofMinutes(random.nextInt(1, 240))) : clock;
            EventKind kind = kind(random);
            String sensor = SENSORS.get(random.nextInt(SENSORS.size()));
            events.add(new SensorEvent(sensor, kind, at, kind == EventKind.BUTTON ? "single" : ""));
        }
        return events;
    }

    private static EventKind kind(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 45) {
            return EventKind.MOTION;
        } else if (roll < 55) {
            return EventKind.CONTACT_OPEN;
        } else if (roll < 65) {
            return EventKind.CONTACT_CLOSED;
        } else if (roll < 80) {
            return EventKind.NO_MOTION;
        } else if (roll < 86) {
            return EventKind.BUTTON;
        } else if (roll < 93) {
            return EventKind.SENSOR_ONLINE;
        }
        return EventKind.SENSOR_OFFLINE;
    }
}
