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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        HomeEvaluation.HomeResult result = HomeEvaluation.evaluate(data, seed,
                org.hearth.rules.inactivity.RoutinePolicy::ukDefault, trial -> {
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
        out.flush();
        return 0;
    }
}
