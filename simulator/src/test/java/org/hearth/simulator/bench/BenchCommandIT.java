package org.hearth.simulator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.SimulatorCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bench --short --json} as a smoke test: it runs end to end and reports every figure. No timing thresholds. */
class BenchCommandIT {
    static final List<String> KEYS = List.of("limit.mqtt_msgs_per_s",
            "limit.sqlite_rows_per_s", "ingest.readings_per_s", "ingest.ratio_to_limit", "alert.latency_ms_p50",
            "alert.latency_ms_p99", "alert.sandbox_create_ms_p50", "gateway.rss_mb", "gateway.rss_mb_loaded",
            "gateway.start_ms", "gateway.heap_mb", "gateway.jar_mb", "drain.alerts_per_s",
            "drain.sandbox_ceiling_alerts_per_s", "sim.home_days_per_s");

    @Test
    void aShortRunReportsEveryFigureAsAPositiveNumber(@TempDir Path dir) throws Exception {
        var out = new StringWriter();
        int exit = new CommandLine(new SimulatorCli()).setOut(new PrintWriter(out, true))
                .execute("bench", "--short", "--json", "--data", dir.toString(),
                        "--care-record", SharedSandbox.get().baseUrl(),
                        "--gateway-jar", Path.of("..", "gateway", "target", "hearth-gateway.jar").toString(),
                        "--scenario", Path.of("scenarios", "ordinary-week.yaml").toString());

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString().lines().reduce((a, b) -> b).orElseThrow());
        for (String key : KEYS) {
            assertThat(json.path(key).isNumber()).as(key + " in " + json).isTrue();
            assertThat(json.path(key).asDouble()).as(key).isPositive();
        }
        assertThat(json.path("ingest.ratio_to_limit").asDouble()).isLessThanOrEqualTo(1.5);
    }
}
