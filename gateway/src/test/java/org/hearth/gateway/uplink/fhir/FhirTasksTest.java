package org.hearth.gateway.uplink.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.hearth.gateway.uplink.AckPoll;
import org.hearth.gateway.uplink.TaskEscalation;
import org.hearth.gateway.uplink.TaskUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FHIR Task adapter: its search, its parsing, and its version-aware update against a scripted HTTP peer. */
class FhirTasksTest {

    private static final String SYSTEM = "https://fhir.hearth.example/Id/alert";
    private static final String MINE = "gw-1:help-button-pressed:pendant:1795424400000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Deque<String[]> script = new ArrayDeque<>(); // {status, body}
    private final List<String> requests = new ArrayList<>();
    private FhirTasks tasks;
    private String base;

    @BeforeEach
    void startPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
        tasks = new FhirTasks(URI.create(base + "/"), SYSTEM, "gw-1", Duration.ofSeconds(5), Optional.of("t0ken"));
    }

    @AfterEach
    void stopPeer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        requests.add(exchange.getRequestMethod() + " " + URLDecoder.decode(exchange.getRequestURI().toString(), StandardCharsets.UTF_8)
                + (ifMatch == null ? "" : " If-Match " + ifMatch) + (body.isEmpty() ? "" : " " + body)
                + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
        String[] reply = script.isEmpty() ? new String[] {"500", "{}"} : script.poll();
        byte[] bytes = reply[1].getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(Integer.parseInt(reply[0]), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void theSearchAsksForAnyIdentifierInTheSystemAfterTheCursorWithMillisecondsOldestFirst() {
        String url = URLDecoder.decode(FhirTasks.searchUrl("https://cr.example/fhir", SYSTEM,
                Optional.of(Instant.parse("2026-11-22T03:00:34Z"))), StandardCharsets.UTF_8);

        assertThat(url).isEqualTo("https://cr.example/fhir/Task?identifier=" + SYSTEM + "|&_lastUpdated=gt2026-11-22T03:00:34.000Z"
                + "&_sort=_lastUpdated&_count=100&_elements=identifier,status,businessStatus");
        assertThat(FhirTasks.searchUrl("https://cr.example/fhir", SYSTEM, Optional.empty())).doesNotContain("_lastUpdated=");
    }

    @Test
    void aPageKeepsOnlyThisGatewaysTasksButItsCursorCountsEveryTask() throws IOException {
        var page = FhirTasks.parsePage(bundle(
                task("1", MINE, "accepted", "2026-11-22T03:00:01.500+00:00", "2"),
                task("2", "gw-10:help-button-pressed:pendant:1", "completed", "2026-11-22T03:00:02.000+00:00", "3"),
                task("3", "gw-1:prolonged-inactivity:kitchen:1", "requested", "2026-11-22T03:00:01.000+00:00", "1"))
                .put("link", "").toString().replace("\"link\":\"\"", "\"link\":[{\"relation\":\"next\",\"url\":\"" + base + "?page=2\"}]"),
                SYSTEM, "gw-1:");

        assertThat(page.updates()).containsExactly(
                new TaskUpdate(MINE, "Task/1", "accepted", Instant.parse("2026-11-22T03:00:01.500Z")),
                new TaskUpdate("gw-1:prolonged-inactivity:kitchen:1", "Task/3", "requested", Instant.parse("2026-11-22T03:00:01Z")));
        assertThat(page.newest()).contains(Instant.parse("2026-11-22T03:00:02Z"));
        assertThat(page.next()).contains(base + "?page=2");
    }

    @Test
    void aPollFollowsNextLinksOnTheSameOriginOnlyAndSendsTheToken() throws IOException {
        script.add(new String[] {"200", withNext(bundle(task("1", MINE, "requested", "2026-11-22T03:00:01.000Z", "1")), base + "?_getpages=x&_getpagesoffset=1")});
        script.add(new String[] {"200", withNext(bundle(task("1", MINE, "accepted", "2026-11-22T03:00:05.000Z", "2")), "https://elsewhere.example/fhir?page=3")});

        AckPoll result = tasks.poll(Optional.empty());

        assertThat(result).isInstanceOfSatisfying(AckPoll.Polled.class, p -> {
            assertThat(p.updates()).extracting(TaskUpdate::status).containsExactly("requested", "accepted");
            assertThat(p.newestSeen()).contains(Instant.parse("2026-11-22T03:00:05Z"));
        });
        assertThat(requests).hasSize(2).allSatisfy(r -> assertThat(r).startsWith("GET /fhir").endsWith("auth=Bearer t0ken"));
    }

    @Test
    void aFailedSearchIsAFailedPollWithoutTheBody() {
        script.add(new String[] {"503", "{\"secret\":\"9434765919\"}"});

        assertThat(tasks.poll(Optional.empty())).isEqualTo(new AckPoll.Failed("Task search: HTTP 503"));
    }

    @Test
    void escalatingSetsTheBusinessStatusOnTheVersionReadAndKeepsEverythingElse() throws IOException {
        ObjectNode read = task("7", MINE, "requested", "2026-11-22T03:00:01.000Z", "4");
        read.putArray("note").addObject().put("text", "team's note");
        script.add(new String[] {"200", bundle(read).toString()});
        script.add(new String[] {"200", "{}"});

        var result = tasks.markEscalated(MINE, "escalated: not accepted within 10 min");

        assertThat(result).isEqualTo(new TaskEscalation.Result.Escalated("Task/7"));
        assertThat(requests.get(0)).startsWith("GET /fhir/Task?identifier=" + SYSTEM + "|" + MINE);
        assertThat(requests.get(1)).startsWith("PUT /fhir/Task/7 If-Match W/\"4\" ");
        ObjectNode written = (ObjectNode) JSON.readTree(requests.get(1).substring(requests.get(1).indexOf('{'), requests.get(1).lastIndexOf(" auth=")));
        assertThat(written.path("businessStatus").path("text").asText()).isEqualTo("escalated: not accepted within 10 min");
        assertThat(written.path("businessStatus").path("coding").get(0).path("code").asText()).isEqualTo("escalated");
        assertThat(written.path("status").asText()).isEqualTo("requested");
        assertThat(written.path("note").get(0).path("text").asText()).isEqualTo("team's note");
        assertThat(FhirTasks.isEscalated(written)).isTrue();
    }

    @Test
    void aTeamAcceptingBetweenTheReadAndTheWriteWinsTheUpdateIsDropped() throws IOException {
        script.add(new String[] {"200", bundle(task("7", MINE, "requested", "2026-11-22T03:00:01.000Z", "4")).toString()});
        script.add(new String[] {"409", "{\"resourceType\":\"OperationOutcome\"}"}); // HAPI's answer to a stale If-Match
        script.add(new String[] {"200", bundle(task("7", MINE, "accepted", "2026-11-22T03:00:02.000Z", "5")).toString()});

        var result = tasks.markEscalated(MINE, "escalated: not accepted within 10 min");

        assertThat(result).isEqualTo(new TaskEscalation.Result.NotWaiting("accepted"));
        assertThat(requests).hasSize(3).filteredOn(r -> r.startsWith("PUT")).hasSize(1);
    }

    @Test
    void aTaskAlreadyMarkedIsNotWrittenAgain() throws IOException {
        ObjectNode marked = FhirTasks.markEscalated(task("7", MINE, "requested", "2026-11-22T03:00:01.000Z", "5"), "escalated");
        script.add(new String[] {"200", bundle(marked).toString()});

        assertThat(tasks.markEscalated(MINE, "escalated")).isEqualTo(new TaskEscalation.Result.AlreadyEscalated("Task/7"));
        assertThat(requests).hasSize(1);
    }

    @Test
    void aTaskNotYetInTheCareRecordIsRetriedAndTwoTasksWithTheIdentifierAreRefused() throws IOException {
        script.add(new String[] {"200", bundle().toString()});
        script.add(new String[] {"200", bundle(task("7", MINE, "requested", "2026-11-22T03:00:01.000Z", "1"),
                task("8", MINE, "requested", "2026-11-22T03:00:01.000Z", "1")).toString()});

        assertThat(tasks.markEscalated(MINE, "x")).isInstanceOf(TaskEscalation.Result.Retry.class);
        assertThat(tasks.markEscalated(MINE, "x")).isInstanceOf(TaskEscalation.Result.Refused.class);
    }

    private static ObjectNode task(String id, String identifier, String status, String lastUpdated, String version) {
        ObjectNode t = JSON.createObjectNode();
        t.put("resourceType", "Task");
        t.put("id", id);
        ObjectNode meta = t.putObject("meta");
        meta.put("versionId", version);
        meta.put("lastUpdated", lastUpdated);
        ObjectNode ident = t.putArray("identifier").addObject();
        ident.put("system", SYSTEM);
        ident.put("value", identifier);
        t.put("status", status);
        t.put("intent", "order");
        return t;
    }

    private static ObjectNode bundle(ObjectNode... resources) {
        ObjectNode b = JSON.createObjectNode();
        b.put("resourceType", "Bundle");
        b.put("type", "searchset");
        var entries = b.putArray("entry");
        for (ObjectNode r : resources) {
            entries.addObject().set("resource", r);
        }
        return b;
    }

    private static String withNext(ObjectNode bundle, String url) {
        ObjectNode link = bundle.putArray("link").addObject();
        link.put("relation", "next");
        link.put("url", url);
        return bundle.toString();
    }
}
