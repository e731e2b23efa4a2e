package org.hearth.gateway.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.rules.inactivity.InactivityPolicy;
import org.hearth.rules.model.SensorRole;
import org.hearth.rules.inactivity.QuietBand;
import org.hearth.rules.routine.LocalWindow;
import org.hearth.rules.routine.RoutineWatchPolicy;
import org.hearth.rules.routine.StayLimits;
import org.hearth.rules.summary.Measure;

/**
 * Reads the YAML configuration into a {@link GatewayConfig}, collecting every problem before failing.
 *
 * <p>String values may be {@code ${NAME}} or {@code ${NAME:-default}}: taken from the environment, so secrets stay out
 * of the file. Problems name the key and never repeat the value.
 */
public final class ConfigLoader {
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern NHS_NUMBER = Pattern.compile("\\d{10}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** Thread-safe once built, and costly to build: one for every load. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> environment;

    /** A loader that resolves {@code ${NAME}} from the given environment (pass {@code System.getenv()}). */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Loads and validates the file. */
    public GatewayConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of("(file): cannot read " + file + " (" + e.getClass().getSimpleName() + ")"));
        }
        return parse(text);
    }

    /** Parses and validates YAML text. */
    public GatewayConfig parse(String yaml) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            var where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException(List.of("(file): not valid YAML" + where));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(List.of("(file): expected a YAML mapping at the top level"));
        }
        var r = new Reader(root);
        GatewayConfig config = r.read();
        if (!r.problems.isEmpty()) {
            throw new ConfigException(r.problems);
        }
        return config;
    }

    /** Walks the tree once, recording problems with their keys; returns a config only when there are none. */
    final class Reader {
        private final JsonNode root;
        private final List<String> problems = new ArrayList<>();

        Reader(JsonNode root) {
            this.root = root;
        }

        GatewayConfig read() {
            allowOnly("", root, Set.of("gateway", "home", "resident", "sensors", "mqtt", "store", "inactivity",
                    "care-record", "engine", "escalation", "coap", "warning", "routine", "sharing", "summaries"));
            String gatewayId = id("gateway.id", true, null);
            allowOnly("gateway", root.path("gateway"), Set.of("id"));

            allowOnly("home", root.path("home"), Set.of("id", "zone"));
            String homeId = id("home.id", true, null);
            ZoneId zone = zone("home.zone");

            allowOnly("resident", root.path("resident"), Set.of("nhs-number"));
            String nhs = string("resident.nhs-number", true, null);
            if (nhs != null && !validNhsNumber(nhs)) {
                problem("resident.nhs-number", "must be a valid 10-digit NHS number (checksum included)");
            }

            List<GatewayConfig.Sensor> sensors = sensors();

            allowOnly("mqtt", root.path("mqtt"), Set.of("broker", "embedded-host", "embedded-port", "client-id",
                    "topic-prefix", "username", "password"));
            String broker = string("mqtt.broker", false, "embedded");
            if (broker != null && !broker.equals("embedded") && !broker.matches("(tcp|ssl)://[^\\s/]+:\\d+")) {
                problem("mqtt.broker", "must be 'embedded' or a URI like tcp://127.0.0.1:1883");
            }
            var mqtt = new GatewayConfig.Mqtt(broker, string("mqtt.embedded-host", false, "127.0.0.1"),
                    integer("mqtt.embedded-port", 1883, 0, 65535), id("mqtt.client-id", false, "hearth-gateway"),
                    string("mqtt.topic-prefix", false, "zigbee2mqtt"),
                    Optional.ofNullable(string("mqtt.username", false, null)),
                    Optional.ofNullable(string("mqtt.password", false, null)));

            allowOnly("store", root.path("store"), Set.of("path", "retention", "max-size-mb"));
            String storePath = string("store.path", false, "hearth.db");
            Duration retention = duration("store.retention", Duration.ofDays(90));
            int maxSizeMb = integer("store.max-size-mb", 1024, 2, 1_000_000);

            InactivityPolicy inactivity = inactivity(zone);

            allowOnly("care-record", root.path("care-record"), Set.of("base-url", "identifier-system", "team-ods-code",
                    "request-timeout", "first-retry", "max-retry", "bearer-token", "batch-size",
                    "ack-poll-interval", "max-in-flight", "auth"));
            URI base = uri("care-record.base-url");
            Duration firstRetry = duration("care-record.first-retry", Duration.ofSeconds(2));
            Duration maxRetry = duration("care-record.max-retry", Duration.ofMinutes(10));
            if (firstRetry != null && maxRetry != null && firstRetry.compareTo(maxRetry) > 0) {
                problem("care-record.first-retry", "must not be longer than care-record.max-retry");
            }
            var careRecord = new GatewayConfig.CareRecord(base,
                    string("care-record.identifier-system", false, "https://fhir.hearth.example/Id/alert"),
                    string("care-record.team-ods-code", true, null),
                    duration("care-record.request-timeout", Duration.ofSeconds(10)), firstRetry, maxRetry,
                    Optional.ofNullable(string("care-record.bearer-token", false, null)),
                    integer("care-record.batch-size", 50, 1, 500),
                    duration("care-record.ack-poll-interval", Duration.ofSeconds(30)),
                    integer("care-record.max-in-flight", 4, 1, 32), auth());

            allowOnly("engine", root.path("engine"), Set.of("tick-interval"));
            Duration tick = duration("engine.tick-interval", Duration.ofSeconds(1));

            allowOnly("escalation", root.path("escalation"), Set.of("after", "topic"));
            Duration escalateAfter = duration("escalation.after", Duration.ofMinutes(10));
            String escalationTopic = string("escalation.topic", false, "hearth/" + (homeId == null ? "home" : homeId) + "/escalation");
            if (escalationTopic != null && (escalationTopic.contains("#") || escalationTopic.contains("+")
                    || escalationTopic.indexOf('\u0000') >= 0 || escalationTopic.startsWith("$"))) {
                problem("escalation.topic", "must be a plain MQTT topic: no wildcards, not starting with '$'");
            }
            GatewayConfig.Warning warning = new WarningSettings(this).read(homeId, sensors);

            GatewayConfig.Coap coap = CoapSection.read(root.path("coap"), sensors, new CoapSection.Access() {
                @Override
                public void allowOnly(String key, JsonNode node, Set<String> allowed) {
                    Reader.this.allowOnly(key, node, allowed);
                }

                @Override
                public String string(String key, boolean required, String fallback) {
                    return Reader.this.string(key, required, fallback);
                }

                @Override
                public int integer(String key, int fallback, int min, int max) {
                    return Reader.this.integer(key, fallback, min, max);
                }

                @Override
                public void problem(String key, String what) {
                    Reader.this.problem(key, what);
                }
            });

            RoutineWatchPolicy routine = routine(zone);

            var summaries = summaries();

            if (!problems.isEmpty()) {
                return null;
            }
            return new GatewayConfig(gatewayId, new GatewayConfig.Home(homeId, zone), new GatewayConfig.Resident(nhs),
                    sensors, mqtt, new GatewayConfig.Store(Path.of(storePath), retention, maxSizeMb * 1024L * 1024L), inactivity, careRecord, tick,
                    new GatewayConfig.Escalation(escalateAfter, escalationTopic), coap, warning, routine, summaries);
        }

        private Optional<GatewayConfig.Auth> auth() {
            JsonNode node = root.path("care-record").path("auth");
            if (node.isMissingNode() || node.isNull()) {
                return Optional.empty();
            }
            allowOnly("care-record.auth", node, Set.of("token-url", "client-id", "private-key", "key-id", "scope"));
            URI tokenUrl = uri("care-record.auth.token-url");
            String clientId = string("care-record.auth.client-id", true, null);
            String key = string("care-record.auth.private-key", true, null);
            String keyId = string("care-record.auth.key-id", true, null);
            Optional<String> scope = Optional.ofNullable(string("care-record.auth.scope", false, null));
            if (tokenUrl == null || clientId == null || key == null || keyId == null) {
                return Optional.empty();
            }
            return Optional.of(new GatewayConfig.Auth(tokenUrl, clientId, Path.of(key), keyId, scope));
        }


        /** The optional {@code routine} section: every key defaults to {@link RoutineWatchPolicy#ukDefault}. */
        private RoutineWatchPolicy routine(ZoneId zone) {
            RoutineWatchPolicy d = RoutineWatchPolicy.ukDefault(zone == null ? ZoneId.of("UTC") : zone);
            allowOnly("routine", root.path("routine"), Set.of("night-start", "night-end", "door-at-night",
                    "morning-from", "morning-earliest", "morning-fallback", "morning-latest", "morning-margin",
                    "bathroom", "bed-exit"));
            allowOnly("routine.door-at-night", root.path("routine").path("door-at-night"),
                    Set.of("start", "end", "grace"));
            StayLimits bathroom = stay("routine.bathroom", d.bathroom());
            StayLimits bedExit = stay("routine.bed-exit", d.bedExit());
            LocalWindow night = window("routine", "night-start", "night-end", d.night());
            LocalWindow doorNight = window("routine.door-at-night", "start", "end", d.doorNight());
            Duration grace = duration("routine.door-at-night.grace", d.doorGrace());
            LocalTime from = time("routine.morning-from", d.morningFrom());
            LocalTime earliest = time("routine.morning-earliest", d.morningEarliest());
            LocalTime latest = time("routine.morning-latest", d.morningLatest());
            // an earlier latest alone brings the fallback with it: never later than the latest
            LocalTime fallback = time("routine.morning-fallback",
                    d.morningFallback().isAfter(latest) ? latest : d.morningFallback());
            Duration margin = duration("routine.morning-margin", d.morningMargin());
            try {
                return new RoutineWatchPolicy(d.zone(), bathroom, night, bedExit, doorNight, grace, from, earliest,
                        fallback, latest, margin, d.morningQuantile(), d.learningPeriod(), d.halfLife());
            } catch (IllegalArgumentException e) {
                problem("routine", e.getMessage());
                return d;
            }
        }

        private LocalWindow window(String key, String start, String end, LocalWindow d) {
            try {
                return new LocalWindow(time(key + "." + start, d.start()), time(key + "." + end, d.end()));
            } catch (IllegalArgumentException e) {
                problem(key + "." + start, e.getMessage());
                return d;
            }
        }

        private StayLimits stay(String key, StayLimits d) {
            allowOnly(key, root.path("routine").path(key.substring(key.indexOf('.') + 1)),
                    Set.of("floor", "fallback", "ceiling"));
            try {
                return new StayLimits(duration(key + ".floor", d.floor()), duration(key + ".fallback", d.fallback()),
                        duration(key + ".ceiling", d.ceiling()), d.quantile(), d.factor());
            } catch (IllegalArgumentException e) {
                problem(key, e.getMessage());
                return d;
            }
        }

        private LocalTime time(String key, LocalTime fallback) {
            String v = string(key, false, null);
            if (v == null) {
                return fallback;
            }
            try {
                return LocalTime.parse(v);
            } catch (DateTimeException e) {
                problem(key, "must be a local time like 07:00");
                return fallback;
            }
        }

        /** {@code sharing.summary-measures} (default all, [] none) and {@code summaries.per-minute}. */
        private GatewayConfig.Summaries summaries() {
            allowOnly("sharing", root.path("sharing"), Set.of("summary-measures"));
            allowOnly("summaries", root.path("summaries"), Set.of("per-minute"));
            int perMinute = integer("summaries.per-minute", 10, 1, 10_000);
            JsonNode list = root.path("sharing").path("summary-measures");
            if (list.isMissingNode() || list.isNull()) {
                return new GatewayConfig.Summaries(java.util.EnumSet.allOf(Measure.class), perMinute);
            }
            java.util.EnumSet<Measure> shared = java.util.EnumSet.noneOf(Measure.class);
            if (!list.isArray()) {
                problem("sharing.summary-measures", "must be a list of measures");
                return new GatewayConfig.Summaries(shared, perMinute);
            }
            for (JsonNode item : list) {
                try {
                    shared.add(Measure.ofCode(item.asText()));
                } catch (IllegalArgumentException e) {
                    problem("sharing.summary-measures", "unknown measure '" + item.asText() + "'; one of "
                            + java.util.Arrays.stream(Measure.values()).map(Measure::code).toList());
                }
            }
            return new GatewayConfig.Summaries(shared, perMinute);
        }

        private List<GatewayConfig.Sensor> sensors() {
            JsonNode list = root.path("sensors");
            List<GatewayConfig.Sensor> sensors = new ArrayList<>();
            if (list.isMissingNode() || !list.isArray() || list.isEmpty()) {
                problem("sensors", "must list at least one sensor");
                return sensors;
            }
            Set<String> ids = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String key = "sensors[" + i + "]";
                JsonNode node = list.get(i);
                allowOnly(key, node, Set.of("id", "name", "kind", "room", "role"));
                String id = id(key + ".id", true, null);
                String name = string(key + ".name", false, id);
                String kindText = string(key + ".kind", true, null);
                SensorKind kind = null;
                if (kindText != null) {
                    try {
                        kind = SensorKind.valueOf(kindText.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        problem(key + ".kind", "must be one of motion, contact, button, wearable, radar, plug, mat");
                    }
                }
                String room = string(key + ".room", false, "unknown");
                SensorRole role = role(key + ".role", kind);
                if (id != null && !ids.add(id)) {
                    problem(key + ".id", "is used by another sensor");
                }
                if (name != null && !names.add(name)) {
                    problem(key + ".name", "is used by another sensor");
                }
                if (name != null && (name.contains("#") || name.contains("+") || name.contains("/") || name.startsWith("bridge"))) {
                    problem(key + ".name", "must not contain '/', MQTT wildcards, or name the bridge");
                }
                sensors.add(new GatewayConfig.Sensor(id, name, kind, room, role));
            }
            return sensors;
        }

        /** The sensor's role, written like {@code front-door}; absent means the usual role for its kind. */
        private SensorRole role(String key, SensorKind kind) {
            String text = string(key, false, null);
            if (text == null) {
                return kind == null ? SensorRole.OTHER : kind.defaultRole();
            }
            try {
                return SensorRole.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problem(key, "must be one of motion, front-door, contact, bed, chair, appliance, toilet-flush,"
                        + " help-button, other");
                return SensorRole.OTHER;
            }
        }

        private InactivityPolicy inactivity(ZoneId zone) {
            allowOnly("inactivity", root.path("inactivity"), Set.of("bands"));
            JsonNode bands = root.path("inactivity").path("bands");
            ZoneId z = zone == null ? ZoneId.of("UTC") : zone;
            if (bands.isMissingNode()) {
                return InactivityPolicy.ukDefault(z);
            }
            if (!bands.isArray() || bands.isEmpty()) {
                problem("inactivity.bands", "must list at least one band");
                return null;
            }
            List<QuietBand> parsed = new ArrayList<>();
            for (int i = 0; i < bands.size(); i++) {
                String key = "inactivity.bands[" + i + "]";
                allowOnly(key, bands.get(i), Set.of("start", "allowance"));
                String start = string(key + ".start", true, null);
                Duration allowance = duration(key + ".allowance", null);
                if (allowance == null && node(key + ".allowance").isMissingNode()) {
                    problem(key + ".allowance", "is required");
                }
                LocalTime time = null;
                if (start != null) {
                    try {
                        time = LocalTime.parse(start);
                    } catch (DateTimeException e) {
                        problem(key + ".start", "must be a local time like 07:00");
                    }
                }
                if (allowance != null && (allowance.isZero() || allowance.isNegative() || allowance.compareTo(QuietBand.MAX_ALLOWANCE) > 0)) {
                    problem(key + ".allowance", "must be longer than zero and at most " + QuietBand.MAX_ALLOWANCE.toDays() + " days");
                } else if (time != null && allowance != null) {
                    parsed.add(new QuietBand(time, allowance));
                }
            }
            if (parsed.size() != bands.size()) {
                return null;
            }
            try {
                return new InactivityPolicy(z, parsed);
            } catch (IllegalArgumentException e) {
                problem("inactivity.bands", "must have distinct start times");
                return null;
            }
        }

        void allowOnly(String key, JsonNode node, Set<String> allowed) {
            if (node.isMissingNode() || node.isNull()) {
                return;
            }
            if (!node.isObject()) {
                problem(key.isEmpty() ? "(file)" : key, "must be a mapping");
                return;
            }
            node.fieldNames().forEachRemaining(name -> {
                if (!allowed.contains(name)) {
                    problem(key.isEmpty() ? name : key + "." + name, "is not a known key");
                }
            });
        }

        JsonNode node(String key) {
            JsonNode n = root;
            for (String part : key.split("\\.")) {
                int bracket = part.indexOf('[');
                if (bracket >= 0) {
                    n = n.path(part.substring(0, bracket));
                    n = n.path(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
                } else {
                    n = n.path(part);
                }
            }
            return n;
        }

        String string(String key, boolean required, String fallback) {
            JsonNode n = node(key);
            if (n.isMissingNode() || n.isNull()) {
                if (required) {
                    problem(key, "is required");
                }
                return fallback;
            }
            if (!n.isValueNode() || n.isBoolean()) {
                problem(key, "must be a text value");
                return fallback;
            }
            String resolved = resolveEnvironment(key, n.asText());
            if (resolved != null && resolved.isBlank()) {
                if (required) {
                    problem(key, "must not be empty");
                }
                return required ? null : fallback;
            }
            return resolved;
        }

        private String resolveEnvironment(String key, String value) {
            Matcher m = ENV.matcher(value);
            StringBuilder out = new StringBuilder();
            boolean ok = true;
            while (m.find()) {
                String v = environment.get(m.group(1));
                if (v == null) {
                    v = m.group(2);
                }
                if (v == null) {
                    problem(key, "environment variable " + m.group(1) + " is not set");
                    ok = false;
                    v = "";
                }
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            m.appendTail(out);
            return ok ? out.toString() : null;
        }

        private String id(String key, boolean required, String fallback) {
            String v = string(key, required, fallback);
            if (v != null && !ID.matcher(v).matches()) {
                problem(key, "must be 1-64 letters, digits, '.', '_' or '-'");
                return null;
            }
            return v;
        }

        private int integer(String key, int fallback, int min, int max) {
            JsonNode n = node(key);
            if (n.isMissingNode() || n.isNull()) {
                return fallback;
            }
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
                problem(key, "must be a whole number from " + min + " to " + max);
                return fallback;
            }
            return n.asInt();
        }

        private ZoneId zone(String key) {
            String v = string(key, false, "Europe/London");
            if (v == null) {
                return null; // an unset ${VAR}, already reported by string()
            }
            try {
                return ZoneId.of(v);
            } catch (DateTimeException e) {
                problem(key, "must be a time-zone id like Europe/London");
                return null;
            }
        }

        private URI uri(String key) {
            String v = string(key, true, null);
            if (v == null) {
                return null;
            }
            try {
                URI u = URI.create(v);
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                    problem(key, "must be an http(s) URL");
                    return null;
                }
                return u;
            } catch (IllegalArgumentException e) {
                problem(key, "must be an http(s) URL");
                return null;
            }
        }

        Duration duration(String key, Duration fallback) {
            String v = string(key, false, null);
            if (v == null) {
                return fallback;
            }
            Optional<Duration> d = Durations.parse(v);
            if (d.isEmpty()) {
                problem(key, "must be a duration like 90s, 15m, 3h or PT3H");
                return fallback;
            }
            if (d.get().isZero() || d.get().isNegative()) {
                problem(key, "must be longer than zero");
                return fallback;
            }
            return d.get();
        }

        void problem(String key, String what) {
            problems.add(key + ": " + what);
        }
    }

    /** The NHS number's modulus-11 check digit rule. */
    static boolean validNhsNumber(String s) {
        if (!NHS_NUMBER.matcher(s).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (s.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == s.charAt(9) - '0';
    }
}
