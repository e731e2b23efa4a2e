package org.hearth.simulator.drain;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.hearth.gateway.uplink.OutboxDrainer;
import org.hearth.gateway.uplink.fhir.FhirAlertBundle;
import org.hearth.gateway.uplink.fhir.FhirCareRecord;
import org.hearth.rules.engine.EngineState;
import org.hearth.rules.model.Alert;
import org.hearth.simulator.carerecord.CareRecordInspector;
import org.hearth.simulator.carerecord.CareRecordSandbox;
import org.hearth.simulator.home.DemoHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drain}: an outage backlog of {@code --alerts} help calls in the gateway's real SQLite outbox, drained by the
 * gateway's real uplink (drainer, breaker, FHIR client) into the care record, timed; then the care record's own
 * ceiling for the same transactions posted directly at the same concurrency, and the ratio. Exits non-zero unless the
 * care record holds every alert of the run exactly once.
 */
@Command(name = "drain", mixinStandardHelpOptions = true,
        description = "Time the uplink draining an outage backlog into the care record, against its own ceiling.")
public final class DrainCommand implements Callable<Integer> {
    private static final String SYSTEM = DemoHome.IDENTIFIER_SYSTEM;
    private static final String TEAM = "RX1CT";
    private static final Duration MAX_DRAIN = Duration.ofMinutes(10);

    @Option(names = "--alerts", defaultValue = "2000", description = "alerts in the backlog (default ${DEFAULT-VALUE})")
    int alerts;

    @Option(names = "--care-record", description = "base URL of a running care record (default: start the sandbox)")
    String careRecordUrl;

    @Option(names = "--batch-size", defaultValue = "50",
            description = "care-record.batch-size (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--max-in-flight", defaultValue = "4",
            description = "care-record.max-in-flight (default ${DEFAULT-VALUE})")
    int maxInFlight;

    @Option(names = "--data", description = "working folder (default: a new temporary folder)")
    Path data;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = data != null ? Files.createDirectories(data) : Files.createTempDirectory("hearth-drain-");
        try (CareRecordSandbox sandbox = careRecordUrl == null ? CareRecordSandbox.start(0) : null) {
            String baseUrl = sandbox != null ? sandbox.baseUrl() : careRecordUrl;
            String run = Long.toHexString(System.nanoTime() & 0xffffffL);
            Instant start = Instant.now();
            var poster = new DirectPoster(baseUrl);
            // Warm the server up (JIT, caches, the Patient), so neither measurement pays for it.
            String warm = "gw-drain-warm-" + run;
            poster.post(bundles(warm), warm, HelpCalls.of(Math.min(alerts, 200), start), batchSize, maxInFlight);

            String gatewayId = "gw-drain-" + run;
            double drainSeconds = drain(dir.resolve("hearth.db"), baseUrl, gatewayId, HelpCalls.of(alerts, start));

            String direct = "gw-drain-ceiling-" + run;
            double ceilingSeconds = poster.post(bundles(direct), direct, HelpCalls.of(alerts, start), batchSize,
                    maxInFlight);

            var inspector = new CareRecordInspector(ca.uhn.fhir.context.FhirContext.forR4Cached(), baseUrl);
            Map<String, Integer> tasks = inspector.countTasksByIdentifier(SYSTEM);
            Map<String, Integer> observations = inspector.countObservationsByIdentifier(SYSTEM);
            long held = mine(tasks, gatewayId).count();
            long duplicates = mine(tasks, gatewayId).map(n -> n - 1).sum()
                    + mine(observations, gatewayId).map(n -> Math.max(0, n - 1)).sum();
            long lost = alerts - held;
            double drainRate = alerts / drainSeconds;
            double ceilingRate = alerts / ceilingSeconds;
            out.printf("sandbox ceiling: %d alerts in %.2f s = %.0f alerts/s "
                    + "(posted directly, batches of %d, %d in flight)%n",
                    alerts, ceilingSeconds, ceilingRate, batchSize, maxInFlight);
            out.printf("drain: %d alerts in %.2f s = %.0f alerts/s "
                    + "(%.2f of the sandbox ceiling; %d lost, %d duplicates)%n",
                    alerts, drainSeconds, drainRate, drainRate / ceilingRate, lost, duplicates);
            out.flush();
            return lost == 0 && duplicates == 0 ? 0 : 1;
        }
    }

    /** Fills a fresh outbox with the backlog, then drains it with the gateway's uplink until nothing is pending. */
    private double drain(Path db, String baseUrl, String gatewayId, List<Alert> backlog) throws InterruptedException {
        try (SqliteStore store = SqliteStore.open(db, Clock.systemUTC(), gatewayId)) {
            store.record(List.of(), EngineState.initial(), backlog);
            var careRecord = new FhirCareRecord(URI.create(baseUrl), bundles(gatewayId), Duration.ofSeconds(30),
                    Optional.empty());
            try (var drainer = new OutboxDrainer(store, careRecord, Clock.systemUTC(), Duration.ofMillis(200),
                    Duration.ofSeconds(2), batchSize, maxInFlight)) {
                long t0 = System.nanoTime();
                long deadline = t0 + MAX_DRAIN.toNanos();
                while (store.stats().pending() > 0 && System.nanoTime() < deadline) {
                    if (drainer.drainOnce() == 0) {
                        Thread.sleep(20); // only retries are left, not yet due
                    }
                }
                return (System.nanoTime() - t0) / 1e9;
            }
        }
    }

    private static FhirAlertBundle bundles(String gatewayId) {
        return new FhirAlertBundle(SYSTEM, gatewayId, DemoHome.TEST_NHS_NUMBER, TEAM);
    }

    private static java.util.stream.LongStream mine(Map<String, Integer> counts, String gatewayId) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(gatewayId + ":"))
                .mapToLong(Map.Entry::getValue);
    }
}
