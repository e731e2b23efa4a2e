package org.hearth.gateway.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hearth.gateway.config.ConfigException;
import org.hearth.gateway.config.ConfigLoader;
import org.hearth.gateway.config.GatewayConfig;
import org.hearth.gateway.store.StoreException;
import org.hearth.gateway.store.sqlite.SqliteHealthSnapshots;
import org.hearth.rules.health.CoverageGaps;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hearth-gateway run --config FILE}, {@code hearth-gateway check-config FILE} and
 * {@code hearth-gateway health --config FILE [--json]}.
 */
@Command(name = "hearth-gateway", mixinStandardHelpOptions = true, version = "hearth-gateway 0.1.0",
        description = "Hearth falls-prevention home gateway.",
        subcommands = {GatewayCli.Run.class, GatewayCli.CheckConfig.class, GatewayCli.Health.class})
public final class GatewayCli {
    /** Exit code for an unusable configuration. */
    static final int CONFIG_ERROR = 2;

    public static void main(String[] args) {
        // The gateway's own logging setup, named so it cannot clash with an embedding application's logback.xml.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "hearth-gateway-logback.xml");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line, also used by tests. */
    public static CommandLine commandLine() {
        return commandLine(Clock.systemUTC());
    }

    /** The command line with the clock {@code health} judges a snapshot's age by (tests on virtual time). */
    public static CommandLine commandLine(Clock clock) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine(new GatewayCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == Health.class ? type.cast(new Health(clock)) : defaults.create(type);
            }
        });
    }

    static GatewayConfig loadOrReport(Path file, PrintWriter err) throws ConfigException {
        try {
            return new ConfigLoader(System.getenv()).load(file);
        } catch (ConfigException e) {
            err.println("configuration " + file + " has " + e.problems().size() + " problem(s):");
            e.problems().forEach(p -> err.println("  " + p));
            err.flush();
            throw e;
        }
    }

    /** Runs the gateway until SIGTERM/SIGINT. */
    @Command(name = "run", description = "Run the gateway.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--config", required = true, description = "YAML configuration file") Path config;
        @Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            GatewayConfig cfg;
            try {
                cfg = loadOrReport(config, spec.commandLine().getErr());
            } catch (ConfigException e) {
                return CONFIG_ERROR;
            }
            Gateway gateway = Gateway.start(cfg, Clock.systemUTC(), true);
            var stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                gateway.close();
                stopped.countDown();
            }, "hearth-shutdown"));
            var out = spec.commandLine().getOut();
            if (!gateway.awaitReady(java.time.Duration.ofSeconds(30))) {
                out.println("hearth-gateway: running; broker " + gateway.brokerUri() + " not reachable yet, retrying");
                out.flush();
                gateway.awaitReady(java.time.Duration.ofDays(3650));
            }
            out.println("hearth-gateway: ready in " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms (pid "
                    + ProcessHandle.current().pid() + ", broker " + gateway.brokerUri() + ")");
            out.flush();
            stopped.await();
            return 0;
        }
    }

    /** Validates a configuration file and reports every problem. */
    @Command(name = "check-config", description = "Check a configuration file; report every problem with its key.")
    static final class CheckConfig implements Callable<Integer> {
        @Parameters(index = "0", description = "YAML configuration file") Path config;
        @Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                GatewayConfig cfg = loadOrReport(config, spec.commandLine().getErr());
                spec.commandLine().getOut().println("configuration " + config + " is valid: gateway " + cfg.gatewayId()
                        + ", " + cfg.sensors().size() + " sensors, broker " + cfg.mqtt().broker() + ", care record "
                        + cfg.careRecord().baseUrl());
                // Valid is not the same as able to see: say what this layout cannot tell apart.
                for (CoverageGaps.Gap gap : CoverageGaps.of(cfg.layout())) {
                    spec.commandLine().getOut().println("  coverage " + (gap.essential() ? "(essential) " : "(advised) ")
                            + gap.code() + ": " + gap.sentence());
                }
                return 0;
            } catch (ConfigException e) {
                return CONFIG_ERROR;
            }
        }
    }

    /** Prints the running gateway's health from its store, opened read-only. */
    @Command(name = "health", description = {
        "Print the gateway's health from the snapshot the daemon writes to its SQLite store (opened read-only).",
        "Exit 0 healthy, 1 degraded (breaker open, old or dead outbox items, escalation not sent, stale snapshot), 2 config error."})
    static final class Health implements Callable<Integer> {
        /** Exit code when the gateway is degraded (or not running). */
        static final int DEGRADED = 1;

        @Option(names = "--config", required = true, description = "YAML configuration file") Path config;
        @Option(names = "--json", description = "one JSON object instead of text") boolean json;
        @Spec CommandLine.Model.CommandSpec spec;
        private final Clock clock;

        Health(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() {
            GatewayConfig cfg;
            try {
                cfg = loadOrReport(config, spec.commandLine().getErr());
            } catch (ConfigException e) {
                return CONFIG_ERROR;
            }
            Path file = cfg.store().path();
            com.fasterxml.jackson.databind.node.ObjectNode report;
            try {
                report = SqliteHealthSnapshots.readOnly(file)
                        .map(s -> HealthJson.judged(HealthJson.parse(s.json()), s.at(), clock.instant()))
                        .orElseGet(() -> HealthJson.missing(cfg.gatewayId(), "no health snapshot in " + file + ": has the gateway run?"));
            } catch (StoreException e) {
                report = HealthJson.missing(cfg.gatewayId(), "cannot read the store " + file + " (" + rootMessage(e) + ")");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? report.toString() + System.lineSeparator() : HealthJson.human(report));
            out.flush();
            return HealthJson.healthy(report) ? 0 : DEGRADED;
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t == e ? "missing" : t.getClass().getSimpleName();
        }
    }
}
