package org.hearth.simulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.hearth.simulator.SimulatorCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code fuzz} command: a CI-sized run over every target, and that a crash is counted and fails the run. */
class FuzzCommandTest {

    @Test
    void aHundredThousandInputsOverEveryDecoderAndTheConfigLoaderCrashNothing() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SimulatorCli());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("fuzz", "--inputs", "100000", "--seed", "20261203");

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("fuzz: 100000 inputs, 0 crashes");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("zigbee2mqtt", "hearth-topic", "coap", "config");
    }

    @Test
    void anythingButACleanOutcomeIsACrash() {
        FuzzTarget fragile = new FuzzTarget() {
            @Override
            public String name() {
                return "fragile";
            }

            @Override
            public int weight() {
                return 1;
            }

            @Override
            public List<byte[]> corpus() {
                return List.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void run(byte[] input, SplittableRandom random) {
                if (input.length % 2 == 0) {
                    throw new IllegalStateException("boom");
                }
            }
        };

        Fuzzer.Result result = new Fuzzer(List.of(fragile)).run(1_000, 7);

        assertThat(result.inputs()).isEqualTo(1_000);
        assertThat(result.crashes()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.failure()).startsWith("java.lang.IllegalStateException"));
    }

    @Test
    void anUnknownTargetIsAUsageError() {
        CommandLine cli = new CommandLine(new SimulatorCli());
        cli.setErr(new PrintWriter(new StringWriter()));

        assertThat(cli.execute("fuzz", "--inputs", "10", "--target", "nope")).isEqualTo(2);
    }
}
