package org.hearth.simulator.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a scenario file, collecting every problem (each naming its key, e.g. {@code inject[2].at}) before failing.
 * Anything left out takes the defaults of {@link ScenarioDefaults}; unknown keys are errors, so a typo never
 * silently turns into a default.
 */
public final class ScenarioParser {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SENSOR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Set<String> KINDS = Set.of("motion", "contact", "button", "wearable", "radar", "mat", "plug");
    private static final Set<String> ROLES = Set.of("motion", "front-door", "contact", "bed", "chair", "appliance",
            "toilet-flush", "help-button", "other");

    private final List<String> problems = new ArrayList<>();
    private final Path baseDir;

    private ScenarioParser(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** Reads a file; relative replay paths are resolved against its folder. */
    public static Scenario load(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(List.of("(file): cannot read " + file + " (" + e.getClass().getSimpleName() + ")"));
        }
        Path dir = file.toAbsolutePath().getParent();
        return new ScenarioParser(dir).parse(text);
    }

    /** Parses YAML text; relative replay paths are resolved against {@code baseDir}. */
    public static Scenario parse(String yaml, Path baseDir) throws ScenarioException {
        return new ScenarioParser(baseDir).parse(yaml);
    }

    private Scenario parse(String yaml) throws ScenarioException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ScenarioException(List.of("(file): not valid YAML" + where));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(List.of("(file): expected a YAML mapping at the top level"));
        }
        allowOnly("", root, Set.of("name", "description", "start", "days", "zone", "seed", "home", "routine",
                "inject", "replay"));
        String name = text(root, "name", null);
        if (name == null) {
            problem("name", "is required");
        } else if (!NAME.matcher(name).matches()) {
            problem("name", "must be lower-case letters, digits and '-', at most 40 characters");
        }
        String description = text(root, "description", "");
        LocalDate start = date(root, "start", LocalDate.of(2026, 11, 23));
        int days = integer(root, "days", 1, 1, 366);
        ZoneId zone = zone(root, "zone");
        long seed = root.has("seed") ? integer(root, "seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE) : 1;
        Scenario.HomeSpec home = root.has("home") ? home(root.get("home")) : ScenarioDefaults.home();
        Scenario.Routine routine = routine(root.path("routine"));
        List<Scenario.Injection> injections = injections(root.path("inject"), days, home);
        Optional<Scenario.Replay> replay = root.has("replay") ? Optional.ofNullable(replay(root.get("replay")))
                : Optional.empty();
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Scenario(name, description, start, days, zone, seed, home, routine, injections, replay);
    }

    private Scenario.HomeSpec home(JsonNode node) {
        allowOnly("home", node, Set.of("rooms", "sensors"));
        List<String> rooms = new ArrayList<>();
        JsonNode r = node.path("rooms");
        if (!r.isArray() || r.isEmpty()) {
            problem("home.rooms", "must list at least one room");
        } else {
            r.forEach(n -> rooms.add(n.asText()));
        }
        List<Scenario.Sensor> sensors = new ArrayList<>();
        JsonNode list = node.path("sensors");
        if (!list.isArray() || list.isEmpty()) {
            problem("home.sensors", "must list at least one sensor");
            return new Scenario.HomeSpec(rooms, sensors);
        }
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "home.sensors[" + i + "]";
            JsonNode s = list.get(i);
            allowOnly(key, s, Set.of("id", "name", "kind", "transport", "room", "role"));
            String id = text(s, key, "id", null);
            if (id == null || !SENSOR_NAME.matcher(id).matches()) {
                problem(key + ".id", "is required: letters, digits, '_', '.', '-'");
            } else if (!ids.add(id)) {
                problem(key + ".id", "is used by another sensor");
            }
            String name = text(s, key, "name", id == null ? null : id.replace('-', '_'));
            boolean nameTaken = name != null && !names.add(name);
            if (name != null && (!SENSOR_NAME.matcher(name).matches() || nameTaken && s.has("name"))) {
                problem(key + ".name", "must be unique: letters, digits, '_', '.', '-'");
            }
            String kind = text(s, key, "kind", null);
            if (kind == null || !KINDS.contains(kind)) {
                problem(key + ".kind", "must be one of " + String.join(", ", new java.util.TreeSet<>(KINDS)));
            }
            String room = text(s, key, "room", "unknown");
            if (!room.equals("worn") && !room.equals("unknown") && !rooms.contains(room)) {
                problem(key + ".room", "must be one of home.rooms, or worn");
            }
            String role = text(s, key, "role", kind == null ? "other" : defaultRole(kind));
            if (!ROLES.contains(role)) {
                problem(key + ".role", "must be one of " + String.join(", ", new java.util.TreeSet<>(ROLES)));
            }
            String transportText = text(s, key, "transport",
                    "wearable".equals(kind) || "radar".equals(kind) ? "hearth" : "zigbee");
            Scenario.Transport transport = null;
            try {
                transport = Scenario.Transport.valueOf(transportText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(key + ".transport", "must be zigbee or hearth");
            }
            sensors.add(new Scenario.Sensor(id, name, kind, transport, room, role));
        }
        return new Scenario.HomeSpec(rooms, sensors);
    }

    private static String defaultRole(String kind) {
        return switch (kind) {
            case "motion", "radar" -> "motion";
            case "button" -> "help-button";
            case "mat" -> "bed";
            case "plug" -> "appliance";
            case "contact" -> "contact";
            default -> "other";
        };
    }

    private Scenario.Routine routine(JsonNode node) {
        Scenario.Routine d = ScenarioDefaults.routine();
        if (node.isMissingNode()) {
            return d;
        }
        allowOnly("routine", node, Set.of("wake", "bed", "meals", "bathroom", "nap", "outing", "visitor"));
        Scenario.Timing wake = timing(node, "routine.wake", d.wake());
        Scenario.Timing bed = timing(node, "routine.bed", d.bed());
        List<Scenario.Meal> meals = d.meals();
        if (node.has("meals")) {
            meals = new ArrayList<>();
            JsonNode list = node.get("meals");
            if (!list.isArray()) {
                problem("routine.meals", "must be a list");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    String key = "routine.meals[" + i + "]";
                    JsonNode m = list.get(i);
                    allowOnly(key, m, Set.of("name", "at", "spread", "kettle"));
                    LocalTime at = time(m, key + ".at", m.path("at"), null);
                    if (at == null) {
                        problem(key + ".at", "is required");
                        continue;
                    }
                    meals.add(new Scenario.Meal(text(m, key, "name", "meal"),
                            new Scenario.Timing(at, duration(m, key + ".spread", Duration.ofMinutes(20))),
                            m.path("kettle").asBoolean(true)));
                }
            }
        }
        JsonNode b = node.path("bathroom");
        allowOnly("routine.bathroom", b, Set.of("day", "night"));
        double day = number(b, "routine.bathroom.day", d.bathroomDay(), 0, 20);
        double night = number(b, "routine.bathroom.night", d.bathroomNight(), 0, 10);
        return new Scenario.Routine(wake, bed, meals, day, night, habit(node, "nap", d.nap()),
                habit(node, "outing", d.outing()), habit(node, "visitor", d.visitor()));
    }

    private Scenario.Habit habit(JsonNode parent, String field, Scenario.Habit d) {
        String key = "routine." + field;
        JsonNode node = parent.path(field);
        if (node.isMissingNode()) {
            return d;
        }
        allowOnly(key, node, Set.of("chance", "at", "spread", "length"));
        double chance = number(node, key + ".chance", d.chance(), 0, 1);
        LocalTime at = time(node, key + ".at", node.path("at"), d.at().at());
        Duration spread = duration(node, key + ".spread", d.at().spread());
        Duration length = duration(node, key + ".length", d.length());
        return new Scenario.Habit(chance, new Scenario.Timing(at, spread), length);
    }

    private Scenario.Timing timing(JsonNode parent, String key, Scenario.Timing d) {
        String field = key.substring(key.lastIndexOf('.') + 1);
        JsonNode node = parent.path(field);
        if (node.isMissingNode()) {
            return d;
        }
        allowOnly(key, node, Set.of("at", "spread"));
        return new Scenario.Timing(time(node, key + ".at", node.path("at"), d.at()),
                duration(node, key + ".spread", d.spread()));
    }

    private List<Scenario.Injection> injections(JsonNode list, int days, Scenario.HomeSpec home) {
        List<Scenario.Injection> out = new ArrayList<>();
        if (list.isMissingNode()) {
            return out;
        }
        if (!list.isArray()) {
            problem("inject", "must be a list");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String key = "inject[" + i + "]";
            JsonNode n = list.get(i);
            allowOnly(key, n, Set.of("kind", "day", "at", "length", "sensor", "requires"));
            String kindText = text(n, key, "kind", null);
            Optional<InjectionKind> kind = kindText == null ? Optional.empty() : InjectionKind.byCode(kindText);
            if (kind.isEmpty()) {
                problem(key + ".kind", "must be one of " + InjectionKind.codes());
                continue;
            }
            int day = integer(n, key + ".day", 1, 1, days);
            LocalTime at = time(n, key + ".at", n.path("at"), kind.get().defaultAt());
            Duration length = duration(n, key + ".length", kind.get().defaultLength());
            Optional<String> sensor = Optional.ofNullable(text(n, key, "sensor", null));
            if (sensor.isPresent() && home.byId(sensor.get()).isEmpty()) {
                problem(key + ".sensor", "must be the id of one of home.sensors");
            }
            List<String> requires = kind.get().requires();
            if (n.has("requires")) {
                requires = new ArrayList<>();
                for (JsonNode r : n.get("requires")) {
                    requires.add(r.asText());
                }
            }
            out.add(new Scenario.Injection(kind.get(), day, at, length, sensor, List.copyOf(requires)));
        }
        return out;
    }

    private Scenario.Replay replay(JsonNode node) {
        allowOnly("replay", node, Set.of("uci", "sisfall", "sisfall-at"));
        Optional<Path> uci = Optional.empty();
        if (node.has("uci")) {
            Path p = baseDir.resolve(node.get("uci").asText()).normalize();
            if (!Files.exists(p)) {
                problem("replay.uci", "no such file or folder");
            }
            uci = Optional.of(p);
        }
        List<Path> trials = new ArrayList<>();
        JsonNode s = node.path("sisfall");
        if (!s.isMissingNode()) {
            if (!s.isArray()) {
                problem("replay.sisfall", "must be a list of trial files");
            } else {
                for (int i = 0; i < s.size(); i++) {
                    Path p = baseDir.resolve(s.get(i).asText()).normalize();
                    if (!Files.isRegularFile(p)) {
                        problem("replay.sisfall[" + i + "]", "no such file");
                    }
                    trials.add(p);
                }
            }
        }
        LocalTime at = time(node, "replay.sisfall-at", node.path("sisfall-at"), LocalTime.of(10, 30));
        return new Scenario.Replay(uci, trials, at);
    }

    // --- typed readers; each records a problem under its key and returns the default ---

    private void allowOnly(String key, JsonNode node, Set<String> allowed) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            problem(key.isEmpty() ? "(file)" : key, "must be a mapping");
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                problem(key.isEmpty() ? f : key + "." + f, "is not a known key (known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private String text(JsonNode node, String key, String d) {
        return text(node, "", key, d);
    }

    private String text(JsonNode node, String parent, String field, String d) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return d;
        }
        if (!v.isValueNode()) {
            problem(parent.isEmpty() ? field : parent + "." + field, "must be a plain value");
            return d;
        }
        return v.asText();
    }

    private int integer(JsonNode node, String key, int d, int min, int max) {
        JsonNode v = node.get(key.substring(key.lastIndexOf('.') + 1));
        if (v == null) {
            return d;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < min || v.intValue() > max) {
            problem(key, "must be a whole number from " + min + " to " + max);
            return d;
        }
        return v.intValue();
    }

    private double number(JsonNode node, String key, double d, double min, double max) {
        JsonNode v = node.get(key.substring(key.lastIndexOf('.') + 1));
        if (v == null) {
            return d;
        }
        if (!v.isNumber() || v.doubleValue() < min || v.doubleValue() > max) {
            problem(key, "must be a number from " + min + " to " + max);
            return d;
        }
        return v.doubleValue();
    }

    private LocalDate date(JsonNode node, String key, LocalDate d) {
        JsonNode v = node.get(key);
        if (v == null) {
            return d;
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeException e) {
            problem(key, "must be a date like 2026-11-23");
            return d;
        }
    }

    private ZoneId zone(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            return ZoneId.of("Europe/London");
        }
        try {
            return ZoneId.of(v.asText());
        } catch (DateTimeException e) {
            problem(key, "must be a time zone like Europe/London");
            return ZoneId.of("Europe/London");
        }
    }

    private LocalTime time(JsonNode parent, String key, JsonNode v, LocalTime d) {
        if (v.isMissingNode() || v.isNull()) {
            return d;
        }
        try {
            return LocalTime.parse(v.asText());
        } catch (DateTimeException e) {
            problem(key, "must be a local time like 07:30");
            return d;
        }
    }

    private Duration duration(JsonNode parent, String key, Duration d) {
        JsonNode v = parent.get(key.substring(key.lastIndexOf('.') + 1));
        if (v == null || v.isNull()) {
            return d;
        }
        Optional<Duration> parsed = Durations.parse(v.asText());
        if (parsed.isEmpty()) {
            problem(key, "must be a duration like 90s, 20m, 2h or 1d");
            return d;
        }
        return parsed.get();
    }

    private void problem(String key, String what) {
        problems.add(key + ": " + what);
    }

    /** Durations as written in scenario files: a whole number and a unit, {@code s}, {@code m}, {@code h} or {@code d}. */
    static final class Durations {
        private static final Pattern FORM = Pattern.compile("(\\d{1,6})([smhd])");

        private Durations() {}

        static Optional<Duration> parse(String text) {
            var m = FORM.matcher(text.trim());
            if (!m.matches()) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
    }
}
