package org.hearth.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code coap:} section of the configuration. */
class CoapSectionTest {

    private static final String BASE = """
            gateway: { id: gw-1 }
            home: { id: home-1 }
            resident: { nhs-number: "9434765919" }
            sensors:
              - { id: radar-1, name: lounge_radar, kind: radar }
              - { id: wrist, name: wrist_accel, kind: wearable }
            care-record: { base-url: "http://127.0.0.1:8080/fhir", team-ods-code: RX1CT }
            """;

    @Test
    void isOffWhenAbsent() throws ConfigException {
        GatewayConfig config = new ConfigLoader(Map.of()).parse(BASE);

        assertThat(config.coap()).isEqualTo(GatewayConfig.Coap.disabled());
        assertThat(config.coap().enabled()).isFalse();
        assertThat(config.coap().plain()).isFalse();
        assertThat(config.coap().dtlsPort()).isEqualTo(5684);
    }

    @Test
    void readsKeysFromTheEnvironmentAndObservedResources() throws ConfigException {
        String yaml = BASE + """
                coap:
                  enabled: true
                  dtls-port: 0
                  queue: 8
                  psk:
                    - { sensor: radar-1, key: "${RADAR_PSK}" }
                    - { sensor: wrist, identity: wrist-7, key: "${WRIST_PSK}" }
                  observe:
                    - { sensor: radar-1, uri: "coap://192.168.1.20:5683/state" }
                """;

        GatewayConfig.Coap coap = new ConfigLoader(Map.of("RADAR_PSK", "radar-secret", "WRIST_PSK", "wrist-secret"))
                .parse(yaml).coap();

        assertThat(coap.enabled()).isTrue();
        assertThat(coap.plain()).isFalse();
        assertThat(coap.dtlsPort()).isZero();
        assertThat(coap.queue()).isEqualTo(8);
        assertThat(coap.psk()).containsExactly(new GatewayConfig.Psk("radar-1", "radar-1", "radar-secret"),
                new GatewayConfig.Psk("wrist", "wrist-7", "wrist-secret"));
        assertThat(coap.observe()).containsExactly(
                new GatewayConfig.Observe("radar-1", URI.create("coap://192.168.1.20:5683/state")));
        assertThat(coap.psk().get(0).toString()).doesNotContain("radar-secret");
    }

    @Test
    void reportsEveryProblemWithoutRepeatingASecret() {
        String yaml = BASE + """
                coap:
                  enabled: yes please
                  port: 70000
                  psk:
                    - { sensor: nobody, key: short }
                    - { sensor: radar-1, key: "${UNSET_PSK}" }
                  observe:
                    - { sensor: radar-1, uri: "http://example/state" }
                  colour: blue
                """;

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(Map.of()).parse(yaml));

        assertThat(e.problems()).contains(
                "coap.enabled: must be true or false",
                "coap.port: must be a whole number from 0 to 65535",
                "coap.psk[0].sensor: is not the id of a configured sensor",
                "coap.psk[0].key: must be at least 8 characters",
                "coap.psk[1].key: environment variable UNSET_PSK is not set",
                "coap.observe[0].uri: must be a coap:// URI with a host",
                "coap.colour: is not a known key");
        assertThat(String.join("\n", e.problems())).doesNotContain("short");
    }

    @Test
    void dtlsWithoutAnyKeyIsRefusedUnlessPlainIsAskedFor() throws ConfigException {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of()).parse(BASE + "coap: { enabled: true }\n"));
        assertThat(e.problems()).anyMatch(p -> p.startsWith("coap.psk: is required"));

        GatewayConfig.Coap plain = new ConfigLoader(Map.of()).parse(BASE + "coap: { enabled: true, plain: true }\n")
                .coap();
        assertThat(plain.plain()).isTrue();
        assertThat(plain.psk()).isEqualTo(List.of());
    }
}
