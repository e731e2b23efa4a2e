package org.hearth.simulator.fuzz;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fuzz --inputs N [--seed S] [--target T]}: random and mutated inputs to every decoder and the config loader.
 * The last line is exactly {@code fuzz: N inputs, C crashes}; the exit code is 1 if C > 0.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Fuzz the gateway's decoders (zigbee2mqtt, hearth-topic, coap) and config loader (config).")
public final class FuzzCommand implements Callable<Integer> {
    /** How many crashes are described in full (the count covers all). */
    private static final int SHOWN = 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--inputs", required = true, description = "Inputs in total, shared round robin by the targets (config gets 1 in 10).")
    private long inputs;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed replays the same run.")
    private long seed;

    @Option(names = "--target", description = "Only this target: zigbee2mqtt, hearth-topic, coap or config.")
    private String target;

    @Override
    public Integer call() {
        if (inputs < 1) {
            throw new ParameterException(spec.commandLine(), "--inputs must be at least 1");
        }
        List<FuzzTarget> targets = FuzzTargets.all().stream()
                .filter(t -> target == null || t.name().equals(target)).toList();
        if (targets.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "unknown --target " + target);
        }
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime(); // measuring, not logic: monotonic time for the report
        Fuzzer.Result result = new Fuzzer(targets).run(inputs, seed);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        result.inputsPerTarget().forEach((name, n) -> out.printf("  %-13s %,d inputs%n", name, n));
        result.crashes().stream().limit(SHOWN).forEach(c ->
                out.printf("  crash: target=%s input=#%d (replay: --seed %d --inputs %d) %s%n", c.target(), c.index(),
                        seed, c.index() + 1, c.failure()));
        out.printf("  seed %d, %.1f s, %,.0f inputs/s%n", seed, took.toMillis() / 1000.0,
                inputs / Math.max(took.toNanos() / 1e9, 1e-9));
        out.printf("fuzz: %d inputs, %d crashes%n", result.inputs(), result.crashes().size());
        out.flush();
        return result.crashes().isEmpty() ? 0 : 1;
    }
}
