package org.hearth.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hearth.gateway.store.sqlite.SqliteHealthSnapshots;
import org.hearth.gateway.store.sqlite.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GatewayCliTest {

    private static final String VALID = """
            gateway: { id: gw-1 }
            home: { id: home-1, zone: Europe/London }
            resident: { nhs-number: "9434765919" }
            sensors:
              - { id: hall-motion, name: hall_motion, kind: motion, room: hall }
              - { id: pendant, name: help_pendant, kind: button, room: worn }
            mqtt: { broker: "tcp://127.0.0.1:1883" }
            care-record:
              base-url: https://care-record.example.nhs.uk/fhir
              team-ods-code: RX1CT
            """;

    private static final String BROKEN = """
            gateway: { id: gw-1 }
            home: { id: home-1, zone: Mars/Olympus_Mons, colour: blue }
            resident: { nhs-number: "9434765918" }
            sensors:
              - { id: hall-motion, name: hall_motion, kind: motion }
              - { id: hall-motion, name: hall_motion_2, kind: smoke }
            mqtt: { broker: "mqtt://broker.local" }
            care-record:
              team-ods-code: RX1CT
              request-timeout: soon
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void checkConfigListsEveryProblemWithItsKeyAndExitsWithTheConfigErrorCode() throws IOException {
        Path file = givenConfigFile("broken.yaml", BROKEN);

        int exitCode = run("check-config", file.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains("has 8 problem(s)")
                .contains("  home.zone: ")
                .contains("  home.colour: is not a known key")
                .contains("  resident.nhs-number: ")
                .contains("  sensors[1].id: is used by another sensor")
                .contains("  sensors[1].kind: ")
                .contains("  mqtt.broker: ")
                .contains("  care-record.base-url: is required")
                .contains("  care-record.request-timeout: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("9434765918");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void checkConfigAcceptsAValidFileAndExitsWithZero() throws IOException {
        Path file = givenConfigFile("hearth.yaml", VALID);

        int exitCode = run("check-config", file.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("is valid: gateway gw-1, 2 sensors, broker tcp://127.0.0.1:1883")
                .contains("  coverage (essential) no-bed-mat: No bed mat: ")
                .contains("  coverage (essential) no-front-door: ");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void checkConfigReportsAMissingFileWithoutAStackTrace() {
        Path missing = dir.resolve("nowhere.yaml");

        int exitCode = run("check-config", missing.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("(file): cannot read").doesNotContain("\tat ");
    }

    @Test
    void checkConfigReportsABandTheRulesWouldRefuseWithoutAStackTrace() throws IOException {
        Path file = givenConfigFile("long-band.yaml", VALID + """
                inactivity:
                  bands:
                    - { start: "07:00", allowance: 8d }
                """);

        int exitCode = run("check-config", file.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("  inactivity.bands[0].allowance: ").doesNotContain("\tat ");
    }

    @Test
    void healthReportsAHealthySnapshotAsOneJsonObjectAndExitsWithZero() throws IOException {
        Path file = givenConfigWithStore();
        givenSnapshot(GatewayHealthTest.healthy());

        int exitCode = run(clockAt(GatewayHealthTest.AT.plusSeconds(3)), "health", "--config", file.toString(), "--json");

        assertThat(exitCode).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(out.toString().strip()).doesNotContain("\n");
        assertThat(json.path("status").asText()).isEqualTo("healthy");
        assertThat(json.path("gateway").asText()).isEqualTo("gw-1");
        assertThat(json.path("snapshotAgeSeconds").asLong()).isEqualTo(3);
        assertThat(json.path("problems")).isEmpty();
        assertThat(json.path("alerts").path("completed").asLong()).isEqualTo(1);
        assertThat(json.path("alerts").path("sent").asLong()).isEqualTo(1);
        assertThat(json.path("alerts").path("total").asLong()).isEqualTo(2);
        assertThat(json.path("escalations").path("total").asLong()).isEqualTo(1);
        assertThat(json.path("outbox").path("depth").asLong()).isZero();
        assertThat(json.path("uplink").path("breaker").asText()).isEqualTo("CLOSED");
        assertThat(json.path("mqtt").path("rejected").path("malformed_json").asLong()).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void healthPrintsADegradedGatewayAsTextWithItsProblemsAndExitsWithOne() throws IOException {
        Path file = givenConfigWithStore();
        givenSnapshot(GatewayHealthTest.with(GatewayHealthTest.healthy(),
                new org.hearth.gateway.uplink.UplinkHealth("OPEN", Optional.of("HTTP 503"), Optional.empty())));

        int exitCode = run(clockAt(GatewayHealthTest.AT), "health", "--config", file.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString())
                .startsWith("hearth-gateway gw-1: DEGRADED (snapshot 2026-11-23T09:30:00Z, 0 s old)")
                .contains("  problem: care record: circuit breaker OPEN (last error: HTTP 503)")
                .contains("alerts:      total 2, raised 0, sent 1, accepted 0, completed 1")
                .contains("escalations: 1 (awaiting local channel 0, awaiting care record 0)");
    }

    @Test
    void healthCallsAnOldSnapshotDegradedBecauseTheDaemonHasStoppedWritingIt() throws IOException {
        Path file = givenConfigWithStore();
        givenSnapshot(GatewayHealthTest.healthy());

        int exitCode = run(clockAt(GatewayHealthTest.AT.plus(Duration.ofMinutes(10))), "health", "--config", file.toString(), "--json");

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString()).contains("\"status\":\"degraded\"").contains("snapshot is 600 s old");
    }

    @Test
    void healthWithoutAStoreOrASnapshotIsDegradedAndCreatesNothing() throws IOException {
        Path file = givenConfigWithStore();

        int exitCode = run(clockAt(GatewayHealthTest.AT), "health", "--config", file.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString()).contains("DEGRADED").contains("cannot read the store");
        assertThat(Files.exists(dir.resolve("hearth.db"))).isFalse();

        SqliteStore.open(dir.resolve("hearth.db"), Clock.systemUTC(), "gw-1").close();
        out.getBuffer().setLength(0);
        assertThat(run(clockAt(GatewayHealthTest.AT), "health", "--config", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("no health snapshot");
    }

    @Test
    void healthExitsWithTheConfigErrorCodeOnABadConfig() throws IOException {
        Path file = givenConfigFile("broken.yaml", BROKEN);

        int exitCode = run("health", "--config", file.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("problem(s)");
        assertThat(out.toString()).isEmpty();
    }

    private Path givenConfigWithStore() throws IOException {
        return givenConfigFile("hearth.yaml", VALID + "store: { path: \"" + dir.resolve("hearth.db") + "\" }\n");
    }

    private void givenSnapshot(GatewayHealth health) {
        try (SqliteStore store = SqliteStore.open(dir.resolve("hearth.db"), Clock.systemUTC(), "gw-1")) {
            new SqliteHealthSnapshots(store).save(health.at(), HealthJson.toJson("gw-1", health).toString());
        }
    }

    private static Clock clockAt(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    private Path givenConfigFile(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private int run(String... args) {
        return run(Clock.systemUTC(), args);
    }

    private int run(Clock clock, String... args) {
        CommandLine cli = GatewayCli.commandLine(clock);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return exitCode;
    }
}
