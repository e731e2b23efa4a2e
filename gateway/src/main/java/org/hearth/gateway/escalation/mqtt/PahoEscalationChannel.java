package org.hearth.gateway.escalation.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.hearth.gateway.mqtt.TopicPublisher;
import org.hearth.gateway.escalation.EscalationChannel;
import org.hearth.gateway.escalation.EscalationNotice;

/**
 * Publishes escalation notices as JSON to one MQTT topic at QoS 1, not retained (a retained alarm would sound again
 * for every new subscriber). Its own client ({@code <client-id>-escalation}), connected on first use and again after a
 * loss, so a broker outage costs one bounded wait per attempt and never blocks ingest.
 *
 * <p>Payload, schema {@code hearth.escalation/1}: {@code {"schema":..., "home":..., "alertType":..., "priority":...,
 * "identifier":..., "raisedAt":..., "escalatedAt":..., "after":"PT10M"}}. No personal data.
 */
public final class PahoEscalationChannel implements EscalationChannel {
    /** The payload's schema tag. */
    public static final String SCHEMA = "hearth.escalation/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicPublisher publisher;

    /**
     * @param timeout how long a connect or a publish may wait for the broker
     * @throws IllegalStateException if the client cannot be created (a malformed URI; config validation prevents it)
     */
    public PahoEscalationChannel(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            String topic, Duration timeout) {
        this.publisher = new TopicPublisher(brokerUri, clientId, username, password, topic, timeout, "escalation");
    }

    @Override
    public Optional<String> publish(EscalationNotice notice) {
        return publisher.publish(encode(notice));
    }

    /** The notice as the channel's JSON. */
    public static byte[] encode(EscalationNotice notice) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("home", notice.homeId());
        o.put("alertType", notice.alertType());
        o.put("priority", notice.priority());
        o.put("identifier", notice.identifier());
        o.put("raisedAt", notice.raisedAt().toString());
        o.put("escalatedAt", notice.escalatedAt().toString());
        o.put("after", notice.after().toString());
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
