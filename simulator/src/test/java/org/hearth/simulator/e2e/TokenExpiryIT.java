package org.hearth.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import org.hearth.simulator.Peers;
import org.hearth.simulator.SharedSandbox;
import org.hearth.simulator.broker.Mosquitto;
import org.hearth.simulator.faults.FaultyCareRecordProxy;
import org.hearth.simulator.home.ButtonHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth2 client credentials with a signed JWT (ES384) in front of the real care record: tokens live 2 s, so each help
 * call after the first meets a 401, the gateway fetches a fresh token and delivers, with no duplicate.
 */
class TokenExpiryIT {
    private static final Instant MONDAY = LocalDateTime.of(2026, 11, 23, 8, 0).atZone(GatewayRig.LONDON).toInstant();
    private static final int CALLS = 3;

    @Test
    void deliveryContinuesAcrossTokenExpiryWithoutDuplicates(@TempDir Path dir) throws Exception {
        SharedSandbox.get();
        Mosquitto mosquitto = Peers.sharedMosquitto();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair keys = generator.generateKeyPair();
        Path pem = Files.writeString(dir.resolve("gateway-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");

        try (var proxy = FaultyCareRecordProxy.start(SharedSandbox.get().baseUrl())) {
            proxy.requireTokens(keys.getPublic(), Duration.ofSeconds(2));
            String auth = """
                      auth:
                        token-url: "%s"
                        client-id: hearth-gateway
                        private-key: "%s"
                        key-id: gateway-key-1
                        scope: system/Task.write system/Observation.write
                    """.formatted(proxy.tokenUrl(), pem.toAbsolutePath());
            try (var rig = new GatewayRig(id -> ButtonHome.yaml(id, CALLS, mosquitto.uri(), proxy.baseUrl(),
                    dir.resolve("hearth.db")) + auth, dir, MONDAY)) {
                for (int i = 0; i < CALLS; i++) {
                    // Every token issued so far is dead: this call must get past a 401.
                    await().atMost(Duration.ofSeconds(10)).until(proxy::allTokensExpired);
                    rig.sensors.press(ButtonHome.name(i), "single");
                    long delivered = i + 1;
                    await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().outbox().delivered() == delivered);
                }

                assertThat(rig.tasks()).hasSize(CALLS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
                assertThat(rig.observations()).hasSize(CALLS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
                assertThat(proxy.tokensIssued()).isGreaterThanOrEqualTo(CALLS);
                assertThat(proxy.unauthorized()).isGreaterThanOrEqualTo(CALLS - 1);
                assertThat(rig.gateway.health().uplink().authRejections()).isGreaterThanOrEqualTo(CALLS - 1);
                assertThat(rig.gateway.health().uplink().tokenFailures()).isZero();
            }
        }
    }
}
