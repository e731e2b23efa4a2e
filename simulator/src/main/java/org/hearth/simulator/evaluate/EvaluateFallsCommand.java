package org.hearth.simulator.evaluate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-falls}: replays SisFall trials through the wearable fall detector at one or more sample rates and
 * prints sensitivity and specificity, split into young adults and elderly subjects, and the trials it got wrong.
 * Exits 0 whatever the figures; 1 if the data cannot be read.
 */
@Command(name = "evaluate-falls", mixinStandardHelpOptions = true,
        description = "Measure the wearable fall detector on SisFall trials (sensitivity on F files, specificity on D files).")
public final class EvaluateFallsCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "the SisFall folder, for example shared/data/falls/sisfall")
    Path data;

    @Option(names = "--rates", split = ",", defaultValue = "200,50,20",
            description = "sample rates to replay at, in Hz (default: ${DEFAULT-VALUE})")
    List<Integer> rates;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (int rate : rates) {
            FallEvaluation.FallResult r = FallEvaluation.run(data, rate);
            out.printf("falls @%d Hz: %s%n", rate, r.summary());
            long elderlyFalse = r.falseAlarmTrials().stream().filter(t -> TrialName.parse(t + ".txt").isElderly()).count();
            long elderlyAdls = SisFallReader.discover(data).stream()
                    .map(p -> TrialName.parse(p.getFileName().toString()))
                    .filter(t -> !t.isFall() && t.isElderly()).count();
            out.printf("  ADLs: young adults %d false alarms in %d, elderly %d in %d%n",
                    r.falseAlarms() - elderlyFalse, r.adls() - elderlyAdls, elderlyFalse, elderlyAdls);
            out.println("  missed falls: " + r.missed());
            out.println("  false alarms: " + r.falseAlarmTrials());
            out.flush();
        }
        return 0;
    }
}
