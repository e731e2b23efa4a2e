package org.hearth.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.rules.model.AlertType;
import org.hearth.rules.warning.WarningPolicy;

/**
 * Reads the {@code warning} section of the configuration, reporting problems through the loader's reader:
 *
 * <pre>
 * warning:
 *   enabled: false                     # off by default: every alert goes at once
 *   topic: hearth/&lt;home-id&gt;/warning      # the sounder's MQTT topic (QoS 1)
 *   windows: { inactivity: 5m, fall: 60s, radar-fall: 60s, absence: off }
 *   ok-buttons: [pendant]              # button sensor ids whose presses answer a pending warning
 *   ok-actions: [single]               # which actions answer (empty list: any)
 * </pre>
 */
final class WarningSettings {
    /** Window keys and the alert types they hold back. */
    private static final Map<String, AlertType> WINDOW_KEYS = windowKeys();

    private final ConfigLoader.Reader r;

    WarningSettings(ConfigLoader.Reader r) {
        this.r = r;
    }

    private static Map<String, AlertType> windowKeys() {
        Map<String, AlertType> keys = new LinkedHashMap<>();
        keys.put("inactivity", AlertType.PROLONGED_INACTIVITY);
        keys.put("fall", AlertType.FALL_WEARABLE);
        keys.put("radar-fall", AlertType.FALL_RADAR);
        keys.put("absence", AlertType.PROLONGED_ABSENCE);
        return keys;
    }

    GatewayConfig.Warning read(String homeId, List<GatewayConfig.Sensor> sensors) {
        r.allowOnly("warning", r.node("warning"), Set.of("enabled", "topic", "windows", "ok-buttons", "ok-actions"));
        boolean enabled = bool("warning.enabled");
        String topic = r.string("warning.topic", false, "hearth/" + (homeId == null ? "home" : homeId) + "/warning");
        if (topic != null && (topic.contains("#") || topic.contains("+") || topic.indexOf('\u0000') >= 0
                || topic.startsWith("$"))) {
            r.problem("warning.topic", "must be a plain MQTT topic: no wildcards, not starting with '$'");
        }
        Map<AlertType, Duration> windows = windows();
        List<String> okButtons = list("warning.ok-buttons", List.of());
        for (int i = 0; i < okButtons.size(); i++) {
            String id = okButtons.get(i);
            boolean isButton = sensors.stream().anyMatch(s -> s.id().equals(id) && s.kind() == SensorKind.BUTTON);
            if (!isButton) {
                r.problem("warning.ok-buttons[" + i + "]", "must be the id of a sensor of kind button");
            }
        }
        if (enabled && okButtons.isEmpty()) {
            r.problem("warning.ok-buttons", "must list at least one button when warning.enabled is true");
        }
        List<String> okActions = list("warning.ok-actions", List.of("single"));
        return new GatewayConfig.Warning(enabled, topic, windows, okButtons, okActions);
    }

    private boolean bool(String key) {
        JsonNode n = r.node(key);
        if (n.isMissingNode() || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            r.problem(key, "must be true or false");
            return false;
        }
        return n.booleanValue();
    }

    private Map<AlertType, Duration> windows() {
        Map<AlertType, Duration> windows = new EnumMap<>(WarningPolicy.defaultWindows());
        r.allowOnly("warning.windows", r.node("warning.windows"), WINDOW_KEYS.keySet());
        WINDOW_KEYS.forEach((name, type) -> {
            String key = "warning.windows." + name;
            JsonNode n = r.node(key);
            if (n.isMissingNode() || n.isNull()) {
                return;
            }
            if (n.isBoolean() && !n.booleanValue() || "off".equals(n.asText())) {
                windows.remove(type); // YAML reads a bare off as false
                return;
            }
            Duration d = r.duration(key, null);
            if (d != null && d.compareTo(WarningPolicy.MAX_WINDOW) > 0) {
                r.problem(key, "must be at most " + WarningPolicy.MAX_WINDOW.toMinutes() + "m, or off");
            } else if (d != null) {
                windows.put(type, d);
            }
        });
        return windows;
    }

    private List<String> list(String key, List<String> fallback) {
        JsonNode n = r.node(key);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isArray()) {
            r.problem(key, "must be a list");
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String v = r.string(key + "[" + i + "]", true, null);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
