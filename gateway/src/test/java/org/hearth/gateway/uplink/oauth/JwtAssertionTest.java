package org.hearth.gateway.uplink.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.hearth.gateway.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed client assertion, checked with the JDK's verifier and the public key, as a token endpoint does. */
class JwtAssertionTest {
    private static final String TOKEN_URL = "https://auth.example.nhs.uk/token";

    private final MutableClock clock = MutableClock.at("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anEcP384KeySignsEs384ThatVerifiesWithThePublicKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        assertSignedAndVerified(g.generateKeyPair(), "ES384", "SHA384withECDSAinP1363Format");
    }

    @Test
    void anRsaKeySignsRs384ThatVerifiesWithThePublicKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        assertSignedAndVerified(g.generateKeyPair(), "RS384", "SHA384withRSA");
    }

    @Test
    void anEcKeyOnAnotherCurveIsRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        var key = g.generateKeyPair().getPrivate();
        assertThatThrownBy(() -> new JwtAssertion("gw", TOKEN_URL, key, "k1", clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertSignedAndVerified(KeyPair pair, String alg, String jca) throws Exception {
        String base64 = Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded());
        Path pem = Files.writeString(dir.resolve("key.pem"),
                "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
        var assertion = new JwtAssertion("hearth-gw-1", TOKEN_URL, PemPrivateKey.read(pem), "k1", clock);

        String jwt = assertion.sign();

        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        Signature verifier = Signature.getInstance(jca);
        verifier.initVerify(pair.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo(alg);
        assertThat(header.path("kid").asText()).isEqualTo("k1");
        assertThat(claims.path("iss").asText()).isEqualTo("hearth-gw-1");
        assertThat(claims.path("sub").asText()).isEqualTo("hearth-gw-1");
        assertThat(claims.path("aud").asText()).isEqualTo(TOKEN_URL);
        assertThat(claims.path("exp").asLong()).isEqualTo(clock.instant().plusSeconds(300).getEpochSecond());
        assertThat(assertion.sign().split("\\.")[1]).as("a fresh jti each time").isNotEqualTo(parts[1]);
    }
}
