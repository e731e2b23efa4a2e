package org.hearth.gateway.warning.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.hearth.gateway.mqtt.TopicPublisher;
import org.hearth.gateway.warning.WarningChannel;
import org.hearth.gateway.warning.WarningNotice;

/**
 * Publishes local warnings as JSON to one MQTT topic at QoS 1, not retained (a retained warning would sound again for a
 * sounder that reconnects after it is over). Its own client ({@code <client-id>-warning}), connected on first use and
 * again after a loss, so a broker outage costs one bounded wait per attempt and never blocks ingest.
 *
 * <p>Payload, schema {@code hearth.warning/1}: {@code {"schema":"hearth.warning/1", "warning":"17",
 * "alertType":"prolonged-inactivity", "warnedAt":"...Z", "deadline":"...Z", "window":"PT5M",
 * "text":"Are you OK? Press your button if you are."}}. No personal data.
 */
public final class PahoWarningChannel implements WarningChannel {
    /** The payload's schema tag. */
    public static final String SCHEMA = "hearth.warning/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicPublisher publisher;

    /**
     * @param timeout how long a connect or a publish may wait for the broker
     * @throws IllegalStateException if the client cannot be created (a malformed URI; config validation prevents it)
     */
    public PahoWarningChannel(String brokerUri, String clientId, Optional<String> username, Optional<String> password,
            String topic, Duration timeout) {
        this.publisher = new TopicPublisher(brokerUri, clientId, username, password, topic, timeout, "warning");
    }

    @Override
    public Optional<String> publish(WarningNotice notice) {
        return publisher.publish(encode(notice));
    }

    /** The notice as the channel's JSON. */
    public static byte[] encode(WarningNotice notice) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("warning", notice.id());
        o.put("alertType", notice.alertType());
        o.put("warnedAt", notice.warnedAt().toString());
        o.put("deadline", notice.deadline().toString());
        o.put("window", notice.window().toString());
        o.put("text", notice.text());
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
