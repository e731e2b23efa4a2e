package org.hearth.simulator.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.simulator.drain.DrainCommand;
import picocli.CommandLine;

/**
 * The backlog drain, measured by the {@code drain} command itself (the gateway's real outbox, drainer and FHIR client
 * against the sandbox, then the sandbox's own ceiling for the same transactions): its two rates, read from its output.
 */
record DrainFigures(double alertsPerSecond, double ceilingPerSecond) {
    private static final Pattern DRAIN = Pattern.compile("^drain: \\d+ alerts in [\\d.]+ s = (\\d+) alerts/s",
            Pattern.MULTILINE);
    private static final Pattern CEILING = Pattern.compile("^sandbox ceiling: \\d+ alerts in [\\d.]+ s = (\\d+) alerts/s",
            Pattern.MULTILINE);

    static DrainFigures run(int alerts, String careRecordUrl, Path dir) {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new DrainCommand()).setOut(new PrintWriter(out, true)).execute(
                "--alerts", Integer.toString(alerts), "--care-record", careRecordUrl, "--data", dir.toString());
        Matcher drain = DRAIN.matcher(out.toString());
        Matcher ceiling = CEILING.matcher(out.toString());
        if (exit != 0 || !drain.find() || !ceiling.find()) {
            throw new IllegalStateException("drain failed (exit " + exit + "): " + out);
        }
        return new DrainFigures(Double.parseDouble(drain.group(1)), Double.parseDouble(ceiling.group(1)));
    }
}
