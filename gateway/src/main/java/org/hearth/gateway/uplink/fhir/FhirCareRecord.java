package org.hearth.gateway.uplink.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.gateway.store.OutboxItem;
import org.hearth.gateway.uplink.CareRecord;
import org.hearth.gateway.uplink.Delivery;
import org.hearth.gateway.uplink.oauth.AccessTokens;
import org.hearth.gateway.uplink.oauth.FixedToken;
import org.hearth.gateway.uplink.oauth.TokenUnavailable;

/**
 * The care record as a FHIR R4 server: POSTs each alert's transaction Bundle to the base URL and classifies the answer
 * per design.md §4. Reasons returned never contain the response body (it may echo personal data).
 */
public final class FhirCareRecord implements CareRecord {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object UNAUTHORIZED = new Object();

    private final URI base;
    private final FhirAlertBundle bundles;
    private final FhirSummaryBundle summaries;
    private final HttpClient http;
    private final Duration timeout;
    private final AccessTokens tokens;

    public FhirCareRecord(URI base, FhirAlertBundle bundles, Duration timeout, Optional<String> bearerToken) {
        this(base, bundles, null, timeout, new FixedToken(bearerToken));
    }

    /** A care record whose requests carry the bearer token {@code tokens} gives (refreshed after a 401). */
    public FhirCareRecord(URI base, FhirAlertBundle bundles, Duration timeout, AccessTokens tokens) {
        this(base, bundles, null, timeout, tokens);
    }

    /** A care record that also takes daily summaries, each as a batch Bundle of Observations. */
    public FhirCareRecord(URI base, FhirAlertBundle bundles, FhirSummaryBundle summaries, Duration timeout,
            Optional<String> bearerToken) {
        this(base, bundles, summaries, timeout, new FixedToken(bearerToken));
    }

    /** Alerts and daily summaries, with the bearer token {@code tokens} gives (refreshed after a 401). */
    public FhirCareRecord(URI base, FhirAlertBundle bundles, FhirSummaryBundle summaries, Duration timeout,
            AccessTokens tokens) {
        this.base = base;
        this.bundles = bundles;
        this.summaries = summaries;
        this.timeout = timeout;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Delivery send(OutboxItem item) {
        if (item.isSummary()) {
            if (summaries == null) {
                return new Delivery.Retry("no summary encoder configured");
            }
            return post(summaries.encode(item.summary()), FhirCareRecord::classifyBatch);
        }
        return post(bundles.encode(item.identifier(), item.alert()));
    }

    @Override
    public Delivery sendAll(List<OutboxItem> items) {
        return post(bundles.encode(items.stream().map(i -> Map.entry(i.identifier(), i.alert())).toList()));
    }

    /** Posts; a 401 drops the token and the request is tried once more with a fresh one. */
    private Delivery post(String body) {
        return post(body, FhirCareRecord::classify);
    }

    /** Posts; a 401 drops the token and the request is tried once more with a fresh one. */
    private Delivery post(String body, java.util.function.BiFunction<Integer, String, Delivery> classifier) {
        Object first = postOnce(body, classifier);
        if (first instanceof Delivery d) {
            return d;
        }
        Object second = postOnce(body, classifier);
        if (second instanceof Delivery d) {
            return d;
        }
        return new Delivery.Retry("HTTP 401");
    }

    /** A {@link Delivery}, or {@link #UNAUTHORIZED} after telling the token source its token was refused. */
    private Object postOnce(String body, java.util.function.BiFunction<Integer, String, Delivery> classifier) {
        Optional<String> token;
        try {
            token = tokens.current();
        } catch (TokenUnavailable e) {
            return new Delivery.Retry("no access token: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base)
                .timeout(timeout)
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Delivery.Retry("timeout");
        } catch (IOException e) {
            return new Delivery.Retry("connection: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Retry("interrupted");
        }
        if (response.statusCode() == 401) {
            tokens.rejected(token.orElse(""));
            return UNAUTHORIZED;
        }
        return classifier.apply(response.statusCode(), response.body());
    }

    /**
     * Maps a batch's answer: done when every entry is 200/201 (a replay answers 200 with the stored Observation);
     * an entry's 412 is an integrity alarm, 400/422 a refusal; any other entry failure retries the whole batch,
     * which is safe because every entry is a conditional create.
     */
    static Delivery classifyBatch(int status, String body) {
        if (status != 200) {
            return classify(status, body);
        }
        try {
            List<String> refs = new ArrayList<>();
            Delivery worst = null;
            for (JsonNode entry : JSON.readTree(body).path("entry")) {
                String entryStatus = entry.path("response").path("status").asText("");
                if (entryStatus.startsWith("200") || entryStatus.startsWith("201")) {
                    String location = entry.path("response").path("location").asText("");
                    int history = location.indexOf("/_history");
                    String ref = history > 0 ? location.substring(0, history) : location;
                    int at = ref.lastIndexOf("Observation/");
                    refs.add(at >= 0 ? ref.substring(at) : ref);
                } else if (entryStatus.startsWith("412")) {
                    return new Delivery.IntegrityAlarm("batch entry 412: identifier matched more than one resource");
                } else if (entryStatus.startsWith("400") || entryStatus.startsWith("422")) {
                    worst = new Delivery.Refused("batch entry " + entryStatus.split(" ")[0]);
                } else if (worst == null) {
                    worst = new Delivery.Retry("batch entry " + (entryStatus.isEmpty() ? "without status" : entryStatus.split(" ")[0]));
                }
            }
            if (worst != null) {
                return worst;
            }
            return refs.isEmpty() ? new Delivery.Retry("batch response without entries") : new Delivery.Accepted(String.join(" ", refs));
        } catch (IOException | RuntimeException e) {
            return new Delivery.Retry("unreadable batch response");
        }
    }

    /** Maps a transaction's HTTP answer to what the outbox does next. */
    static Delivery classify(int status, String body) {
        if (status == 200 || status == 201) {
            return accepted(body);
        }
        if (status == 412) {
            return new Delivery.IntegrityAlarm("HTTP 412: identifier matched more than one resource");
        }
        if (status == 400 || status == 422) {
            return new Delivery.Refused("HTTP " + status);
        }
        // 401 (after one refresh, see post), 409 (a concurrent create won), 429, 5xx and anything unexpected: retry.
        return new Delivery.Retry("HTTP " + status);
    }

    private static Delivery accepted(String body) {
        try {
            JsonNode response = JSON.readTree(body);
            // Entries come back in request order: Patient, Device, then each alert's Observation and Task.
            List<String> refs = new ArrayList<>();
            for (JsonNode entry : response.path("entry")) {
                String entryStatus = entry.path("response").path("status").asText("");
                if (!entryStatus.startsWith("200") && !entryStatus.startsWith("201")) {
                    return new Delivery.Retry("entry status " + entryStatus);
                }
                String location = entry.path("response").path("location").asText("");
                int history = location.indexOf("/_history");
                String ref = history > 0 ? location.substring(0, history) : location;
                // Servers may answer with absolute URLs: keep the relative Type/id.
                for (String type : new String[] {"Observation/", "Task/"}) {
                    int at = ref.lastIndexOf(type);
                    if (at >= 0 && (at == 0 || ref.charAt(at - 1) == '/')) {
                        refs.add(ref.substring(at));
                    }
                }
            }
            if (refs.isEmpty() || refs.size() % 2 != 0) {
                return new Delivery.Retry("transaction response without Observation and Task");
            }
            List<String> perAlert = new ArrayList<>();
            for (int i = 0; i < refs.size(); i += 2) {
                perAlert.add(refs.get(i) + " " + refs.get(i + 1));
            }
            return new Delivery.Accepted(String.join(";", perAlert));
        } catch (IOException | RuntimeException e) {
            return new Delivery.Retry("unreadable transaction response");
        }
    }
}
