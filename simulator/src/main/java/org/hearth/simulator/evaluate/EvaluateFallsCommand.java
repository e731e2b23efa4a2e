package org.hearth.simulator.evaluate;

import org.hearth.rules.fall.FallThresholds;
import org.hearth.rules.fall.WearableFallDetector;

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

    @Option(names = "--margins", description = "Also replay at the first rate with each threshold moved by -20%%, "
            + "-10%%, +10%% and +20%% in turn (one line each): how far the figures sit from a cliff. A detector whose "
            + "figures hold across that neighbourhood is more likely to hold on people it has never seen.")
    boolean margins;

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
        if (margins) {
            margins(out, rates.get(0));
        }
        return 0;
    }

    private void margins(PrintWriter out, int rate) throws java.io.IOException {
        FallThresholds d = FallThresholds.defaults();
        out.printf("threshold margins @%d Hz (sensitivity / specificity):%n", rate);
        for (String name : java.util.List.of("impact", "orientation change", "tilt from upright", "quiet")) {
            StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "  %-19s", name));
            for (double f : new double[] {0.8, 0.9, 1.1, 1.2}) {
                FallThresholds t = switch (name) {
                    // Impact is scaled above gravity: 1.7 g at -20% is 1 + 0.7 * 0.8 g, never below 1 g.
                    case "impact" -> new FallThresholds(1 + (d.impactG() - 1) * f, d.minOrientationChangeDegrees(),
                            d.minTiltFromUprightDegrees(), d.quietStdG(), d.stillness(), d.maxDelayToStillness());
                    case "orientation change" -> new FallThresholds(d.impactG(), d.minOrientationChangeDegrees() * f,
                            d.minTiltFromUprightDegrees(), d.quietStdG(), d.stillness(), d.maxDelayToStillness());
                    case "tilt from upright" -> new FallThresholds(d.impactG(), d.minOrientationChangeDegrees(),
                            d.minTiltFromUprightDegrees() * f, d.quietStdG(), d.stillness(), d.maxDelayToStillness());
                    default -> new FallThresholds(d.impactG(), d.minOrientationChangeDegrees(),
                            d.minTiltFromUprightDegrees(), d.quietStdG() * f, d.stillness(), d.maxDelayToStillness());
                };
                FallEvaluation.FallResult r = FallEvaluation.run(data, rate, new WearableFallDetector(t));
                line.append(String.format(java.util.Locale.ROOT, "  %+3.0f%%: %.3f / %.3f", (f - 1) * 100,
                        r.sensitivity(), r.specificity()));
            }
            out.println(line);
            out.flush();
        }
    }
}
