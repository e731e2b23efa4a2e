package org.hearth.gateway.uplink.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.uplink.AckPoll;
import org.hearth.gateway.uplink.Acknowledgements;
import org.hearth.gateway.uplink.TaskEscalation;
import org.hearth.gateway.uplink.TaskUpdate;
import org.hearth.gateway.uplink.oauth.AccessTokens;
import org.hearth.gateway.uplink.oauth.FixedToken;
import org.hearth.gateway.uplink.oauth.TokenUnavailable;

/**
 * This gateway's Tasks in a FHIR R4 care record: polling their status (acknowledgements) and marking one escalated.
 *
 * <p><b>Poll</b>: {@code GET [base]/Task?identifier=<system>|&_lastUpdated=gt<since>&_sort=_lastUpdated&_count=100
 * &_elements=identifier,status,businessStatus}, then the {@code next} links. {@code identifier=<system>|} is the base
 * spec's token search for "any value in this system" (verified on HAPI FHIR JPA 8.8); the Tasks minted by this gateway
 * are those whose value starts with {@code <gatewayId>:}, filtered here. {@code _elements} keeps other homes' Tasks
 * down to ids and statuses. {@code since} is sent with milliseconds, because a date search compares at the precision
 * given ({@code gt...34Z} would skip {@code 34.5}). A {@code next} link to another origin is not followed (the
 * bearer token must not leave the care record).
 *
 * <p><b>Escalate</b>: read the Task by identifier, and if it is still {@code requested} and not yet marked, set its
 * {@code businessStatus} (code {@code escalated} in Hearth's task-business-status system, with the given text) and
 * write it back with {@code PUT [base]/Task/<id>} and {@code If-Match: W/"<versionId>"}: a version-aware update, so a
 * concurrent accept by the team is never overwritten (HAPI answers a stale version with 409, the spec with 412; both
 * mean read again). Everything else the team's system put on the Task is kept as read.
 *
 * <p>Reasons returned never contain a response body (it may echo personal data).
 */
public final class FhirTasks implements Acknowledgements, TaskEscalation {
    /** Hearth's CodeSystem of Task business statuses. */
    public static final String BUSINESS_STATUS_SYSTEM = "https://fhir.hearth.example/CodeSystem/task-business-status";
    /** The business status of an escalated Task. */
    public static final String ESCALATED = "escalated";
    /** Tasks per page asked for. */
    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 20;
    private static final int MAX_VERSION_RETRIES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final String base;
    private final String identifierSystem;
    private final String prefix;
    private final HttpClient http;
    private final Duration timeout;
    private final AccessTokens tokens;

    public FhirTasks(URI base, String identifierSystem, String gatewayId, Duration timeout, Optional<String> bearerToken) {
        this(base, identifierSystem, gatewayId, timeout, new FixedToken(bearerToken));
    }

    /** Tasks read and written with the bearer token {@code tokens} gives; a 401 drops it for the next request. */
    public FhirTasks(URI base, String identifierSystem, String gatewayId, Duration timeout, AccessTokens tokens) {
        this.base = base.toString().replaceAll("/+$", "");
        this.identifierSystem = identifierSystem;
        this.prefix = gatewayId + ":";
        this.timeout = timeout;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public AckPoll poll(Optional<Instant> since) {
        List<TaskUpdate> updates = new ArrayList<>();
        Instant newest = null;
        String url = searchUrl(base, identifierSystem, since);
        for (int page = 0; page < MAX_PAGES && url != null; page++) {
            Response r = get(url);
            if (r.failure != null) {
                return new AckPoll.Failed(r.failure);
            }
            if (r.status != 200) {
                return new AckPoll.Failed("Task search: HTTP " + r.status);
            }
            Page p;
            try {
                p = parsePage(r.body, identifierSystem, prefix);
            } catch (IOException | RuntimeException e) {
                return new AckPoll.Failed("Task search: unreadable response");
            }
            updates.addAll(p.updates());
            if (p.newest().isPresent() && (newest == null || p.newest().get().isAfter(newest))) {
                newest = p.newest().get();
            }
            url = p.next().filter(this::sameOrigin).orElse(null);
        }
        return new AckPoll.Polled(updates, Optional.ofNullable(newest), url != null);
    }

    @Override
    public Result markEscalated(String identifier, String text) {
        for (int attempt = 0; attempt < MAX_VERSION_RETRIES; attempt++) {
            Response found = get(base + "/Task?identifier=" + encode(identifierSystem + "|" + identifier));
            if (found.failure != null) {
                return new Result.Retry(found.failure);
            }
            if (found.status != 200) {
                return classify("Task read", found.status);
            }
            ObjectNode task;
            try {
                List<ObjectNode> tasks = resources(JSON.readTree(found.body));
                if (tasks.isEmpty()) {
                    return new Result.Retry("Task not in the care record yet");
                }
                if (tasks.size() > 1) {
                    return new Result.Refused(tasks.size() + " Tasks carry the identifier");
                }
                task = tasks.get(0);
            } catch (IOException | RuntimeException e) {
                return new Result.Retry("Task read: unreadable response");
            }
            String reference = "Task/" + task.path("id").asText();
            String status = task.path("status").asText("");
            if (!status.equals("requested")) {
                return new Result.NotWaiting(status);
            }
            if (isEscalated(task)) {
                return new Result.AlreadyEscalated(reference);
            }
            String version = task.path("meta").path("versionId").asText("");
            HttpRequest.Builder put = request(URI.create(base + "/" + reference))
                    .header("Content-Type", "application/fhir+json")
                    .PUT(HttpRequest.BodyPublishers.ofString(markEscalated(task, text).toString()));
            if (!version.isEmpty()) {
                put.header("If-Match", "W/\"" + version + "\"");
            }
            Response written = send(put.build());
            if (written.failure != null) {
                return new Result.Retry(written.failure);
            }
            if (written.status == 200 || written.status == 201) {
                return new Result.Escalated(reference);
            }
            if (written.status != 409 && written.status != 412) {
                return classify("Task update", written.status);
            }
            // The team (or anyone) changed it since it was read: read it again and decide afresh.
        }
        return new Result.Retry("Task kept changing under the update");
    }

    /** The first page's URL of the acknowledgement search. */
    static String searchUrl(String base, String identifierSystem, Optional<Instant> since) {
        StringBuilder url = new StringBuilder(base).append("/Task?identifier=").append(encode(identifierSystem + "|"));
        since.ifPresent(s -> url.append("&_lastUpdated=").append(encode("gt" + MILLIS.format(s.atOffset(ZoneOffset.UTC)))));
        url.append("&_sort=_lastUpdated&_count=").append(PAGE_SIZE)
                .append("&_elements=").append(encode("identifier,status,businessStatus"));
        return url.toString();
    }

    /** One page of a Task search: this gateway's Tasks, the newest lastUpdated of all, and the next page's URL. */
    record Page(List<TaskUpdate> updates, Optional<Instant> newest, Optional<String> next) {}

    static Page parsePage(String body, String identifierSystem, String prefix) throws IOException {
        JsonNode bundle = JSON.readTree(body);
        List<TaskUpdate> updates = new ArrayList<>();
        Instant newest = null;
        for (ObjectNode task : resources(bundle)) {
            Optional<Instant> lastUpdated = instant(task.path("meta").path("lastUpdated").asText(""));
            if (lastUpdated.isPresent() && (newest == null || lastUpdated.get().isAfter(newest))) {
                newest = lastUpdated.get();
            }
            for (JsonNode id : task.path("identifier")) {
                String value = id.path("value").asText("");
                if (identifierSystem.equals(id.path("system").asText()) && value.startsWith(prefix) && lastUpdated.isPresent()) {
                    updates.add(new TaskUpdate(value, "Task/" + task.path("id").asText(), task.path("status").asText(""),
                            lastUpdated.get()));
                    break;
                }
            }
        }
        Optional<String> next = Optional.empty();
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                next = Optional.of(link.path("url").asText());
            }
        }
        return new Page(updates, Optional.ofNullable(newest), next);
    }

    /** True if the Task already carries Hearth's escalated business status. */
    static boolean isEscalated(JsonNode task) {
        for (JsonNode coding : task.path("businessStatus").path("coding")) {
            if (BUSINESS_STATUS_SYSTEM.equals(coding.path("system").asText()) && ESCALATED.equals(coding.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the Task with Hearth's escalated business status; nothing else changes. */
    static ObjectNode markEscalated(ObjectNode task, String text) {
        ObjectNode copy = task.deepCopy();
        ObjectNode businessStatus = JSON.createObjectNode();
        ArrayNode codings = businessStatus.putArray("coding");
        ObjectNode coding = codings.addObject();
        coding.put("system", BUSINESS_STATUS_SYSTEM);
        coding.put("code", ESCALATED);
        coding.put("display", "Escalated");
        businessStatus.put("text", text);
        copy.set("businessStatus", businessStatus);
        return copy;
    }

    private static List<ObjectNode> resources(JsonNode bundle) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            if (resource instanceof ObjectNode o && "Task".equals(o.path("resourceType").asText())) {
                out.add(o);
            }
        }
        return out;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** 401 (token refresh comes with auth), 429, 5xx: retry; refusals that retrying cannot change: stop. */
    private static Result classify(String what, int status) {
        if (status == 400 || status == 403 || status == 404 || status == 405 || status == 422) {
            return new Result.Refused(what + ": HTTP " + status);
        }
        return new Result.Retry(what + ": HTTP " + status);
    }

    private boolean sameOrigin(String url) {
        URI a = URI.create(base);
        try {
            URI b = URI.create(url);
            return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                    && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost())) && port(a) == port(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/fhir+json");
        try {
            tokens.current().ifPresent(t -> b.header("Authorization", "Bearer " + t));
        } catch (TokenUnavailable e) {
            // sent without: the care record answers 401 and the caller retries at its next poll
        }
        return b;
    }

    private Response get(String url) {
        return send(request(URI.create(url)).GET().build());
    }

    /** Status and body, or why there is none. */
    private record Response(int status, String body, String failure) {}

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 401) {
                tokens.rejected(request.headers().firstValue("Authorization").orElse("").replaceFirst("^Bearer ", ""));
            }
            return new Response(r.statusCode(), r.body(), null);
        } catch (HttpTimeoutException e) {
            return new Response(0, null, "timeout");
        } catch (IOException e) {
            return new Response(0, null, "connection: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, null, "interrupted");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
