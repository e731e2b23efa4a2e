package org.hearth.simulator.drain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hearth.gateway.uplink.fhir.FhirAlertBundle;
import org.hearth.rules.model.Alert;

/**
 * The care record's own ceiling: the same transaction Bundles the gateway would send (conditional creates, same batch
 * size), posted straight from the JDK HTTP client at the same concurrency, with no outbox, breaker or SQLite.
 */
final class DirectPoster {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    DirectPoster(String baseUrl) {
        this.base = URI.create(baseUrl);
    }

    /**
     * Posts every alert under identifiers {@code <gatewayId>:<key>}, the first batch alone (so concurrent requests
     * do not race to create the Patient), then {@code concurrency} batches at a time.
     *
     * @return the seconds taken
     * @throws IllegalStateException if any transaction is not answered 200
     */
    double post(FhirAlertBundle bundles, String gatewayId, List<Alert> alerts, int batchSize, int concurrency)
            throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i += batchSize) {
            bodies.add(bundles.encode(alerts.subList(i, Math.min(alerts.size(), i + batchSize)).stream()
                    .map(a -> Map.entry(gatewayId + ":" + a.key(), a)).toList()));
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            if (!bodies.isEmpty()) {
                send(bodies.get(0));
            }
            List<Future<?>> pending = new ArrayList<>();
            for (String body : bodies.subList(Math.min(1, bodies.size()), bodies.size())) {
                pending.add(pool.submit(() -> {
                    send(body);
                    return null;
                }));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private void send(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("sandbox answered HTTP " + status);
        }
    }
}
