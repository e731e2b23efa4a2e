package org.hearth.simulator.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.hearth.simulator.Peers;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.SimulatorCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** kill -9 of the real gateway process, ten times, while alerts flow: none lost, none duplicated, no corrupt file. */
class SoakIT {

    @Test
    void tenKillsLoseAndDuplicateNothing(@TempDir Path dir) throws Exception {
        Peers.requireMosquitto();
        var out = new StringWriter();
        var cli = new CommandLine(new SimulatorCli()).setOut(new PrintWriter(out, true));

        int exit = cli.execute("soak", "--kills", "10", "--alerts", "200", "--seed", "7",
                "--care-record", SharedSandbox.get().baseUrl(), "--data", dir.toString());

        assertThat(out.toString().lines().toList()).last()
                .isEqualTo("soak: 10 kills, 200 alerts expected, 0 lost, 0 duplicates");
        assertThat(exit).isZero();
    }
}
