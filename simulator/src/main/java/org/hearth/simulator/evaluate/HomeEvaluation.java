package org.hearth.simulator.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.engine.RulesEngine;
import org.hearth.rules.home.SilenceRules;
import org.hearth.rules.inactivity.RoutinePolicy;
import org.hearth.rules.model.Alert;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.routine.RoutineState;
import org.hearth.rules.routine.RoutineWatch;
import org.hearth.rules.routine.RoutineWatchPolicy;

/**
 * The inactivity rules measured on real homes (design §7): false alerts in normal living, and how soon a collapse
 * is detected.
 *
 * <p>Each home ({@link UciAdlReader#discover}) gets its own engine with its layout and
 * {@link RoutinePolicy#ukDefault} in the home's zone, starting from nothing, and learns from the log as it is
 * replayed, like a new installation.
 * Engine and routine detectors ({@link RoutineWatch} with {@link RoutineWatchPolicy#ukDefault}) run together exactly as
 * the gateway's home monitor runs them ({@link GatewayReplay}): what is measured is what a home would get, one episode
 * raising one alert.
 * <ol>
 *   <li><b>Normal living.</b> The whole log is replayed, ticked every {@link #TICK} from the first event to the last.
 *       Nothing bad happens in these logs, so every alert of a {@link #SILENCE_TYPES} type (prolonged inactivity or
 *       absence, bed exit without return, bathroom dwell, missed morning) is false. A home-month is 30 days of log.
 *       The routine detectors' alerts are also reported per detector, door-at-night included.</li>
 *   <li><b>Collapses.</b> {@link #TRIALS_PER_HOME} cut instants per home, uniform (to the second) between the end of
 *       the learning period ({@link org.hearth.rules.inactivity.RoutineLearning#learningPeriod()} after the first
 *       event) and the last event, drawn from one {@code java.util.Random(seed)} over the homes in path order. A cut
 *       that falls while the resident is out (between two uses of the front door with nothing inside in between) is
 *       drawn again: nobody can fall at home then. For each cut, the log is replayed up to the cut, then the
 *       sensors report a collapse there ({@link UciAdlHome#eventsWithCollapseAt}) and the rules are ticked every
 *       {@link #TICK} until their first alert of a {@link #SILENCE_TYPES} type, for at most {@link #GIVE_UP_AFTER}
 *       (undetected). Delay = the alert's raisedAt − the cut; if the quiet period in progress at the cut had already
 *       raised its alert, that alert stands and the delay is zero. A cut is by day from 08:00 to 22:00 local time,
 *       else at night. Medians count undetected trials as infinitely late.</li>
 * </ol>
 */
public final class HomeEvaluation {

    /** How often the engine is ticked, as the gateway would. */
    public static final Duration TICK = Duration.ofMinutes(1);
    /** Collapse trials per home. */
    public static final int TRIALS_PER_HOME = 200;
    /** How long after a collapse an alert still counts as detection. */
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /** Days in a home-month. */
    public static final double DAYS_PER_MONTH = 30;

    /** The routine detectors' alert types, every one of them false in normal living. */
    public static final List<AlertType> ROUTINE_TYPES = List.of(AlertType.BATHROOM_DWELL,
            AlertType.BED_EXIT_NO_RETURN, AlertType.DOOR_OPEN_NIGHT, AlertType.MISSED_MORNING_ROUTINE);

    /**
     * The alerts that say "this resident has been still or unseen too long": each one in normal living is a false
     * alert, and the first one after a collapse is its detection. Door-at-night alerts are about an event, not a
     * silence, and are reported with the other routine detectors only.
     */
    public static final List<AlertType> SILENCE_TYPES = List.of(AlertType.PROLONGED_INACTIVITY,
            AlertType.PROLONGED_ABSENCE, AlertType.BED_EXIT_NO_RETURN, AlertType.BATHROOM_DWELL,
            AlertType.MISSED_MORNING_ROUTINE);

    private static final LocalTime DAY_START = LocalTime.of(8, 0);
    private static final LocalTime NIGHT_START = LocalTime.of(22, 0);

    private HomeEvaluation() {
    }

    /**
     * The figures over every home, with diagnostics.
     *
     * @param homeDays                days of log over all homes
     * @param falseAlertsPerHomeMonth {@code falseAlerts / homeDays × 30}
     * @param collapseTrials          collapse trials over all homes
     * @param collapseDetectedFraction share of trials with an alert within {@link #GIVE_UP_AFTER}
     * @param medianDelayMinDay       median minutes from collapse to alert, cuts by day
     * @param medianDelayMinNight     the same at night
     * @param homes                   homes evaluated
     * @param falseAlerts             alerts of a {@link #SILENCE_TYPES} type raised in normal living
     * @param dayTrials               trials by day
     * @param nightTrials             trials at night
     * @param p90DelayMinDay          90th percentile of the delay by day, minutes
     * @param p90DelayMinNight        the same at night
     * @param maxDelayMin             the longest delay of a detected trial, minutes
     * @param detectedAsAbsence       trials detected by an absence alert (a collapse just behind the front door)
     * @param alreadyAlerted          trials whose quiet period had raised its alert before the cut
     * @param cutsRedrawnAway         cuts drawn again because the resident was out
     * @param falseAlertExplanations  the evidence sentence of every false alert, for a human to read
     * @param routineFalseAlerts      the routine detectors' alerts in normal living (all false), by alert code, every
     *                                routine alert type present (sorted, immutable)
     * @param routineExplanations     the evidence sentence of every one of them
     */
    public record HomeResult(double homeDays, double falseAlertsPerHomeMonth, int collapseTrials,
                             double collapseDetectedFraction, double medianDelayMinDay, double medianDelayMinNight,
                             int homes, int falseAlerts, int dayTrials, int nightTrials, double p90DelayMinDay,
                             double p90DelayMinNight, double maxDelayMin, int detectedAsAbsence, int alreadyAlerted,
                             int cutsRedrawnAway, List<String> falseAlertExplanations,
                             Map<String, Integer> routineFalseAlerts, List<String> routineExplanations) {

        /**
         * Copies the list.
         *
         * @param homeDays see the record description
         * @param falseAlertsPerHomeMonth see the record description
         * @param collapseTrials see the record description
         * @param collapseDetectedFraction see the record description
         * @param medianDelayMinDay see the record description
         * @param medianDelayMinNight see the record description
         * @param homes see the record description
         * @param falseAlerts see the record description
         * @param dayTrials see the record description
         * @param nightTrials see the record description
         * @param p90DelayMinDay see the record description
         * @param p90DelayMinNight see the record description
         * @param maxDelayMin see the record description
         * @param detectedAsAbsence see the record description
         * @param alreadyAlerted see the record description
         * @param cutsRedrawnAway see the record description
         * @param falseAlertExplanations see the record description
         * @param routineFalseAlerts see the record description
         * @param routineExplanations see the record description
         */
        public HomeResult {
            falseAlertExplanations = List.copyOf(falseAlertExplanations);
            routineFalseAlerts = Collections.unmodifiableSortedMap(new TreeMap<>(routineFalseAlerts));
            routineExplanations = List.copyOf(routineExplanations);
        }

        /**
         * False alerts per home-month of one routine detector.
         *
         * @param type a routine alert type
         * @return its alerts in normal living per 30 days of log
         */
        public double routinePerHomeMonth(AlertType type) {
            return routineFalseAlerts.getOrDefault(type.code(), 0) / homeDays * DAYS_PER_MONTH;
        }

        /**
         * A short report, one figure per line.
         *
         * @return the report
         */
        public String summary() {
            return String.format(java.util.Locale.ROOT, """
                    homes %d, home-days %.1f
                    false silence alerts (inactivity, absence, bed exit, bathroom, morning) %d = %.2f per home-month \
                    (target <= 0.5)
                    collapse trials %d (day %d, night %d), detected %.1f%% (target 100%%), %d by an absence alert, \
                    %d already alerted, %d cuts redrawn (resident out)
                    delay by day: median %.0f min (target <= 60), p90 %.0f min
                    delay at night: median %.0f min (target <= 120), p90 %.0f min
                    longest detected delay %.0f min
                    routine false alerts per home-month: %s""",
                    homes, homeDays, falseAlerts, falseAlertsPerHomeMonth, collapseTrials, dayTrials, nightTrials,
                    100 * collapseDetectedFraction, detectedAsAbsence, alreadyAlerted, cutsRedrawnAway,
                    medianDelayMinDay, p90DelayMinDay, medianDelayMinNight, p90DelayMinNight, maxDelayMin,
                    routineSummary());
        }

        private String routineSummary() {
            StringBuilder b = new StringBuilder();
            for (AlertType type : ROUTINE_TYPES) {
                b.append(b.length() == 0 ? "" : ", ").append(type.code()).append(' ')
                        .append(routineFalseAlerts.getOrDefault(type.code(), 0)).append(String.format(
                                java.util.Locale.ROOT, " (%.2f)", routinePerHomeMonth(type)));
            }
            return b.toString();
        }
    }

    /**
     * Evaluates every home under {@code dataDir/smarthome}.
     *
     * @param dataDir the shared data directory
     * @param seed    seed of the collapse cuts
     * @return the figures
     * @throws IllegalArgumentException if there is no home to evaluate
     * @throws UncheckedIOException     if a file cannot be read
     */
    public static HomeResult run(Path dataDir, long seed) {
        return run(dataDir, seed, RoutinePolicy::ukDefault);
    }

    /**
     * Evaluates every home under {@code dataDir/smarthome} with another policy, for example to compare with fixed
     * bands ({@code zone -> RoutinePolicy.fixed(InactivityPolicy.ukDefault(zone))}).
     *
     * @param dataDir the shared data directory
     * @param seed    seed of the collapse cuts
     * @param policy  the policy of a home, given its zone
     * @return the figures
     * @throws IllegalArgumentException if there is no home to evaluate
     * @throws UncheckedIOException     if a file cannot be read
     */
    public static HomeResult run(Path dataDir, long seed, Function<ZoneId, RoutinePolicy> policy) {
        return evaluate(dataDir, seed, policy, trial -> { });
    }

    /** As {@link #run(Path, long, Function)}, showing every trial to {@code trialSink} (for diagnosis). */
    static HomeResult evaluate(Path dataDir, long seed, Function<ZoneId, RoutinePolicy> policy,
            Consumer<Trial> trialSink) {
        return evaluate(homes(dataDir), seed, policy, trialSink);
    }

    /**
     * Every home under {@code dataDir/smarthome}.
     *
     * @param dataDir the shared data directory
     * @return the homes, in path order
     * @throws IllegalArgumentException if there is none
     * @throws UncheckedIOException     if a file cannot be read
     */
    static List<UciAdlHome> homes(Path dataDir) {
        List<UciAdlHome> homes = new ArrayList<>();
        try {
            for (Path file : UciAdlReader.discover(dataDir)) {
                homes.add(UciAdlReader.read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (homes.isEmpty()) {
            throw new IllegalArgumentException("no *_Sensors.txt file under " + dataDir.resolve("smarthome"));
        }
        return homes;
    }

    /** As {@link #evaluate(Path, long, Function, Consumer)}, on homes already read. */
    static HomeResult evaluate(List<UciAdlHome> homes, long seed, Function<ZoneId, RoutinePolicy> policy,
            Consumer<Trial> trialSink) {
        Random random = new Random(seed);
        double homeDays = 0;
        List<String> falseAlerts = new ArrayList<>();
        List<Trial> trials = new ArrayList<>();
        int redrawn = 0;
        List<Alert> routineAlerts = new ArrayList<>();
        for (UciAdlHome home : homes) {
            RulesEngine engine = new RulesEngine(home.layout(), policy.apply(home.zone()));
            RoutineWatch watch = new RoutineWatch(home.layout(), RoutineWatchPolicy.ukDefault(home.zone()));
            homeDays += Duration.between(home.first(), home.last()).toSeconds() / 86_400.0;
            List<Alert> living = routineLiving(engine, watch, home);
            living.stream().filter(HomeEvaluation::isSilenceAlert)
                    .forEach(a -> falseAlerts.add(a.raisedAt() + " " + a.type().code() + ": "
                            + a.evidence().explanation()));
            living.stream().filter(a -> ROUTINE_TYPES.contains(a.type())).forEach(routineAlerts::add);
            Cuts cuts = cuts(engine, home, random);
            redrawn += cuts.redrawn();
            for (Instant cut : cuts.instants()) {
                Trial trial = collapse(engine, watch, home, cut);
                trialSink.accept(trial);
                trials.add(trial);
            }
        }
        return result(homes.size(), homeDays, falseAlerts, trials, redrawn, routineAlerts);
    }

    /**
     * Every alert of the whole log, with the engine and the routine detectors run as the gateway runs them
     * ({@link GatewayReplay}), ticked every {@link #TICK}.
     */
    static List<Alert> routineLiving(RulesEngine engine, RoutineWatch watch, UciAdlHome home) {
        List<Alert> alerts = new ArrayList<>();
        List<SensorEvent> events = home.events();
        GatewayReplay replay = new GatewayReplay(engine, watch);
        Instant now = events.get(0).at();
        Instant end = events.get(events.size() - 1).at();
        int next = 0;
        while (!now.isAfter(end)) {
            while (next < events.size() && !events.get(next).at().isAfter(now)) {
                alerts.addAll(replay.event(events.get(next++)));
            }
            alerts.addAll(replay.tick(now));
            now = now.plus(TICK);
        }
        while (next < events.size()) {
            alerts.addAll(replay.event(events.get(next++)));
        }
        return alerts;
    }

    /**
     * The rules engine and the routine detectors over one home, stepped through {@link SilenceRules} exactly as the
     * gateway's home monitor steps them: what is measured is what a home would get, one episode raising one alert.
     */
    static final class GatewayReplay {
        private final SilenceRules rules;
        private EngineState state = EngineState.initial();
        private RoutineState routine = RoutineState.initial();

        GatewayReplay(RulesEngine engine, RoutineWatch watch) {
            this.rules = new SilenceRules(engine, watch);
        }

        List<Alert> event(SensorEvent e) {
            return settle(rules.onEvent(state, routine, e));
        }

        List<Alert> tick(Instant now) {
            return settle(rules.onTick(state, routine, now));
        }

        EngineState engineState() {
            return state;
        }

        private List<Alert> settle(SilenceRules.Result r) {
            state = r.engine();
            routine = r.routine();
            return r.alerts();
        }
    }

    private static boolean isSilenceAlert(Alert a) {
        return SILENCE_TYPES.contains(a.type());
    }

    private record Cuts(List<Instant> instants, int redrawn) {
    }

    private static Cuts cuts(RulesEngine engine, UciAdlHome home, Random random) {
        Instant from = home.first().plus(engine.routinePolicy().learning().learningPeriod());
        List<SensorEvent> events = home.events();
        Instant to = events.get(events.size() - 1).at();
        if (!from.isBefore(to)) {
            return new Cuts(List.of(), 0);
        }
        List<Instant[]> away = absences(engine, home);
        long span = Duration.between(from, to).toSeconds();
        List<Instant> cuts = new ArrayList<>();
        int redrawn = 0;
        while (cuts.size() < TRIALS_PER_HOME) {
            Instant cut = from.plusSeconds((long) (random.nextDouble() * span));
            if (away.stream().anyMatch(a -> cut.isAfter(a[0]) && cut.isBefore(a[1]))) {
                if (++redrawn > 100 * TRIALS_PER_HOME) {
                    throw new IllegalStateException(home.name() + ": the resident is out almost all the time");
                }
                continue;
            }
            cuts.add(cut);
        }
        return new Cuts(cuts, redrawn);
    }

    /**
     * When the resident was out, from the whole log: from the end of one use of the front door to the start of the
     * next, when no other sensor was active in between.
     */
    private static List<Instant[]> absences(RulesEngine engine, UciAdlHome home) {
        List<Activation> doors = new ArrayList<>();
        List<Activation> inside = new ArrayList<>();
        for (Activation a : home.activations()) {
            (engine.layout().roleOf(a.sensorId()) == SensorRole.FRONT_DOOR ? doors : inside).add(a);
        }
        List<Instant[]> away = new ArrayList<>();
        for (int i = 0; i + 1 < doors.size(); i++) {
            Instant out = doors.get(i).end();
            Instant back = doors.get(i + 1).start();
            boolean someoneInside = inside.stream()
                    .anyMatch(a -> a.start().isBefore(back) && a.end().isAfter(out));
            if (out.isBefore(back) && !someoneInside) {
                away.add(new Instant[] {out, back});
            }
        }
        return away;
    }

    /**
     * One collapse trial.
     *
     * @param cut            the instant of the collapse
     * @param day            whether it is by day
     * @param delay          cut to alert, null if undetected
     * @param absence        whether the alert was an absence alert
     * @param alreadyAlerted whether the quiet period in progress at the cut had already raised its alert
     * @param explanation    the alert's evidence sentence, empty if undetected
     */
    record Trial(Instant cut, boolean day, Duration delay, boolean absence, boolean alreadyAlerted,
                 String explanation) {
    }

    private static Trial collapse(RulesEngine engine, RoutineWatch watch, UciAdlHome home, Instant cut) {
        boolean day = isDay(cut, home);
        List<SensorEvent> events = home.eventsWithCollapseAt(cut);
        GatewayReplay replay = new GatewayReplay(engine, watch);
        int next = 0;
        while (next < events.size() && events.get(next).at().isBefore(cut)) {
            replay.event(events.get(next++));
        }
        EngineState before = replay.engineState();
        List<Alert> atCut = replay.tick(cut).stream().filter(HomeEvaluation::isSilenceAlert).toList();
        if (!atCut.isEmpty() || (before.inactivityAlerted() && before.lastActivityAt() != null)) {
            boolean absence = atCut.stream().anyMatch(a -> a.type() == AlertType.PROLONGED_ABSENCE);
            return new Trial(cut, day, Duration.ZERO, absence, true, "already alerted");
        }
        Instant giveUp = cut.plus(GIVE_UP_AFTER);
        for (Instant now = cut; !now.isAfter(giveUp); now = now.plus(TICK)) {
            List<Alert> raised = new ArrayList<>();
            while (next < events.size() && !events.get(next).at().isAfter(now)) {
                raised.addAll(replay.event(events.get(next++)));
            }
            raised.addAll(replay.tick(now));
            for (Alert a : raised) {
                if (isSilenceAlert(a)) {
                    return new Trial(cut, day, Duration.between(cut, a.raisedAt()),
                            a.type() == AlertType.PROLONGED_ABSENCE, false,
                            a.type().code() + ": " + a.evidence().explanation());
                }
            }
        }
        return new Trial(cut, day, null, false, false, "");
    }

    private static boolean isDay(Instant t, UciAdlHome home) {
        LocalTime local = LocalTime.ofInstant(t, home.zone());
        return !local.isBefore(DAY_START) && local.isBefore(NIGHT_START);
    }

    private static HomeResult result(int homes, double homeDays, List<String> falseAlerts, List<Trial> trials,
            int redrawn, List<Alert> routineAlerts) {
        Map<String, Integer> routineCounts = new TreeMap<>();
        ROUTINE_TYPES.forEach(t -> routineCounts.put(t.code(), 0));
        routineAlerts.forEach(a -> routineCounts.merge(a.type().code(), 1, Integer::sum));
        List<String> routineExplanations = routineAlerts.stream()
                .map(a -> a.raisedAt() + " " + a.type().code() + ": " + a.evidence().explanation()).toList();
        List<Trial> byDay = trials.stream().filter(Trial::day).toList();
        List<Trial> atNight = trials.stream().filter(t -> !t.day()).toList();
        List<Trial> detected = trials.stream().filter(t -> t.delay() != null).toList();
        double maxDelay = detected.stream().mapToDouble(HomeEvaluation::minutes).max().orElse(Double.NaN);
        return new HomeResult(homeDays, falseAlerts.size() / homeDays * DAYS_PER_MONTH, trials.size(),
                trials.isEmpty() ? Double.NaN : detected.size() / (double) trials.size(), quantile(byDay, 0.5),
                quantile(atNight, 0.5), homes, falseAlerts.size(), byDay.size(), atNight.size(), quantile(byDay, 0.9),
                quantile(atNight, 0.9), maxDelay, (int) detected.stream().filter(Trial::absence).count(),
                (int) trials.stream().filter(Trial::alreadyAlerted).count(), redrawn, falseAlerts, routineCounts,
                routineExplanations);
    }

    private static double minutes(Trial t) {
        return t.delay() == null ? Double.POSITIVE_INFINITY : t.delay().toSeconds() / 60.0;
    }

    /** The nearest-rank quantile of the delays in minutes, undetected trials being infinitely late. */
    private static double quantile(List<Trial> trials, double q) {
        if (trials.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = trials.stream().mapToDouble(HomeEvaluation::minutes).sorted().toArray();
        if (q == 0.5 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
