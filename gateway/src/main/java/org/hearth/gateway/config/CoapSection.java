package org.hearth.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code coap:} section (additive to {@link ConfigLoader}): everything defaults to off, so a file without
 * it runs no CoAP. Problems name the key and never repeat a value (keys are secrets).
 */
final class CoapSection {

    /** The loader's primitives, so this section reports problems the same way. */
    interface Access {
        void allowOnly(String key, JsonNode node, Set<String> allowed);

        String string(String key, boolean required, String fallback);

        int integer(String key, int fallback, int min, int max);

        void problem(String key, String what);
    }

    private CoapSection() {
    }

    static GatewayConfig.Coap read(JsonNode section, List<GatewayConfig.Sensor> sensors, Access a) {
        GatewayConfig.Coap off = GatewayConfig.Coap.disabled();
        if (section.isMissingNode() || section.isNull()) {
            return off;
        }
        a.allowOnly("coap", section, Set.of("enabled", "host", "port", "dtls-port", "plain", "queue", "psk", "observe"));
        if (!section.isObject()) {
            return off;
        }
        boolean enabled = bool(a, section, "enabled");
        boolean plain = bool(a, section, "plain");
        String host = a.string("coap.host", false, off.host());
        int port = a.integer("coap.port", off.port(), 0, 65535);
        int dtlsPort = a.integer("coap.dtls-port", off.dtlsPort(), 0, 65535);
        int queue = a.integer("coap.queue", off.queue(), 1, 10_000);
        Set<String> known = new HashSet<>();
        sensors.forEach(s -> known.add(s.id()));

        List<GatewayConfig.Psk> psks = new ArrayList<>();
        Set<String> identities = new HashSet<>();
        JsonNode list = section.path("psk");
        if (!list.isMissingNode() && !list.isArray()) {
            a.problem("coap.psk", "must be a list of {sensor, identity, key}");
        }
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            String key = "coap.psk[" + i + "]";
            a.allowOnly(key, list.get(i), Set.of("sensor", "identity", "key"));
            String sensor = a.string(key + ".sensor", true, null);
            if (sensor != null && !known.contains(sensor)) {
                a.problem(key + ".sensor", "is not the id of a configured sensor");
            }
            String identity = a.string(key + ".identity", false, sensor);
            if (identity != null && !identities.add(identity)) {
                a.problem(key + ".identity", "is used by another key");
            }
            String secret = a.string(key + ".key", true, null);
            if (secret != null && secret.length() < 8) {
                a.problem(key + ".key", "must be at least 8 characters");
            }
            if (sensor != null && identity != null && secret != null) {
                psks.add(new GatewayConfig.Psk(sensor, identity, secret));
            }
        }

        List<GatewayConfig.Observe> observes = new ArrayList<>();
        JsonNode obs = section.path("observe");
        if (!obs.isMissingNode() && !obs.isArray()) {
            a.problem("coap.observe", "must be a list of {sensor, uri}");
        }
        for (int i = 0; obs.isArray() && i < obs.size(); i++) {
            String key = "coap.observe[" + i + "]";
            a.allowOnly(key, obs.get(i), Set.of("sensor", "uri"));
            String sensor = a.string(key + ".sensor", true, null);
            if (sensor != null && !known.contains(sensor)) {
                a.problem(key + ".sensor", "is not the id of a configured sensor");
            }
            URI uri = coapUri(a, key + ".uri");
            if (sensor != null && uri != null) {
                observes.add(new GatewayConfig.Observe(sensor, uri));
            }
        }
        if (enabled && !plain && psks.isEmpty()) {
            a.problem("coap.psk", "is required when coap is enabled without coap.plain (DTLS needs a key per sensor)");
        }
        return new GatewayConfig.Coap(enabled, host, dtlsPort, plain, port, queue, psks, observes);
    }

    private static boolean bool(Access a, JsonNode section, String name) {
        JsonNode n = section.path(name);
        if (n.isMissingNode() || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            a.problem("coap." + name, "must be true or false");
            return false;
        }
        return n.booleanValue();
    }

    private static URI coapUri(Access a, String key) {
        String v = a.string(key, true, null);
        if (v == null) {
            return null;
        }
        try {
            URI u = URI.create(v);
            if (!"coap".equals(u.getScheme()) || u.getHost() == null) {
                a.problem(key, "must be a coap:// URI with a host");
                return null;
            }
            return u;
        } catch (IllegalArgumentException e) {
            a.problem(key, "must be a coap:// URI with a host");
            return null;
        }
    }
}
