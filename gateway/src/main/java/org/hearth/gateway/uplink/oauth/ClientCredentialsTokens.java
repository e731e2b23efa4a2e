package org.hearth.gateway.uplink.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 client credentials with a signed JWT assertion (RFC 7523, SMART Backend Services). The token is cached until
 * shortly before its {@code expires_in} (on the injected clock) and dropped when the care record answers 401. One
 * fetch at a time: concurrent senders wait for it rather than each asking for a token.
 */
public final class ClientCredentialsTokens implements AccessTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokens.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Refresh this long before expiry (or at a tenth of the lifetime, if shorter), so no request goes out stale. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final URI tokenUrl;
    private final JwtAssertion assertion;
    private final Optional<String> scope;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicLong rejections = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private String token;
    private Instant refreshAt = Instant.MIN;

    public ClientCredentialsTokens(URI tokenUrl, JwtAssertion assertion, Optional<String> scope, Clock clock,
            Duration timeout) {
        this.tokenUrl = tokenUrl;
        this.assertion = assertion;
        this.scope = scope;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public synchronized Optional<String> current() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            try {
                fetch();
            } catch (TokenUnavailable e) {
                failures.incrementAndGet();
                LOG.warn("no access token: {}", e.getMessage());
                throw e;
            }
        }
        return Optional.of(token);
    }

    @Override
    public synchronized void rejected(String refused) {
        rejections.incrementAndGet();
        if (refused.equals(token)) {
            token = null;
        }
    }

    @Override
    public long rejections() {
        return rejections.get();
    }

    @Override
    public long failures() {
        return failures.get();
    }

    private void fetch() {
        StringBuilder form = new StringBuilder("grant_type=client_credentials")
                .append("&client_assertion_type=").append(encode(ASSERTION_TYPE))
                .append("&client_assertion=").append(encode(assertion.sign()));
        scope.ifPresent(s -> form.append("&scope=").append(encode(s)));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenUnavailable("token endpoint: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailable("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new TokenUnavailable("token endpoint HTTP " + response.statusCode());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String access = body.path("access_token").asText("");
            long expiresIn = body.path("expires_in").asLong(300);
            if (access.isEmpty() || expiresIn <= 0) {
                throw new TokenUnavailable("token response without access_token or expires_in");
            }
            Duration lifetime = Duration.ofSeconds(expiresIn);
            Duration margin = lifetime.dividedBy(10).compareTo(MARGIN) < 0 ? lifetime.dividedBy(10) : MARGIN;
            token = access;
            refreshAt = asked.plus(lifetime).minus(margin);
            LOG.info("access token obtained, valid {}", lifetime);
        } catch (IOException e) {
            throw new TokenUnavailable("token response is not JSON");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
