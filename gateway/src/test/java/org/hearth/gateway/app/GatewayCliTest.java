package org.hearth.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(out.toString()).contains("is valid: gateway gw-1, 2 sensors, broker tcp://127.0.0.1:1883");
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

    private Path givenConfigFile(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private int run(String... args) {
        CommandLine cli = GatewayCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return exitCode;
    }
}
