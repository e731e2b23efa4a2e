package org.hearth.simulator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hearth.gateway.ingest.mqtt.EmbeddedBroker;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.carerecord.CareRecordSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the gateway measured against the machine's own limits in the same run. Raw SQLite inserts and raw
 * broker round trips are the ceilings; the deployable gateway, as a child process with the device's JVM flags, is
 * measured for start-up, memory, durable ingest, alert latency to the real sandbox, and backlog drain. Every figure
 * is the median of {@code --runs} repetitions, with the spread. {@code --short} is a smoke run of seconds.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the gateway against raw broker and SQLite limits measured in the same run.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--short", description = "a smoke run of seconds: tiny counts, one run each")
    boolean quick;

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @Option(names = "--runs", description = "repetitions of each measurement (default 3, or 1 with --short)")
    Integer runs;

    @Option(names = "--care-record", description = "base URL of a running care record (default: start the sandbox)")
    String careRecordUrl;

    @Option(names = "--gateway-jar", description = "the deployable gateway jar, its lib/ beside it"
            + " (default: gateway/target/hearth-gateway.jar)")
    Path gatewayJar;

    @Option(names = "--data", description = "working folder (default: a new temporary folder)")
    Path data;

    @Option(names = "--gateway-flag", description = "an extra JVM flag for the gateway, after the device's"
            + " (repeatable), e.g. -Dhearth.group-commit.max-batch=1 to measure without group commit")
    List<String> gatewayFlags = new ArrayList<>();

    @Option(names = "--ingest-only", description = "measure only the limits and the durable ingest (for comparisons)")
    boolean ingestOnly;

    @Option(names = "--scenario", defaultValue = "simulator/scenarios/ordinary-week.yaml",
            description = "scenario for the virtual-time speed (default ${DEFAULT-VALUE})")
    Path scenario;

    @Option(names = "--drain", description = "alerts in the outage backlog drained to the sandbox"
            + " (default 4000, or 200 with --short)")
    Integer drainAlerts;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    /** What one run of the benchmark measures; the counts shrink with --short. */
    record Sizes(int sqliteRows, int mqttMessages, int ingestReadings, int flats, int presses, Duration settle,
            int sandboxCreates) {
        static final Sizes FULL = new Sizes(200_000, 50_000, 30_000, 50, 40, Duration.ofSeconds(10), 200);
        static final Sizes SHORT = new Sizes(5_000, 2_000, 1_000, 5, 5, Duration.ofSeconds(2), 20);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Sizes sizes = quick ? Sizes.SHORT : Sizes.FULL;
        int n = runs != null ? runs : quick ? 1 : 3;
        Path dir = data != null ? Files.createDirectories(data) : Files.createTempDirectory("hearth-bench-");
        Path jar = locateJar();
        Results results = new Results();

        progress(err, "raw SQLite inserts");
        results.put("limit.sqlite_rows_per_s", repeat(n, () -> RawSqliteLimit.rowsPerSecond(dir, sizes.sqliteRows(), 500)));
        try (Mosquitto mosquitto = Mosquitto.startAsDeployed(dir.resolve("mosquitto"));
                CareRecordSandbox sandbox = careRecordUrl == null && !ingestOnly ? startSandbox(err) : null) {
            progress(err, "raw MQTT round trips (Mosquitto, embedded)");
            results.put("limit.mqtt_msgs_per_s", repeat(n, () -> RawMqttLimit.messagesPerSecond(mosquitto.uri(),
                    sizes.mqttMessages(), Duration.ofMinutes(2))));
            // The embedded broker is the demo's, not production's: its figure is for comparison, and a run where Moquette
            // drops the connection under the blast is reported, not fatal.
            try (EmbeddedBroker embedded = EmbeddedBroker.start("127.0.0.1", 0, Files.createDirectories(dir.resolve("moquette")))) {
                results.put("limit.mqtt_msgs_per_s_embedded", repeat(n, () -> RawMqttLimit.messagesPerSecond(
                        embedded.uri(), sizes.mqttMessages(), Duration.ofMinutes(2))));
            } catch (Exception e) {
                progress(err, "embedded broker limit not measured: " + e.getMessage());
            }
            // Ingest alone raises no alert, so it needs no care record: a closed port stands in for one.
            String baseUrl = sandbox != null ? sandbox.baseUrl()
                    : careRecordUrl != null ? careRecordUrl : "http://127.0.0.1:9/fhir";
            GatewayRuns gateway = new GatewayRuns(jar, dir, mosquitto.uri(), baseUrl, sizes.flats(), gatewayFlags);

            List<GatewayRuns.Footprint> footprints = new ArrayList<>();
            if (!ingestOnly) {
                progress(err, "gateway start-up and steady memory");
            }
            for (int i = 0; i < (ingestOnly ? 0 : n); i++) {
                footprints.add(gateway.footprint(sizes.settle()));
            }
            if (!ingestOnly) {
                results.put("gateway.start_ms", Stats.of(footprints.stream().map(GatewayRuns.Footprint::startMs).toList()));
                results.put("gateway.rss_mb", Stats.of(footprints.stream().map(GatewayRuns.Footprint::rssMb).toList()));
                results.put("gateway.heap_mb", Stats.of(footprints.stream().map(GatewayRuns.Footprint::heapMb).toList()));
                results.put("gateway.jar_mb", Stats.of(List.of(deployableMb(jar))));
            }

            progress(err, "durable ingest from " + sizes.flats() * BenchHome.ROOMS.length + " sensors");
            List<GatewayRuns.Ingest> ingests = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ingests.add(gateway.ingest(sizes.ingestReadings(), 2, Duration.ofMinutes(3)));
            }
            Stats ingest = Stats.of(ingests.stream().map(GatewayRuns.Ingest::readingsPerSecond).toList());
            results.put("ingest.readings_per_s", ingest);
            double limit = Math.min(results.median("limit.mqtt_msgs_per_s"), results.median("limit.sqlite_rows_per_s"));
            results.put("ingest.ratio_to_limit", Stats.of(List.of(ingest.median() / limit)));
            results.put("gateway.rss_mb_loaded", Stats.of(ingests.stream().map(GatewayRuns.Ingest::rssLoadedMb).toList()));

            if (ingestOnly) {
                printResults(out, results);
                return 0;
            }
            progress(err, "alert latency under background load");
            int background = (int) Math.max(50, Math.min(1000, ingest.median() / 4));
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                latencies.addAll(gateway.latency(sizes.presses(), Duration.ofMillis(100), background).millis());
            }
            results.put("alert.latency_ms_p50", Stats.of(List.of(Stats.percentile(latencies, 50))));
            results.put("alert.latency_ms_p99", Stats.of(List.of(Stats.percentile(latencies, 99))));
            results.put("alert.background_readings_per_s", Stats.of(List.of((double) background)));
            results.put("alert.sandbox_create_ms_p50", Stats.of(List.of(
                    Stats.percentile(SandboxCreateTime.millis(baseUrl, sizes.sandboxCreates()), 50))));

            int backlog = drainAlerts != null ? drainAlerts : quick ? 200 : 4000;
            progress(err, "outage backlog of " + backlog + " alerts drained to the sandbox");
            DrainFigures drain = DrainFigures.run(backlog, baseUrl, Files.createDirectories(dir.resolve("drain")));
            results.put("drain.alerts_per_s", Stats.of(List.of(drain.alertsPerSecond())));
            results.put("drain.sandbox_ceiling_alerts_per_s", Stats.of(List.of(drain.ceilingPerSecond())));
            results.put("drain.ratio_to_ceiling", Stats.of(List.of(drain.alertsPerSecond() / drain.ceilingPerSecond())));

            int homes = quick ? 2 : 100;
            int days = quick ? 1 : 7;
            progress(err, "virtual time: " + homes + " homes x " + days + " days");
            results.put("sim.home_days_per_s", Stats.of(List.of(SimulatorSpeed.homeDaysPerSecond(scenario, homes, days,
                    baseUrl, Files.createDirectories(dir.resolve("scenario"))))));
        }
        printResults(out, results);
        return 0;
    }

    private void printResults(PrintWriter out, Results results) throws java.io.IOException {
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(results.asJson()));
        } else {
            results.printTable(out);
        }
        out.flush();
    }

    private interface Measurement {
        double run() throws Exception;
    }

    private static Stats repeat(int n, Measurement m) throws Exception {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(m.run());
        }
        return Stats.of(values);
    }

    private CareRecordSandbox startSandbox(PrintWriter err) {
        progress(err, "starting the care-record sandbox (about 20 s)");
        return CareRecordSandbox.start(0);
    }

    private static void progress(PrintWriter err, String what) {
        err.println("bench: " + what + " ...");
        err.flush();
    }

    private Path locateJar() {
        Path jar = gatewayJar != null ? gatewayJar : Path.of("gateway", "target", "hearth-gateway.jar");
        if (!Files.isRegularFile(jar)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no gateway jar at " + jar
                    + "; build with mvn -DskipTests package, or pass --gateway-jar");
        }
        return jar.toAbsolutePath();
    }

    /** The gateway jar and every library it ships with (deploy/install.sh copies exactly these). */
    private static double deployableMb(Path jar) throws java.io.IOException {
        long bytes = Files.size(jar);
        Path lib = jar.resolveSibling("lib");
        if (Files.isDirectory(lib)) {
            try (var files = Files.list(lib)) {
                for (Path f : files.toList()) {
                    bytes += Files.size(f);
                }
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    /** Figures by key, in the order measured. */
    static final class Results {
        private final Map<String, Stats> figures = new LinkedHashMap<>();

        void put(String key, Stats stats) {
            figures.put(key, stats);
        }

        double median(String key) {
            return figures.get(key).median();
        }

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            Map<String, Object> spread = new LinkedHashMap<>();
            figures.forEach((k, s) -> {
                json.put(k, round(s.median()));
                if (s.runs() > 1) {
                    spread.put(k, List.of(round(s.min()), round(s.max())));
                }
            });
            json.put("spread", spread);
            return json;
        }

        void printTable(PrintWriter out) {
            out.printf("%-36s %14s   %s%n", "figure", "median", "spread (runs)");
            figures.forEach((k, s) -> out.printf("%-36s %14s   %s%n", k, format(s.median()),
                    s.runs() > 1 ? format(s.min()) + " – " + format(s.max()) + " (" + s.runs() + ")" : ""));
        }

        /** Four significant digits: two decimals would print a ratio of 0.004 as 0. */
        private static double round(double v) {
            if (!Double.isFinite(v) || v == 0) {
                return v;
            }
            return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
        }

        private static String format(double v) {
            return Math.abs(v) >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
        }
    }
}
