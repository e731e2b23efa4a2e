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
    /**
     * What a sensor in a home may stray into reporting: a fixed list, not {@code EventKind.values()}, so that adding
     * a kind (heartbeats, answers to warnings) does not silently change every seeded day.
     */
    private static final List<EventKind> NOISE_KINDS = List.of(EventKind.MOTION, EventKind.NO_MOTION,
            EventKind.CONTACT_OPEN, EventKind.CONTACT_CLOSED, EventKind.BUTTON, EventKind.SENSOR_ONLINE,
            EventKind.SENSOR_OFFLINE, EventKind.OCCUPIED, EventKind.VACATED, EventKind.APPLIANCE_ON,
            EventKind.APPLIANCE_OFF, EventKind.FLUSH, EventKind.RADAR_FALL);


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

    /**
     * {@code days} varied days of the {@link TestHome} resident from {@code first} ({@link TestHome#variedDay}), with
     * one event in twenty of a random sensor and kind added, and the last day cut at a random instant (a collapse:
     * nothing after it). In time order.
     */
    public static List<SensorEvent> residentDays(SplittableRandom random, java.time.LocalDate first, int days,
            ZoneId zone) {
        return residentDays(random, first, days, zone, null, null);
    }

    /**
     * As {@link #residentDays(SplittableRandom, java.time.LocalDate, int, ZoneId)}, cut at a random instant between
     * {@code cutFrom} and {@code cutTo} instead (both null: within the last day).
     */
    public static List<SensorEvent> residentDays(SplittableRandom random, java.time.LocalDate first, int days,
            ZoneId zone, Instant cutFrom, Instant cutTo) {
        List<SensorEvent> events = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            events.addAll(TestHome.variedDay(first.plusDays(d), zone, random));
        }
        List<SensorEvent> noisy = new ArrayList<>();
        for (SensorEvent e : events) {
            noisy.add(e);
            if (random.nextInt(20) == 0) {
                EventKind kind = NOISE_KINDS.get(random.nextInt(NOISE_KINDS.size()));
                String sensor = random.nextBoolean() ? TestHome.anyRoom(random)
                        : List.of(TestHome.BED, TestHome.CHAIR, TestHome.DOOR, TestHome.BUTTON).get(random.nextInt(4));
                noisy.add(new SensorEvent(sensor, kind, e.at().plusSeconds(random.nextInt(1, 600)),
                        kind == EventKind.BUTTON ? "single" : ""));
            }
        }
        noisy.sort(java.util.Comparator.comparing(SensorEvent::at));
        if (!noisy.isEmpty()) {
            Instant from = cutFrom != null ? cutFrom : noisy.get(noisy.size() - 1).at().minus(Duration.ofDays(1));
            Instant to = cutTo != null ? cutTo : from.plus(Duration.ofDays(1));
            Instant cut = from.plusSeconds(random.nextLong(0, Duration.between(from, to).toSeconds() + 1));
            noisy.removeIf(e -> e.at().isAfter(cut));
        }
        return noisy;
    }

    /**
     * The events as at-least-once delivery brings them: about one in ten delivered again right away, and about one in
     * twenty delivered late, after up to five later events.
     */
    public static List<SensorEvent> delivered(SplittableRandom random, List<SensorEvent> events) {
        List<SensorEvent> out = new ArrayList<>(events);
        for (int i = out.size() - 1; i >= 0; i--) {
            int roll = random.nextInt(20);
            if (roll < 2) {
                out.add(i + 1, out.get(i));
            } else if (roll == 2 && i + 1 < out.size()) {
                SensorEvent late = out.remove(i);
                out.add(Math.min(out.size(), i + random.nextInt(1, 6)), late);
            }
        }
        return out;
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
