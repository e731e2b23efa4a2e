package org.hearth.simulator.scenario;

import ca.uhn.fhir.context.FhirContext;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hearth.simulator.carerecord.CareRecordInspector;
import org.hearth.simulator.carerecord.CareRecordSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scenario}: scenario files, run through the real gateway and scored against their ground truth. */
@Command(name = "scenario", mixinStandardHelpOptions = true, subcommands = ScenarioCommand.Run.class,
        description = "Play scenario files (homes, routines, injected events) and score what the care record got.")
public final class ScenarioCommand implements Runnable {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code scenario run FILE}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a scenario; exit 1 on a missed alert, a broken 'no alert' or a duplicate.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", description = "the scenario file (YAML)")
        Path file;

        @Option(names = "--homes", defaultValue = "1", description = "homes, each its own resident seed (default: ${DEFAULT-VALUE})")
        int homes;

        @Option(names = "--days", description = "days to play (default: the file's)")
        Integer days;

        @Option(names = "--parallel", defaultValue = "2", description = "homes played at once (default: ${DEFAULT-VALUE})")
        int parallel;

        @Option(names = "--seed", description = "the first home's resident seed (default: the file's)")
        Long seed;

        @Option(names = "--report", description = "write the HTML report here")
        Path report;

        @Option(names = "--care-record", description = "FHIR base URL of a running care record (default: start the sandbox)")
        String careRecord;

        @Option(names = "--allow-misses", description = "exit 0 even on misses and duplicates")
        boolean allowMisses;

        @Option(names = "--broker", description = "real time: publish to this broker (tcp://host:port) for a running gateway")
        String broker;

        @Option(names = "--home-id", defaultValue = "demo-home", description = "real time: the running gateway's home.id")
        String homeId;

        @Option(names = "--gateway-id", description = "real time: the running gateway's gateway.id, to score its alerts")
        String gatewayId;

        @Option(names = "--data", description = "folder for the homes' SQLite files (default: a new temporary folder)")
        Path data;

        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Scenario scenario;
            try {
                scenario = override(ScenarioParser.load(file));
            } catch (ScenarioException e) {
                PrintWriter err = spec.commandLine().getErr();
                e.problems().forEach(p -> err.println("scenario: " + file.getFileName() + ": " + p));
                err.flush();
                return 2;
            }
            Capabilities caps = Capabilities.ofThisGateway();
            if (broker != null) {
                return realTime(scenario, caps, out);
            }
            Path dir = data != null ? Files.createDirectories(data) : tempDir();
            if (careRecord != null) {
                var inspector = new CareRecordInspector(FhirContext.forR4(), careRecord);
                return virtual(scenario, caps, careRecord, inspector, dir, out);
            }
            out.println("scenario: starting the care-record sandbox (real HAPI FHIR JPA server, ~20 s)...");
            out.flush();
            try (CareRecordSandbox sandbox = CareRecordSandbox.start(0)) {
                var inspector = new CareRecordInspector(sandbox.fhirContext(), sandbox.baseUrl());
                return virtual(scenario, caps, sandbox.baseUrl(), inspector, dir, out);
            }
        }

        private int virtual(Scenario scenario, Capabilities caps, String url, CareRecordInspector inspector, Path dir,
                PrintWriter out) throws Exception {
            out.println("scenario: " + scenario.name() + ", " + homes + " home(s) × " + scenario.days() + " day(s), "
                    + parallel + " at a time, virtual time");
            out.flush();
            var progress = new Progress(out, System.console() != null, homes);
            var result = new ScenarioRunner(caps, url, inspector, dir).run(scenario, homes, parallel, progress);
            return finish(result, out);
        }

        private int realTime(Scenario scenario, Capabilities caps, PrintWriter out) throws Exception {
            long s = HomeScript.seedOf(scenario.seed(), 0);
            Instant now = Clock.systemUTC().instant();
            HomeScript script = RealTimePlayer.rebase(HomeScript.of(scenario, 0, s), scenario, now);
            out.println("scenario: " + scenario.name() + " in real time to " + broker + " (home " + homeId + "), "
                    + script.stimuli().size() + " messages over " + scenario.days() + " day(s)");
            out.flush();
            long started = System.nanoTime();
            long sent = new RealTimePlayer(Clock.systemUTC(), out).play(script, broker, homeId);
            var summary = new RunSummary(scenario, 1, (System.nanoTime() - started) / 1e9);
            if (careRecord == null || gatewayId == null) {
                out.println("scenario: " + sent + " messages published; give --care-record and --gateway-id to score");
                return 0;
            }
            var inspector = new CareRecordInspector(FhirContext.forR4(), careRecord);
            var run = new HomeRun(script, gatewayId, HomeRun.activityGrid(script.stimuli(), scenario), sent, 0,
                    Optional.empty());
            return finish(new ScenarioRunner(caps, careRecord, inspector, Path.of(".")).score(summary, List.of(run)),
                    out);
        }

        private int finish(ScenarioRunner.Result result, PrintWriter out) throws Exception {
            for (Score s : result.scores()) {
                for (Score.Outcome o : s.outcomes()) {
                    if (o.result() == Score.Result.MISSED || o.result() == Score.Result.VIOLATED) {
                        out.println("scenario: home " + (s.home().script().index() + 1) + " " + o.expectation().label()
                                + ": " + o.result().name().toLowerCase(java.util.Locale.ROOT));
                    }
                }
                s.home().error().ifPresent(e -> out.println("scenario: home " + (s.home().script().index() + 1)
                        + " stopped early: " + e));
            }
            out.println("scenario: " + result.scoreLine());
            if (report != null) {
                Files.writeString(report, HtmlReport.render(result.summary(), result.scores(), result.summaries()),
                        StandardCharsets.UTF_8);
                out.println("scenario: report " + report.toAbsolutePath());
            }
            out.println("scenario: " + result.summary().speedLine());
            out.flush();
            return result.failed() && !allowMisses ? 1 : 0;
        }

        /** A new temporary folder, in memory when the machine has one: virtual time is bound by SQLite's syncs. */
        private static Path tempDir() throws java.io.IOException {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "hearth-scenario-")
                    : Files.createTempDirectory("hearth-scenario-");
        }

        /** The file's scenario with --days and --seed applied; injections past the last day are left out. */
        private Scenario override(Scenario s) {
            int d = days != null ? days : s.days();
            var injections = s.injections().stream().filter(i -> i.day() <= d).toList();
            return new Scenario(s.name(), s.description(), s.start(), d, s.zone(), seed != null ? seed : s.seed(),
                    s.home(), s.routine(), injections, s.replay());
        }
    }
}
