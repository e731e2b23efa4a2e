package org.hearth.simulator.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The care record's own share of an alert's latency: the time the sandbox takes for one conditional create of an
 * Observation (as each alert's transaction does), posted straight to it with no gateway in between.
 */
final class SandboxCreateTime {
    private SandboxCreateTime() {}

    static List<Double> millis(String baseUrl, int creates) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toHexString(System.nanoTime());
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < creates; i++) {
            String id = "bench-" + run + "-" + i;
            String body = """
                    {"resourceType":"Observation","status":"final",
                     "identifier":[{"system":"https://fhir.hearth.example/Id/bench","value":"%s"}],
                     "code":{"text":"benchmark"},"effectiveDateTime":"2026-01-01T00:00:00Z"}""".formatted(id);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/Observation"))
                    .header("Content-Type", "application/fhir+json")
                    .header("If-None-Exist", "identifier=https://fhir.hearth.example/Id/bench|" + id)
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("sandbox answered " + response.statusCode() + " to a create");
            }
            if (i >= Math.min(5, creates / 5)) { // the first few warm the server's caches and JIT
                millis.add(ms);
            }
        }
        return millis;
    }
}
