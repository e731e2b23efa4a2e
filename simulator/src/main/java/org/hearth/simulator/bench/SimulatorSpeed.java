package org.hearth.simulator.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.simulator.scenario.ScenarioCommand;
import picocli.CommandLine;

/**
 * Virtual-time speed, measured by {@code scenario run} itself: many homes, each the real gateway core against the
 * sandbox, as fast as they go. Read from its last line, {@code H homes × D days in S s = R home-days/s}.
 */
final class SimulatorSpeed {
    private static final Pattern SPEED = Pattern.compile("= ([\\d.]+) home-days/s");

    private SimulatorSpeed() {}

    static double homeDaysPerSecond(Path scenario, int homes, int days, String careRecordUrl, Path dir) {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ScenarioCommand()).setOut(new PrintWriter(out, true)).execute("run",
                scenario.toString(), "--homes", Integer.toString(homes), "--days", Integer.toString(days),
                "--parallel", "2", "--allow-misses", "--care-record", careRecordUrl, "--data", dir.toString());
        Matcher m = SPEED.matcher(out.toString());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (exit != 0 || last == null) {
            throw new IllegalStateException("scenario run failed (exit " + exit + "): " + out);
        }
        return Double.parseDouble(last);
    }
}
