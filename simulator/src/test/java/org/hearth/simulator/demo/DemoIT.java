package org.hearth.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.hearth.simulator.SimulatorCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's first command keeps working: the demo runs end to end and its last line counts a clean day. */
class DemoIT {

    @Test
    void theDemoDeliversBothAlertsOnceAndSaysSoOnItsLastLine(@TempDir Path dir) {
        var out = new StringWriter();
        var cli = new CommandLine(new SimulatorCli()).setOut(new PrintWriter(out, true));

        int exit = cli.execute("demo", "--data", dir.toString());

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).last().isEqualTo("demo: 2 alerts raised, 2 delivered to the care record, 0 duplicates");
        assertThat(lines).filteredOn(l -> l.contains(">> care record accepted")).hasSize(2);
        assertThat(exit).isZero();
    }
}
