package org.hearth.simulator.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of the care record that misbehaves on demand:
 * <ul>
 *   <li>{@link #loseNextResponses(int)}: forwards (the care record commits) and answers 503, as when a response is
 *       lost on the way back; the gateway must retry and the care record must still hold exactly one copy;</li>
 *   <li>{@link #answerNext(int, int)}: answers a status (429, 500, 409, ...) without forwarding;</li>
 *   <li>{@link #delayNext(int, Duration)}: forwards after a delay, long enough for the gateway to time out;</li>
 *   <li>{@link #down(boolean)}: an outage, every request answered 503 without forwarding;</li>
 *   <li>{@link #requireTokens}: an OAuth2 token endpoint at {@link #tokenUrl()} (client credentials with a JWT
 *       assertion, checked against the client's public key) issuing short-lived tokens; a request without a live
 *       token is answered 401 and never reaches the care record.</li>
 * </ul>
 */
public final class FaultyCareRecordProxy implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final String target;
    private final AtomicInteger toLose = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger toAnswer = new AtomicInteger();
    private volatile int answerStatus = 503;
    private final AtomicInteger toDelay = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean down;
    private final AtomicInteger refused = new AtomicInteger();
    private final TokenEndpoint tokens = new TokenEndpoint();

    private FaultyCareRecordProxy(String targetBaseUrl) throws IOException {
        this.target = targetBaseUrl.endsWith("/") ? targetBaseUrl.substring(0, targetBaseUrl.length() - 1) : targetBaseUrl;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A proxy on a free loopback port forwarding to {@code targetBaseUrl}. */
    public static FaultyCareRecordProxy start(String targetBaseUrl) throws IOException {
        return new FaultyCareRecordProxy(targetBaseUrl);
    }

    /** The proxy's base URL, standing in for the care record's. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    /** The next {@code n} requests reach the care record, but their answers are replaced by 503. */
    public void loseNextResponses(int n) {
        toLose.set(n);
    }

    /** The next {@code n} requests are answered {@code status} and never reach the care record. */
    public void answerNext(int n, int status) {
        answerStatus = status;
        toAnswer.set(n);
    }

    /** The next {@code n} requests are forwarded only after {@code d}. */
    public void delayNext(int n, Duration d) {
        delay = d;
        toDelay.set(n);
    }

    /** While down, every request is answered 503 and never reaches the care record. */
    public void down(boolean isDown) {
        down = isDown;
    }

    /** From now on, requests need a bearer token from {@link #tokenUrl()}, issued for {@code lifetime}. */
    public void requireTokens(java.security.PublicKey clientKey, Duration lifetime) {
        tokens.require(clientKey, lifetime, tokenUrl());
    }

    /** The token endpoint's URL. */
    public String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** Revokes every token issued so far: the next request with one is answered 401. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** Tokens issued so far. */
    public int tokensIssued() {
        return tokens.issued();
    }

    /** Requests answered 401 (no live token). */
    public int unauthorized() {
        return tokens.unauthorized();
    }

    /** True once every token issued so far has expired. */
    public boolean allTokensExpired() {
        return tokens.allExpired();
    }

    /** Requests answered without reaching the care record (down or {@link #answerNext}). */
    public int refused() {
        return refused.get();
    }

    /** Requests forwarded to the care record so far. */
    public int forwarded() {
        return forwarded.get();
    }

    /** Answers lost so far. */
    public int lost() {
        return lost.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("/token".equals(exchange.getRequestURI().getPath())) {
                tokens.answer(exchange, body);
                return;
            }
            if (!tokens.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (down || toAnswer.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(down ? 503 : answerStatus, -1);
                return;
            }
            if (toDelay.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                try {
                    Thread.sleep(delay.toMillis()); // the fault itself: a care record that answers slowly
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String path = exchange.getRequestURI().getRawPath();
            String rest = path.startsWith("/fhir") ? path.substring("/fhir".length()) : path;
            String query = exchange.getRequestURI().getRawQuery();
            var builder = HttpRequest.newBuilder(URI.create(target + rest + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            forwarded.incrementAndGet();
            if (toLose.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                lost.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
