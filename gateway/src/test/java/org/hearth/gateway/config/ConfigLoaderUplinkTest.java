package org.hearth.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The care record's concurrency and OAuth2 keys. */
class ConfigLoaderUplinkTest {

    private static final String HOME = """
            gateway: { id: gw-1 }
            home: { id: home-1 }
            resident: { nhs-number: "9434765919" }
            sensors:
              - { id: kitchen-motion, kind: motion }
            care-record:
              base-url: http://127.0.0.1:8080/fhir
              team-ods-code: RX1CT
            """;

    @Test
    void withoutAuthTheStaticTokenStaysAndFourTransactionsMayBeInFlight() throws ConfigException {
        var careRecord = new ConfigLoader(Map.of()).parse(HOME).careRecord();

        assertThat(careRecord.auth()).isEmpty();
        assertThat(careRecord.maxInFlight()).isEqualTo(4);
    }

    @Test
    void readsTheSignedJwtClientCredentials() throws ConfigException {
        var careRecord = new ConfigLoader(Map.of("KEY", "/etc/hearth/key.pem")).parse(HOME + """
                  max-in-flight: 8
                  auth:
                    token-url: https://auth.example.nhs.uk/token
                    client-id: hearth-gw-1
                    private-key: ${KEY}
                    key-id: k1
                    scope: system/Task.write
                """).careRecord();

        assertThat(careRecord.maxInFlight()).isEqualTo(8);
        assertThat(careRecord.auth()).contains(new GatewayConfig.Auth(URI.create("https://auth.example.nhs.uk/token"),
                "hearth-gw-1", Path.of("/etc/hearth/key.pem"), "k1", Optional.of("system/Task.write")));
    }

    @Test
    void anIncompleteAuthIsReportedKeyByKey() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).parse(HOME + """
                  max-in-flight: 0
                  auth:
                    token-url: not a url
                    kid: k1
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("care-record.max-in-flight")
                .hasMessageContaining("care-record.auth.token-url")
                .hasMessageContaining("care-record.auth.client-id: is required")
                .hasMessageContaining("care-record.auth.private-key: is required")
                .hasMessageContaining("care-record.auth.kid: is not a known key");
    }
}
