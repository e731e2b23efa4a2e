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
 * An HTTP proxy in front of the care record that can lose answers: with {@link #loseNextResponses(int)}, it forwards
 * the request (the care record commits it) and then answers the gateway 503, as when a response is lost on the way
 * back. The gateway must retry, and the care record must still hold exactly one copy.
 */
public final class FaultyCareRecordProxy implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final String target;
    private final AtomicInteger toLose = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();

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
            String path = exchange.getRequestURI().getRawPath();
            String rest = path.startsWith("/fhir") ? path.substring("/fhir".length()) : path;
            String query = exchange.getRequestURI().getRawQuery();
            var builder = HttpRequest.newBuilder(URI.create(target + rest + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
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
