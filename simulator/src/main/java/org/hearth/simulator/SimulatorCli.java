package org.hearth.simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hearth-simulator}: the world around the real gateway — homes, residents, sensors, faults — and the
 * care-record sandbox. Every capability is a subcommand; this class only dispatches.
 */
@Command(
        name = "hearth-simulator",
        mixinStandardHelpOptions = true,
        versionProvider = SimulatorCli.Version.class,
        description = "Simulated homes and a sandbox shared care record around the Hearth gateway.",
        subcommands = {SandboxCommand.class, org.hearth.simulator.demo.DemoCommand.class,
                org.hearth.simulator.soak.SoakCommand.class,
                org.hearth.simulator.drain.DrainCommand.class,
                org.hearth.simulator.evaluate.EvaluateFallsCommand.class,

                org.hearth.simulator.evaluate.EvaluateHomesCommand.class,
                org.hearth.simulator.evaluate.EvaluateCommand.class,
                org.hearth.simulator.bench.BenchCommand.class,
                org.hearth.simulator.fuzz.FuzzCommand.class,
                org.hearth.simulator.scenario.ScenarioCommand.class})
public final class SimulatorCli implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Entry point; the exit code is the subcommand's. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorCli()).execute(args));
    }

    @Override
    public void run() {
        // Without a subcommand there is nothing to do: say so with usage and picocli's usage-error exit code.
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** Version from the jar manifest when packaged, "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SimulatorCli.class.getPackage().getImplementationVersion();
            return new String[] {"hearth-simulator " + (v == null ? "dev" : v)};
        }
    }
}
