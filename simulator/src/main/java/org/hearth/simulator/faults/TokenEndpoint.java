package org.hearth.simulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strict OAuth2 token endpoint for SMART Backend Services clients: {@code grant_type=client_credentials} with a
 * {@code jwt-bearer} client assertion whose RS384/ES384 signature verifies with the client's public key, whose
 * {@code aud} is this endpoint and which has not expired. Issues random tokens valid for a set (real-time) lifetime.
 * Until {@link #require} is called every request is admitted, as before.
 */
final class TokenEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> live = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private volatile PublicKey clientKey;
    private volatile Duration lifetime;
    private volatile String audience;

    void require(PublicKey key, Duration tokenLifetime, String tokenUrl) {
        this.lifetime = tokenLifetime;
        this.audience = tokenUrl;
        this.clientKey = key;
    }

    int issued() {
        return issued.get();
    }

    int unauthorized() {
        return unauthorized.get();
    }

    void revokeAll() {
        live.clear();
    }

    boolean allExpired() {
        Instant now = clock.instant();
        return live.values().stream().noneMatch(now::isBefore);
    }

    /** True if tokens are not required, or {@code authorization} carries a live one; counts the refusals. */
    boolean admits(String authorization) {
        if (clientKey == null) {
            return true;
        }
        Instant expiry = authorization == null || !authorization.startsWith("Bearer ") ? null
                : live.get(authorization.substring("Bearer ".length()));
        if (expiry != null && clock.instant().isBefore(expiry)) {
            return true;
        }
        unauthorized.incrementAndGet();
        return false;
    }

    void answer(HttpExchange exchange, byte[] body) throws IOException {
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        if (clientKey == null || !"POST".equals(exchange.getRequestMethod())
                || !"client_credentials".equals(form.get("grant_type"))
                || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
                || !validAssertion(form.get("client_assertion"))) {
            reply(exchange, 400, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        live.put(token, clock.instant().plus(lifetime));
        issued.incrementAndGet();
        reply(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + lifetime.toSeconds() + "}");
    }

    private boolean validAssertion(String jwt) {
        if (jwt == null) {
            return false;
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonNode header = JSON.readTree(b64.decode(parts[0]));
            JsonNode claims = JSON.readTree(b64.decode(parts[1]));
            String algorithm = switch (header.path("alg").asText()) {
                case "RS384" -> "SHA384withRSA";
                case "ES384" -> "SHA384withECDSAinP1363Format";
                default -> null;
            };
            if (algorithm == null) {
                return false;
            }
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(clientKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(b64.decode(parts[2]))
                    && audience.equals(claims.path("aud").asText())
                    && claims.path("iss").asText().equals(claims.path("sub").asText())
                    && !claims.path("jti").asText().isEmpty()
                    && claims.path("exp").asLong() > clock.instant().getEpochSecond();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
