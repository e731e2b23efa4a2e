package org.hearth.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.simulator.scenario.Plan.Mode;
import org.hearth.simulator.scenario.Plan.Segment;

/**
 * Plans a resident's days from their {@link Scenario.Routine}: each day the times vary around the usual ones
 * (normally distributed with the routine's spread), habits happen by chance, bathroom visits are Poisson. The same
 * seed always gives the same plan.
 */
public final class RoutinePlanner {
    private static final String BEDROOM = "bedroom";
    private static final String BATHROOM = "bathroom";
    private static final String KITCHEN = "kitchen";
    private static final String LOUNGE = "lounge";
    private static final String HALL = "hall";

    private final Scenario scenario;
    private final ZoneId zone;
    private final SplittableRandom random;

    public RoutinePlanner(Scenario scenario, long seed) {
        this.scenario = scenario;
        this.zone = scenario.zone();
        this.random = new SplittableRandom(seed);
    }

    /** First instant of the run: midnight of the first day. */
    public static Instant runStart(Scenario s) {
        return s.start().atStartOfDay(s.zone()).toInstant();
    }

    /** End of the run: midnight after the last day. */
    public static Instant runEnd(Scenario s) {
        return s.start().plusDays(s.days()).atStartOfDay(s.zone()).toInstant();
    }

    /** The whole run's plan. */
    public Plan plan() {
        Plan plan = new Plan();
        Scenario.Routine r = scenario.routine();
        Instant restFrom = runStart(scenario);
        for (int d = 0; d < scenario.days(); d++) {
            LocalDate date = scenario.start().plusDays(d);
            Instant wake = vary(date, r.wake());
            Instant bed = vary(date, r.bed());
            night(plan, restFrom, wake);
            day(plan, date, wake, bed);
            restFrom = bed;
        }
        night(plan, restFrom, runEnd(scenario));
        return plan;
    }

    private void night(Plan plan, Instant from, Instant to) {
        plan.point(new Stimulus(from, new Stimulus.Mat(matId(), true)));
        int visits = poisson(scenario.routine().bathroomNight());
        List<Instant> times = new ArrayList<>();
        long span = Duration.between(from, to).toMinutes() - 120;
        for (int i = 0; i < visits && span > 10; i++) {
            times.add(from.plus(Duration.ofMinutes(60 + random.nextLong(span))));
        }
        times.sort(Comparator.naturalOrder());
        Instant t = from;
        for (Instant visit : times) {
            if (visit.isBefore(t.plusSeconds(600))) {
                continue;
            }
            plan.add(new Segment(t, visit, BEDROOM, Mode.RESTING));
            plan.point(new Stimulus(visit, new Stimulus.Mat(matId(), false)));
            Instant back = visit.plus(Duration.ofMinutes(4 + random.nextInt(6)));
            plan.add(new Segment(visit, back, BATHROOM, Mode.ACTIVE));
            flush(plan, back.minusSeconds(30));
            plan.point(new Stimulus(back.plusSeconds(60), new Stimulus.Mat(matId(), true)));
            t = back;
        }
        plan.add(new Segment(t, to, BEDROOM, Mode.RESTING));
    }

    private record Activity(Instant start, Instant end, String room, Mode mode, String what) {
        boolean overlaps(Activity o) {
            return start.isBefore(o.end) && o.start.isBefore(end);
        }

        /** The same activity, for as long, starting no earlier than {@code from}. */
        Activity notBefore(Instant from) {
            return start.isBefore(from) ? new Activity(from, from.plus(Duration.between(start, end)), room, mode, what)
                    : this;
        }
    }

    /**
     * One day. The morning (dressing, the wash, then the first meal of the day) always happens, in that order: an
     * activity that would start before the previous one ends waits for it, so a resident who wakes late or dresses
     * slowly still washes and eats, just later. Other activities (later meals, toilet visits, habits) that clash with
     * the morning or with what came before are skipped for the day.
     */
    private void day(Plan plan, LocalDate date, Instant wake, Instant bed) {
        Scenario.Routine r = scenario.routine();
        plan.point(new Stimulus(wake, new Stimulus.Mat(matId(), false)));
        List<Activity> morning = new ArrayList<>();
        List<Activity> others = new ArrayList<>();
        Activity dress = new Activity(wake, wake.plus(minutes(5, 10)), BEDROOM, Mode.ACTIVE, "dress");
        Activity wash = new Activity(wake.plus(Duration.ofMinutes(10)), wake.plus(minutes(20, 10)), BATHROOM,
                Mode.ACTIVE, "wash").notBefore(dress.end());
        morning.add(dress);
        morning.add(wash);
        Scenario.Meal first = r.meals().stream().min(Comparator.comparing(m -> m.at().at())).orElse(null);
        for (Scenario.Meal meal : r.meals()) {
            Instant at = vary(date, meal.at());
            Activity a = new Activity(at, at.plus(minutes(15, 15)), KITCHEN, Mode.ACTIVE,
                    meal.kettle() ? "kettle" : "meal");
            if (meal == first) {
                morning.add(a.notBefore(wash.end()));
            } else {
                others.add(a);
            }
        }
        int visits = poisson(r.bathroomDay());
        long span = Duration.between(wake, bed).toMinutes() - 120;
        for (int i = 0; i < visits && span > 10; i++) {
            Instant at = wake.plus(Duration.ofMinutes(60 + random.nextLong(span)));
            others.add(new Activity(at, at.plus(minutes(3, 6)), BATHROOM, Mode.ACTIVE, "toilet"));
        }
        habit(others, date, r.nap(), LOUNGE, Mode.RESTING, "nap");
        habit(others, date, r.outing(), HALL, Mode.OUT, "out");
        habit(others, date, r.visitor(), LOUNGE, Mode.ACTIVE, "visitor");
        others.removeIf(a -> morning.stream().anyMatch(a::overlaps)); // the morning comes first
        List<Activity> acts = new ArrayList<>(morning);
        acts.addAll(others);
        acts.sort(Comparator.comparing(Activity::start));
        Instant t = wake;
        for (Activity a : acts) {
            if (a.start().isBefore(t) || !a.end().isBefore(bed)) {
                continue; // clashes with what came before, or runs into bedtime: not today
            }
            plan.add(new Segment(t, a.start(), LOUNGE, Mode.ACTIVE));
            plan.add(new Segment(a.start(), a.end(), a.room(), a.mode()));
            points(plan, a);
            t = a.end();
        }
        plan.add(new Segment(t, bed.minusSeconds(600), LOUNGE, Mode.ACTIVE));
        plan.add(new Segment(bed.minusSeconds(600), bed, BATHROOM, Mode.ACTIVE));
    }

    private void points(Plan plan, Activity a) {
        switch (a.what()) {
            case "kettle" -> {
                plan.point(new Stimulus(a.start().plusSeconds(60), new Stimulus.Contact(fridgeId(), true)));
                plan.point(new Stimulus(a.start().plusSeconds(90), new Stimulus.Contact(fridgeId(), false)));
                plan.point(new Stimulus(a.start().plusSeconds(120), new Stimulus.Plug(kettleId(), true)));
                plan.point(new Stimulus(a.start().plusSeconds(300), new Stimulus.Plug(kettleId(), false)));
            }
            case "meal" -> {
                plan.point(new Stimulus(a.start().plusSeconds(60), new Stimulus.Contact(fridgeId(), true)));
                plan.point(new Stimulus(a.start().plusSeconds(100), new Stimulus.Contact(fridgeId(), false)));
            }
            case "toilet" -> flush(plan, a.end().minusSeconds(30));
            case "out", "visitor" -> {
                door(plan, a.start().plusSeconds(30));
                door(plan, a.end().minusSeconds(30));
            }
            default -> { }
        }
    }

    /**
     * The cistern's contact opens and closes again: a sensor that only ever said "open" would repeat its state, which
     * the gateway rightly reads as a check-in, not a flush.
     */
    private void flush(Plan plan, Instant at) {
        plan.point(new Stimulus(at, new Stimulus.Contact(flushId(), true)));
        plan.point(new Stimulus(at.plusSeconds(10), new Stimulus.Contact(flushId(), false)));
    }

    private void door(Plan plan, Instant at) {
        plan.point(new Stimulus(at, new Stimulus.Contact(frontDoorId(), true)));
        plan.point(new Stimulus(at.plusSeconds(15), new Stimulus.Contact(frontDoorId(), false)));
    }

    private void habit(List<Activity> acts, LocalDate date, Scenario.Habit h, String room, Mode mode, String what) {
        if (random.nextDouble() < h.chance()) {
            Instant at = vary(date, h.at());
            long length = Math.max(10, Math.round(h.length().toMinutes() * (0.7 + 0.6 * random.nextDouble())));
            acts.add(new Activity(at, at.plus(Duration.ofMinutes(length)), room, mode, what));
        }
    }

    /** A local time on {@code date} moved by a normal draw of the spread, clamped to three spreads. */
    private Instant vary(LocalDate date, Scenario.Timing t) {
        double z = Math.max(-3, Math.min(3, gaussian()));
        long seconds = Math.round(z * t.spread().toSeconds());
        LocalTime base = t.at();
        return date.atTime(base).atZone(zone).toInstant().plusSeconds(seconds);
    }

    private Duration minutes(int base, int extra) {
        return Duration.ofMinutes(base + random.nextInt(extra + 1));
    }

    private double gaussian() {
        // Box-Muller from the seeded generator, so plans do not depend on the JDK's gaussian algorithm.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    private String matId() {
        return scenario.home().byRole("bed").map(Scenario.Sensor::id).orElse("");
    }

    private String flushId() {
        return scenario.home().byRole("toilet-flush").map(Scenario.Sensor::id).orElse("");
    }

    private String fridgeId() {
        return scenario.home().byRole("contact").map(Scenario.Sensor::id).orElse("");
    }

    private String kettleId() {
        return scenario.home().byRole("appliance").map(Scenario.Sensor::id).orElse("");
    }

    private String frontDoorId() {
        return scenario.home().byRole("front-door").map(Scenario.Sensor::id).orElse("");
    }
}
