package org.hearth.gateway.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.hearth.gateway.store.AlertState;

/**
 * The health snapshot as JSON (what the daemon stores and {@code health --json} prints), and its human rendering.
 *
 * <pre>
 * {"gateway":"gw-1","at":"...","status":"healthy"|"degraded","problems":[...],
 *  "mqtt":{"connected":true,"accepted":12,"rejected":{"malformed_json":1}},
 *  "outbox":{"depth":0,"delivered":2,"dead":0,"oldestPending":null,"oldestPendingAgeSeconds":null,"lastDelivery":"..."},
 *  "uplink":{"breaker":"CLOSED","lastError":null,"lastAttempt":"...","authRejections":0,"tokenFailures":0},
 *  "alerts":{"total":2,"raised":0,"sent":0,"accepted":0,"completed":1,"rejected":0,"cancelled":0,"failed":0},
 *  "escalations":{"total":1,"awaitingNotification":0,"awaitingCareRecord":0,"last":"...","lastError":null},
 *  "acknowledgements":{"lastPoll":"...","lastError":null,"cursor":"..."},
 *  "clock":{"synchronised":true,"problem":null},
 *  "degradedSensors":[{"sensor":"hall-motion","problem":"offline","since":"..."}]}
 * </pre>
 * No personal data: counts, states, opaque ids and times.
 */
final class HealthJson {
    /** A snapshot older than this means the daemon is not writing any more. */
    static final Duration MAX_SNAPSHOT_AGE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthJson() {}

    static ObjectNode toJson(String gatewayId, GatewayHealth h) {
        ObjectNode o = JSON.createObjectNode();
        o.put("gateway", gatewayId);
        o.put("at", h.at().toString());
        var problems = h.problems();
        o.put("status", problems.isEmpty() ? "healthy" : "degraded");
        ArrayNode list = o.putArray("problems");
        problems.forEach(list::add);

        ObjectNode mqtt = o.putObject("mqtt");
        mqtt.put("connected", h.mqttConnected());
        mqtt.put("accepted", h.accepted());
        ObjectNode rejected = mqtt.putObject("rejected");
        h.rejected().forEach((reason, n) -> rejected.put(reason.label(), n));

        ObjectNode clockNode = o.putObject("clock");
        clockNode.put("synchronised", h.clock().synchronised());
        clockNode.put("problem", h.clock().problem().orElse(null));

        ObjectNode outbox = o.putObject("outbox");
        outbox.put("depth", h.outbox().pending());
        outbox.put("delivered", h.outbox().delivered());
        outbox.put("dead", h.outbox().dead());
        time(outbox, "oldestPending", h.outbox().oldestPending());
        if (h.oldestPendingAge().isPresent()) {
            outbox.put("oldestPendingAgeSeconds", h.oldestPendingAge().get().toSeconds());
        } else {
            outbox.putNull("oldestPendingAgeSeconds");
        }
        time(outbox, "lastDelivery", h.outbox().lastDelivery());

        ObjectNode uplink = o.putObject("uplink");
        uplink.put("breaker", h.uplink().breaker());
        text(uplink, "lastError", h.uplink().lastError());
        time(uplink, "lastAttempt", h.uplink().lastAttempt());
        uplink.put("authRejections", h.uplink().authRejections());
        uplink.put("tokenFailures", h.uplink().tokenFailures());

        ObjectNode alerts = o.putObject("alerts");
        alerts.put("total", h.alertsRaised());
        for (AlertState s : AlertState.values()) {
            alerts.put(s.code(), h.alerts().getOrDefault(s, 0L));
        }

        ObjectNode escalations = o.putObject("escalations");
        escalations.put("total", h.escalations().total());
        escalations.put("awaitingNotification", h.escalations().awaitingNotification());
        escalations.put("awaitingCareRecord", h.escalations().awaitingCareRecord());
        time(escalations, "last", h.escalations().last());
        text(escalations, "lastError", h.escalations().lastError());

        ObjectNode acks = o.putObject("acknowledgements");
        time(acks, "lastPoll", h.acknowledgements().lastPoll());
        text(acks, "lastError", h.acknowledgements().lastError());
        time(acks, "cursor", h.acknowledgements().cursor());

        ArrayNode sensors = o.putArray("degradedSensors");
        h.degradedSensors().forEach(d -> sensors.addObject().put("sensor", d.sensorId()).put("problem", d.problem())
                .put("since", d.since().toString()));
        return o;
    }

    /** Parses a stored snapshot. */
    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            ObjectNode o = JSON.createObjectNode();
            o.put("status", "degraded");
            o.putArray("problems").add("health snapshot unreadable");
            return o;
        }
    }

    /** The snapshot as seen at {@code now}: degraded as well if the daemon stopped writing it. */
    static ObjectNode judged(ObjectNode snapshot, Instant at, Instant now) {
        ObjectNode o = snapshot.deepCopy();
        long age = Duration.between(at, now).toSeconds();
        o.put("snapshotAgeSeconds", age);
        if (Duration.ofSeconds(age).compareTo(MAX_SNAPSHOT_AGE) > 0) {
            ArrayNode problems = o.withArray("problems");
            problems.add("snapshot is " + age + " s old: the gateway is not running or not writing");
            o.put("status", "degraded");
        }
        return o;
    }

    /** A report for a store that has no snapshot (or cannot be read). */
    static ObjectNode missing(String gatewayId, String problem) {
        ObjectNode o = JSON.createObjectNode();
        o.put("gateway", gatewayId);
        o.put("status", "degraded");
        o.putArray("problems").add(problem);
        return o;
    }

    static boolean healthy(JsonNode report) {
        return "healthy".equals(report.path("status").asText());
    }

    /** The human rendering: a verdict line, the problems, then one line per part. */
    static String human(JsonNode r) {
        StringBuilder out = new StringBuilder();
        out.append("hearth-gateway ").append(r.path("gateway").asText("?")).append(": ")
                .append(r.path("status").asText("degraded").toUpperCase(Locale.ROOT));
        if (r.has("at")) {
            out.append(" (snapshot ").append(r.path("at").asText()).append(", ").append(r.path("snapshotAgeSeconds").asLong()).append(" s old)");
        }
        out.append('\n');
        for (JsonNode p : r.path("problems")) {
            out.append("  problem: ").append(p.asText()).append('\n');
        }
        if (!r.has("mqtt")) {
            return out.toString();
        }
        JsonNode mqtt = r.path("mqtt");
        out.append(line("mqtt", (mqtt.path("connected").asBoolean() ? "connected" : "NOT connected") + ", accepted "
                + mqtt.path("accepted").asLong() + ", rejected " + sum(mqtt.path("rejected"))));
        JsonNode outbox = r.path("outbox");
        out.append(line("outbox", "depth " + outbox.path("depth").asLong() + ", oldest pending "
                + (outbox.path("oldestPendingAgeSeconds").isNull() ? "-" : outbox.path("oldestPendingAgeSeconds").asLong() + " s")
                + ", delivered " + outbox.path("delivered").asLong() + ", dead " + outbox.path("dead").asLong()
                + ", last delivery " + or(outbox.path("lastDelivery"))));
        JsonNode uplink = r.path("uplink");
        out.append(line("care record", "breaker " + uplink.path("breaker").asText() + ", last error " + or(uplink.path("lastError"))));
        StringBuilder alerts = new StringBuilder("total " + r.path("alerts").path("total").asLong());
        for (AlertState s : AlertState.values()) {
            alerts.append(", ").append(s.code()).append(' ').append(r.path("alerts").path(s.code()).asLong());
        }
        out.append(line("alerts", alerts.toString()));
        JsonNode esc = r.path("escalations");
        out.append(line("escalations", esc.path("total").asLong() + " (awaiting local channel " + esc.path("awaitingNotification").asLong()
                + ", awaiting care record " + esc.path("awaitingCareRecord").asLong() + "), last " + or(esc.path("last"))));
        JsonNode acks = r.path("acknowledgements");
        out.append(line("acks", "last poll " + or(acks.path("lastPoll")) + ", last error " + or(acks.path("lastError"))));
        StringBuilder degraded = new StringBuilder();
        for (JsonNode d : r.path("degradedSensors")) {
            degraded.append(degraded.length() == 0 ? "" : ", ").append(d.path("sensor").asText()).append(' ')
                    .append(d.path("problem").asText()).append(" since ").append(d.path("since").asText());
        }
        out.append(line("sensors", degraded.length() == 0 ? "all seeing" : "degraded: " + degraded));
        return out.toString();
    }

    private static String line(String label, String text) {
        return String.format(Locale.ROOT, "%-13s%s%n", label + ":", text);
    }

    private static long sum(JsonNode counts) {
        long n = 0;
        for (var it = counts.elements(); it.hasNext();) {
            n += it.next().asLong();
        }
        return n;
    }

    private static String or(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "-" : n.asText();
    }

    private static void time(ObjectNode o, String field, Optional<Instant> t) {
        if (t.isPresent()) {
            o.put(field, t.get().toString());
        } else {
            o.putNull(field);
        }
    }

    private static void text(ObjectNode o, String field, Optional<String> t) {
        if (t.isPresent()) {
            o.put(field, t.get());
        } else {
            o.putNull(field);
        }
    }
}
