package org.hearth.simulator.evaluate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hearth-simulator evaluate-homes [--data DIR] [--seed N] [--alerts]}: runs {@link HomeEvaluation} and prints
 * its figures against the targets of design §7.
 */
@Command(
        name = "evaluate-homes",
        mixinStandardHelpOptions = true,
        description = "Measure false inactivity alerts and collapse detection on the smart-home logs under "
                + "DIR/smarthome.")
public final class EvaluateHomesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "The shared data directory (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the collapse cuts (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--alerts", description = "Also print the evidence of every false alert.")
    private boolean alerts;

    @Option(names = "--trials", description = "Also print every collapse trial: cut, day or night, delay, evidence.")
    private boolean trials;

    @Option(names = "--ablate", description = "Also evaluate each home once without each of its sensors in turn, "
            + "one line per sensor: how much detection leans on it (a robustness study, not tuning).")
    private boolean ablate;

    @Option(names = "--day-floor", paramLabel = "MINUTES",
            description = "Evaluate with this clinician's minimum for a resident at home and off the mats by day "
                    + "(07:00-22:00; default 45) and at night (at least 60): the trade-off between false alerts and "
                    + "the delay to detect a collapse after getting up.")
    private Integer dayFloor;

    @Option(names = "--without", paramLabel = "SENSOR", split = ",",
            description = "Evaluate as if these sensors (ids such as living-seat-pressure) were not installed.")
    private java.util.List<String> without = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        java.util.List<UciAdlHome> homes = HomeEvaluation.homes(data).stream().map(h -> {
            UciAdlHome fewer = h;
            for (String sensor : without) {
                fewer = fewer.without(sensor);
            }
            return fewer;
        }).toList();
        HomeEvaluation.HomeResult result = HomeEvaluation.evaluate(homes, seed, this::policy, trial -> {
                    if (trials) {
                        out.println("trial " + trial.cut() + (trial.day() ? " day " : " night ")
                                + (trial.delay() == null ? "undetected" : trial.delay().toMinutes() + " min") + " "
                                + trial.explanation());
                    }
                });
        out.println(result.summary());
        if (alerts) {
            result.falseAlertExplanations().forEach(out::println);
            result.routineExplanations().forEach(out::println);
        }
        if (ablate) {
            ablation(out);
        }
        out.flush();
        return 0;
    }

    private void ablation(PrintWriter out) {
        java.util.List<UciAdlHome> homes = HomeEvaluation.homes(data);
        java.util.SortedSet<String> sensors = new java.util.TreeSet<>();
        homes.forEach(h -> sensors.addAll(h.layout().sensors().keySet()));
        out.println("without sensor: false alerts (per home-month), routine false alerts, collapses detected, "
                + "median delay day / night (min)");
        for (String sensor : sensors) {
            java.util.List<UciAdlHome> fewer = homes.stream()
                    .map(h -> h.without(sensor)).toList();
            HomeEvaluation.HomeResult r = HomeEvaluation.evaluate(fewer, seed, this::policy, trial -> { });
            int routine = r.routineFalseAlerts().values().stream().mapToInt(Integer::intValue).sum();
            out.println(String.format(java.util.Locale.ROOT, "  %-40s %2d (%.2f), %2d, %5.1f%%, %4.0f / %4.0f",
                    sensor, r.falseAlerts(), r.falseAlertsPerHomeMonth(), routine,
                    100 * r.collapseDetectedFraction(), r.medianDelayMinDay(), r.medianDelayMinNight()));
            out.flush();
        }
    }

    /** The default policy, with the at-home floors of {@code --day-floor} if given. */
    private org.hearth.rules.inactivity.RoutinePolicy policy(java.time.ZoneId zone) {
        var d = org.hearth.rules.inactivity.RoutinePolicy.ukDefault(zone);
        if (dayFloor == null) {
            return d;
        }
        var limits = new java.util.EnumMap<>(d.limits());
        limits.put(org.hearth.rules.inactivity.QuietContext.AT_HOME, d.limits(org.hearth.rules.inactivity.QuietContext.AT_HOME)
                .stream().map(b -> new org.hearth.rules.inactivity.LimitBand(b.start(),
                        java.time.Duration.ofMinutes(b.start().equals(java.time.LocalTime.of(7, 0)) ? dayFloor
                                : Math.max(60, dayFloor)), b.fallback(), b.ceiling())).toList());
        return new org.hearth.rules.inactivity.RoutinePolicy(zone, limits, d.learning(), d.awayAfter());
    }
}
