package org.hearth.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** Zigbee2MQTT's availability payloads: {@code {"state":"online"}} or the legacy plain {@code online}/{@code offline}. */
final class Zigbee2MqttAvailability {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A sentinel for "JSON whose state is not text": the caller rejects it as the wrong type. */
    static final String NOT_TEXT = "\u0000";

    private Zigbee2MqttAvailability() {}

    /** The state text; {@link #NOT_TEXT} if JSON without a text state; null if unparseable JSON. */
    static String stateOf(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (!text.startsWith("{")) {
            return text;
        }
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || !node.isObject()) {
                return null;
            }
            JsonNode s = node.get("state");
            return s != null && s.isTextual() ? s.textValue() : NOT_TEXT;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
