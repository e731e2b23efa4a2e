package org.hearth.simulator.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorPlacement;
import org.hearth.rules.model.SensorRole;

/**
 * Reads the {@code *_Sensors.txt} files of the UCI "ADLs Recognition Using Binary Sensors" dataset (Ordóñez et al.,
 * Sensors 2013) into {@link UciAdlHome}s.
 *
 * <p><b>Format.</b> Header lines (column names, a dashed line), then one row per activation:
 * {@code start  end  Location  Type  Place}, columns separated by runs of tabs and stray spaces, times
 * {@code yyyy-MM-dd HH:mm:ss} in local wall-clock time. Lines that do not begin with a date are headers and are
 * skipped. A line that begins with a date but is not a valid row (or ends before it starts) is skipped with a warning
 * naming it, so that one bad row in a log nobody here has seen does not cost the whole evaluation; more than
 * {@link #MAX_BAD_SHARE} of the dated lines bad fails the read (that is not this format).
 *
 * <p><b>Sensors.</b> A sensor is its distinct (Location, Type, Place) triple; its id is
 * {@code place-location-type} in lower case (for example {@code living-seat-pressure}). Its role: PIR is
 * {@link SensorRole#MOTION}; Magnetic on the main/front door is {@link SensorRole#FRONT_DOOR}, any other Magnetic
 * (fridge, cupboard, inner door) {@link SensorRole#CONTACT}; Pressure on a bed is {@link SensorRole#BED}, on a seat,
 * chair, sofa or couch {@link SensorRole#CHAIR}; Flush is {@link SensorRole#TOILET_FLUSH}; Electric is
 * {@link SensorRole#APPLIANCE}; anything else {@link SensorRole#OTHER}. Its room: from Place (Bathroom, Kitchen,
 * Bedroom, Living, Entrance or Hall), except that toilets, showers and basins are in the bathroom wherever the file
 * places them.
 *
 * <p><b>Time zone.</b> The files carry none. A home's local times are read in the zone a README next to the file
 * names on a line such as {@code Time zone: Europe/Madrid}; failing that, in {@link #DEFAULT_ZONE}, since the
 * dataset was recorded in Spain. Local times that do not exist (clocks going forward) move forward by the gap;
 * repeated ones (clocks going back) take the earlier offset, as {@link LocalDateTime#atZone} does.
 */
public final class UciAdlReader {

    /** The largest share of dated lines that may be bad rows before a file is refused as not of this format. */
    public static final double MAX_BAD_SHARE = 0.01;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UciAdlReader.class);

    /** The zone of the UCI ADL homes, which were recorded in Spain. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Madrid");

    private static final String SUFFIX = "_Sensors.txt";
    private static final String STAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(" + STAMP + ")\\s+(" + STAMP + ")\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");
    private static final Pattern DATED = Pattern.compile("^\\s*\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ZONE_LINE = Pattern.compile(
            "(?i)\\btime\\s*-?\\s*zone\\b\\W{0,3}\\s*([A-Za-z_]+(?:/[A-Za-z_+\\-]+)+)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private UciAdlReader() {
    }

    /**
     * Every {@code *_Sensors.txt} file under {@code dataDir/smarthome}, at any depth, sorted by path.
     *
     * @param dataDir the shared data directory
     * @return the files; empty if there is no {@code smarthome} directory
     * @throws IOException if the directory cannot be walked
     */
    public static List<Path> discover(Path dataDir) throws IOException {
        Path root = dataDir.resolve("smarthome");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Reads one home, in the zone its README names or else {@link #DEFAULT_ZONE}.
     *
     * @param sensorsFile a {@code *_Sensors.txt} file
     * @return the home
     * @throws IOException if the file cannot be read or holds a malformed row
     */
    public static UciAdlHome read(Path sensorsFile) throws IOException {
        return read(sensorsFile, zoneFor(sensorsFile));
    }

    /**
     * Reads one home in a given zone.
     *
     * @param sensorsFile a {@code *_Sensors.txt} file
     * @param zone        the zone of its local times
     * @return the home
     * @throws IOException if the file cannot be read, holds a malformed row, or holds no row
     */
    public static UciAdlHome read(Path sensorsFile, ZoneId zone) throws IOException {
        // The originals are Latin-1 text; the rows themselves are ASCII.
        List<String> lines = Files.readAllLines(sensorsFile, StandardCharsets.ISO_8859_1);
        Map<String, SensorPlacement> sensors = new LinkedHashMap<>();
        List<Activation> activations = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        int dated = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!DATED.matcher(line).find()) {
                continue; // header, dashes or blank
            }
            dated++;
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                bad.add(sensorsFile + ":" + (i + 1) + ": not a row of start, end, Location, Type, Place");
                continue;
            }
            String location = m.group(3);
            String typeText = m.group(4);
            String place = m.group(5);
            String id = sensorId(location, typeText, place);
            try {
                var start = LocalDateTime.parse(m.group(1), TIME).atZone(zone).toInstant();
                var end = LocalDateTime.parse(m.group(2), TIME).atZone(zone).toInstant();
                if (end.isBefore(start)) {
                    bad.add(sensorsFile + ":" + (i + 1) + ": ends before it starts");
                    continue;
                }
                sensors.putIfAbsent(id, placement(location, typeText, place));
                activations.add(new Activation(id, UciSensorType.parse(typeText), start, end));
            } catch (DateTimeException e) {
                bad.add(sensorsFile + ":" + (i + 1) + ": bad time: " + e.getMessage());
            }
        }
        if (bad.size() > MAX_BAD_SHARE * dated) {
            throw new IOException(bad.size() + " of " + dated + " dated lines are not valid rows, first "
                    + bad.get(0));
        }
        bad.forEach(b -> LOG.warn("skipped {}", b));
        if (activations.isEmpty()) {
            throw new IOException(sensorsFile + ": no activation rows");
        }
        String name = sensorsFile.getFileName().toString();
        name = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        return new UciAdlHome(name, sensorsFile, zone, new HomeLayout(sensors), activations);
    }

    /**
     * The zone of a home: the first {@code Time zone: Area/City} line of a README (any file whose name starts with
     * {@code README}, any case) next to the sensors file, else {@link #DEFAULT_ZONE}.
     *
     * @param sensorsFile a {@code *_Sensors.txt} file
     * @return the zone
     * @throws IOException if a README cannot be read
     */
    public static ZoneId zoneFor(Path sensorsFile) throws IOException {
        Path dir = sensorsFile.toAbsolutePath().getParent();
        List<Path> readmes;
        try (Stream<Path> files = Files.list(dir)) {
            readmes = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("readme"))
                    .sorted().toList();
        }
        for (Path readme : readmes) {
            Optional<ZoneId> zone = zoneNamedIn(new String(Files.readAllBytes(readme), StandardCharsets.ISO_8859_1));
            if (zone.isPresent()) {
                return zone.get();
            }
        }
        return DEFAULT_ZONE;
    }

    /**
     * The zone a text names on a {@code Time zone: Area/City} line, if it names a valid one.
     *
     * @param text a README's text
     * @return the zone, or empty
     */
    static Optional<ZoneId> zoneNamedIn(String text) {
        Matcher m = ZONE_LINE.matcher(text);
        while (m.find()) {
            try {
                return Optional.of(ZoneId.of(m.group(1)));
            } catch (DateTimeException notAZone) {
                // keep looking
            }
        }
        return Optional.empty();
    }

    /**
     * The id of the sensor a row names.
     *
     * @param location the Location column, for example {@code Door}
     * @param type     the Type column, for example {@code PIR}
     * @param place    the Place column, for example {@code Kitchen}
     * @return for example {@code kitchen-door-pir}
     */
    public static String sensorId(String location, String type, String place) {
        return (place + "-" + location + "-" + type).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * The role and room of the sensor a row names (see the class description).
     *
     * @param location the Location column
     * @param type     the Type column
     * @param place    the Place column
     * @return the placement
     */
    public static SensorPlacement placement(String location, String type, String place) {
        String loc = location.toLowerCase(Locale.ROOT);
        SensorRole role = switch (UciSensorType.parse(type)) {
            case PIR -> SensorRole.MOTION;
            case MAGNETIC -> loc.equals("maindoor") || loc.equals("frontdoor") || loc.equals("entrancedoor")
                    ? SensorRole.FRONT_DOOR : SensorRole.CONTACT;
            case PRESSURE -> loc.equals("bed") ? SensorRole.BED
                    : Stream.of("seat", "chair", "sofa", "couch", "armchair").anyMatch(loc::equals)
                    ? SensorRole.CHAIR : SensorRole.OTHER;
            case FLUSH -> SensorRole.TOILET_FLUSH;
            case ELECTRIC -> SensorRole.APPLIANCE;
            case UNKNOWN -> SensorRole.OTHER;
        };
        return new SensorPlacement(role, room(loc, place.toLowerCase(Locale.ROOT)));
    }

    private static Room room(String location, String place) {
        if (Stream.of("toilet", "shower", "basin", "bath", "bathtub").anyMatch(location::equals)) {
            return Room.BATHROOM;
        }
        return switch (place) {
            case "bathroom", "toilet", "wc" -> Room.BATHROOM;
            case "kitchen" -> Room.KITCHEN;
            case "bedroom" -> Room.BEDROOM;
            case "living", "livingroom", "lounge" -> Room.LIVING;
            case "entrance", "hall", "hallway" -> Room.HALL;
            default -> Room.OTHER;
        };
    }
}
