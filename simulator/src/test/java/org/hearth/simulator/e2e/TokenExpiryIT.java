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
 * OAuth2 client credentials with a signed JWT (ES384) in front of the real care record. Tokens live 5 s: a help call
 * after expiry goes out with a fresh token; a call after the server revoked the gateway's still-valid token meets a
 * 401, and the gateway drops it, fetches a new one and delivers. Every alert is stored once.
 */
class TokenExpiryIT {
    private static final Instant MONDAY = LocalDateTime.of(2026, 11, 23, 8, 0).atZone(GatewayRig.LONDON).toInstant();
    /** Buttons pressed one by one; one more (button CALLS) takes the token that is then revoked. */
    private static final int CALLS = 3;
    private static final int REVOKED = 2;

    @Test
    void deliveryContinuesAcrossTokenExpiryWithoutDuplicates(@TempDir Path dir) throws Exception {
        SharedSandbox.get();
        Mosquitto mosquitto = Peers.sharedMosquitto();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair keys = generator.generateKeyPair();
        String base64 = Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded());
        Path pem = Files.writeString(dir.resolve("gateway-key.pem"),
                "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");

        try (var proxy = FaultyCareRecordProxy.start(SharedSandbox.get().baseUrl())) {
            proxy.requireTokens(keys.getPublic(), Duration.ofSeconds(5));
            String auth = """
                      auth:
                        token-url: "%s"
                        client-id: hearth-gateway
                        private-key: "%s"
                        key-id: gateway-key-1
                        scope: system/Task.write system/Observation.write
                    """.formatted(proxy.tokenUrl(), pem.toAbsolutePath());
            try (var rig = new GatewayRig(id -> ButtonHome.yaml(id, CALLS + 1, mosquitto.uri(), proxy.baseUrl(),
                    dir.resolve("hearth.db")).replace("care-record:\n", "care-record:\n" + auth), dir, MONDAY)) {
                for (int i = 0; i < CALLS; i++) {
                    // Every token issued so far has expired, or (for the last call) was revoked while still valid.
                    await().atMost(Duration.ofSeconds(15)).until(proxy::allTokensExpired);
                    if (i == REVOKED) {
                        rig.sensors.press(ButtonHome.name(CALLS), "single"); // take a token, then lose it
                        awaitDelivered(rig, CALLS);
                        proxy.revokeTokens();
                    }
                    rig.sensors.press(ButtonHome.name(i), "single");
                    long delivered = i + 1 + (i >= REVOKED ? 1 : 0);
                    awaitDelivered(rig, delivered);
                }

                assertThat(rig.tasks()).hasSize(CALLS + 1).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
                assertThat(rig.observations()).hasSize(CALLS + 1).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
                assertThat(proxy.tokensIssued()).isGreaterThanOrEqualTo(CALLS + 1);
                assertThat(proxy.unauthorized()).isPositive();
                assertThat(rig.gateway.health().uplink().authRejections()).isPositive();
                assertThat(rig.gateway.health().uplink().tokenFailures()).isZero();
            }
        }
    }

    private static void awaitDelivered(GatewayRig rig, long n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> rig.gateway.health().outbox().delivered() == n);
    }
}
