package org.hearth.gateway.uplink.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The client assertion of SMART Backend Services: a JWT with {@code iss = sub = client id}, {@code aud = token URL},
 * a fresh {@code jti} and an expiry at most 5 minutes ahead, signed RS384 (RSA key) or ES384 (EC P-384 key) with
 * the JDK's own providers.
 */
public final class JwtAssertion {
    /** The longest lifetime SMART Backend Services allows an assertion. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String clientId;
    private final String audience;
    private final PrivateKey key;
    private final String keyId;
    private final Clock clock;
    private final String alg;
    private final String jcaAlgorithm;

    public JwtAssertion(String clientId, String audience, PrivateKey key, String keyId, Clock clock) {
        this.clientId = clientId;
        this.audience = audience;
        this.key = key;
        this.keyId = keyId;
        this.clock = clock;
        if (key instanceof RSAPrivateKey) {
            alg = "RS384";
            jcaAlgorithm = "SHA384withRSA";
        } else if (key instanceof ECPrivateKey ec && ec.getParams().getCurve().getField().getFieldSize() == 384) {
            alg = "ES384";
            jcaAlgorithm = "SHA384withECDSAinP1363Format"; // JOSE wants r||s, not DER
        } else {
            throw new IllegalArgumentException("the key must be RSA (RS384) or EC P-384 (ES384)");
        }
    }

    /** The JOSE algorithm used, {@code RS384} or {@code ES384}. */
    public String algorithm() {
        return alg;
    }

    /** A newly signed assertion. */
    public String sign() {
        Instant now = clock.instant();
        ObjectNode header = JSON.createObjectNode().put("alg", alg).put("typ", "JWT").put("kid", keyId);
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", clientId)
                .put("sub", clientId)
                .put("aud", audience)
                .put("exp", now.plus(LIFETIME).getEpochSecond())
                .put("iat", now.getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        String signingInput = part(header) + "." + part(claims);
        try {
            Signature signer = Signature.getInstance(jcaAlgorithm);
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new TokenUnavailable("assertion not signed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String part(ObjectNode json) {
        return B64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
