package org.hearth.simulator.soak;

import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.carerecord.CareRecordInspector;
import org.hearth.simulator.carerecord.CareRecordSandbox;
import org.hearth.simulator.home.ButtonHome;
import org.hearth.simulator.home.DemoHome;
import org.hearth.simulator.home.Zigbee2MqttSensors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code soak}: the real gateway as a child process, a stream of help-button presses that raises many alerts, and
 * SIGKILL at seeded random moments {@code --kills} times, restarting it each time. The broker and the care record
 * (real HAPI JPA) live in this process and survive the kills. After each kill the SQLite file must pass
 * {@code PRAGMA integrity_check}. At the end, what the care record holds is compared with what was caused: each
 * button pressed once must be exactly one alert. Last line: {@code soak: K kills, A alerts expected, L lost, D duplicates}.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Kill -9 the real gateway at seeded moments while alerts flow; count lost and duplicate alerts in the care record.")
public final class SoakCommand implements Callable<Integer> {
    static final String SYSTEM = DemoHome.IDENTIFIER_SYSTEM;

    @Option(names = "--kills", defaultValue = "10", description = "number of SIGKILLs (default ${DEFAULT-VALUE})")
    int kills;

    @Option(names = "--alerts", defaultValue = "200", description = "alerts to cause, one press per button (default ${DEFAULT-VALUE})")
    int alerts;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the kill moments (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--care-record", description = "base URL of a running care record (default: start the sandbox)")
    String careRecordUrl;

    @Option(names = "--data", description = "working folder (default: a new temporary folder)")
    Path data;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = data != null ? Files.createDirectories(data) : Files.createTempDirectory("hearth-soak-");
        Random random = new Random(seed);
        // Mosquitto, the production broker, outlives the gateway's kills and keeps its persistent session. Moquette
        // 0.17 drops a killed client's in-flight QoS 1 messages, so it would measure the broker, not the gateway.
        try (CareRecordSandbox sandbox = careRecordUrl == null ? CareRecordSandbox.start(0) : null;
                Mosquitto broker = Mosquitto.start(dir)) {
            String baseUrl = sandbox != null ? sandbox.baseUrl() : careRecordUrl;
            var inspector = new CareRecordInspector(ca.uhn.fhir.context.FhirContext.forR4Cached(), baseUrl);
            String gatewayId = "gw-soak-" + seed + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
            Path config = dir.resolve("hearth.yaml");
            Path db = dir.resolve("hearth.db");
            Files.writeString(config, ButtonHome.yaml(gatewayId, alerts, broker.uri(), baseUrl, db));
            int corrupt = 0;
            try (var gateway = new GatewayProcess(config, dir, List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
                    var sensors = new Zigbee2MqttSensors(broker.uri(), "soak-bridge", "zigbee2mqtt")) {
                gateway.start(Duration.ofSeconds(60));
                int pressed = 0;
                for (int k = 0; k < kills; k++) {
                    // Spread the presses over the kill cycles; kill at a seeded moment inside or after each burst.
                    int burstEnd = (int) Math.round((double) alerts * (k + 1) / kills);
                    int killAfter = pressed + random.nextInt(Math.max(1, burstEnd - pressed + 1));
                    while (pressed < burstEnd) {
                        if (pressed == killAfter) {
                            break;
                        }
                        sensors.press(ButtonHome.name(pressed++), "single");
                    }
                    gateway.kill();
                    corrupt += integrityCheck(db) ? 0 : 1;
                    while (pressed < burstEnd) {
                        sensors.press(ButtonHome.name(pressed++), "single"); // the broker queues them for the dead gateway
                    }
                    gateway.start(Duration.ofSeconds(60));
                    out.printf("  kill %d/%d after %d presses: restarted%n", k + 1, kills, killAfter);
                    out.flush();
                }
                while (pressed < alerts) {
                    sensors.press(ButtonHome.name(pressed++), "single");
                }
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> mine(inspector, gatewayId).size() >= alerts);
            }
            Map<String, Integer> tasks = mine(inspector, gatewayId);
            Map<String, Integer> byButton = new HashMap<>();
            int duplicates = 0;
            for (var e : tasks.entrySet()) {
                byButton.merge(ButtonHome.sensorOf(e.getKey()), 1, Integer::sum);
                duplicates += e.getValue() - 1;
            }
            int lost = 0;
            for (int i = 0; i < alerts; i++) {
                int n = byButton.getOrDefault(ButtonHome.sensorId(i), 0);
                lost += n == 0 ? 1 : 0;
                duplicates += Math.max(0, n - 1); // a second alert for one press is a duplicate too
            }
            duplicates += inspector.duplicateCount(SYSTEM);
            if (corrupt > 0) {
                out.println("soak: " + corrupt + " integrity_check failures after kills");
            }
            out.println("soak: " + kills + " kills, " + alerts + " alerts expected, " + lost + " lost, " + duplicates + " duplicates");
            out.flush();
            return lost == 0 && duplicates == 0 && corrupt == 0 ? 0 : 1;
        }
    }

    private static Map<String, Integer> mine(CareRecordInspector inspector, String gatewayId) {
        Map<String, Integer> all = inspector.countTasksByIdentifier(SYSTEM);
        Map<String, Integer> mine = new HashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(gatewayId + ":")) {
                mine.put(k, v);
            }
        });
        return mine;
    }

    private static boolean integrityCheck(Path db) throws Exception {
        if (!Files.exists(db)) {
            return true;
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            return rs.next() && "ok".equals(rs.getString(1));
        }
    }

}
