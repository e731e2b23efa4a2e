package org.hearth.simulator.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorPlacement;
import org.hearth.simulator.evaluate.SisFallReader;
import org.hearth.simulator.evaluate.SisFallTrial;
import org.hearth.simulator.evaluate.UciAdlHome;
import org.hearth.simulator.evaluate.UciAdlReader;
import org.hearth.simulator.home.WearableSensor;

/**
 * Real recordings as a home's stimuli: a UCI ADL log drives the home's own sensors (its layout becomes the home,
 * its days are moved onto the scenario's, local times kept), and SisFall trials play as a worn accelerometer's
 * stream, one trial a day. Falls (F trials) are expected to raise {@code fall-detected}; activities (D trials) not.
 */
final class Replays {
    static final String WEARABLE_ID = "pendant-accel";

    private Replays() {}

    static HomeScript script(Scenario scenario, int index, long seed) throws IOException {
        Scenario.Replay replay = scenario.replay().orElseThrow();
        HomeScript base;
        if (replay.uci().isPresent()) {
            base = uci(scenario, index, seed, replay.uci().get());
        } else {
            Scenario plain = new Scenario(scenario.name(), scenario.description(), scenario.start(), scenario.days(),
                    scenario.zone(), scenario.seed(), scenario.home(), scenario.routine(), scenario.injections(),
                    Optional.empty());
            base = HomeScript.of(plain, index, seed);
        }
        return sisfall(scenario, base, replay);
    }

    private static HomeScript uci(Scenario scenario, int index, long seed, Path where) throws IOException {
        Path file = where;
        if (Files.isDirectory(where)) {
            try (Stream<Path> s = Files.walk(where)) {
                file = s.filter(p -> p.getFileName().toString().endsWith("_Sensors.txt")).sorted().findFirst()
                        .orElseThrow(() -> new IOException("replay.uci: no *_Sensors.txt file in the folder"));
            }
        }
        UciAdlHome uci = UciAdlReader.read(file);
        List<Scenario.Sensor> sensors = new ArrayList<>();
        List<String> rooms = new ArrayList<>();
        for (Map.Entry<String, SensorPlacement> e : uci.layout().sensors().entrySet()) {
            String room = room(e.getValue().room());
            if (!rooms.contains(room)) {
                rooms.add(room);
            }
            String role = e.getValue().role().name().toLowerCase(Locale.ROOT).replace('_', '-');
            sensors.add(new Scenario.Sensor(e.getKey(), e.getKey().replace('-', '_'), kind(role),
                    Scenario.Transport.ZIGBEE, room, role));
        }
        sensors.add(new Scenario.Sensor(WEARABLE_ID, "pendant_accel", "wearable", Scenario.Transport.HEARTH, "worn",
                "other"));
        Scenario.HomeSpec home = new Scenario.HomeSpec(rooms, sensors);
        Instant start = RoutinePlanner.runStart(scenario);
        Instant end = RoutinePlanner.runEnd(scenario);
        long shiftDays = ChronoUnit.DAYS.between(uci.first().atZone(uci.zone()).toLocalDate(), scenario.start());
        List<Stimulus> stimuli = new ArrayList<>();
        for (SensorEvent e : uci.events()) {
            ZonedDateTime local = e.at().atZone(uci.zone()).toLocalDateTime().plusDays(shiftDays)
                    .atZone(scenario.zone());
            Instant at = local.toInstant();
            if (at.isBefore(start) || !at.isBefore(end)) {
                continue;
            }
            Stimulus.Action a = switch (e.kind()) {
                case MOTION -> new Stimulus.Motion(e.sensorId(), true);
                case NO_MOTION -> new Stimulus.Motion(e.sensorId(), false);
                case CONTACT_OPEN, FLUSH -> new Stimulus.Contact(e.sensorId(), true);
                case CONTACT_CLOSED -> new Stimulus.Contact(e.sensorId(), false);
                case OCCUPIED -> new Stimulus.Mat(e.sensorId(), true);
                case VACATED -> new Stimulus.Mat(e.sensorId(), false);
                case APPLIANCE_ON -> new Stimulus.Plug(e.sensorId(), true);
                case APPLIANCE_OFF -> new Stimulus.Plug(e.sensorId(), false);
                default -> null;
            };
            if (a != null) {
                stimuli.add(new Stimulus(at, a));
            }
        }
        return new HomeScript(index, seed, home, List.of(), List.of()).with(stimuli, List.of());
    }

    private static HomeScript sisfall(Scenario scenario, HomeScript base, Scenario.Replay replay) throws IOException {
        if (replay.sisfall().isEmpty()) {
            return base;
        }
        String wearable = base.home().byKind("wearable").map(Scenario.Sensor::id).orElse(WEARABLE_ID);
        List<Stimulus> stimuli = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        for (int i = 0; i < replay.sisfall().size(); i++) {
            Path file = replay.sisfall().get(i);
            SisFallTrial trial = SisFallReader.read(file);
            int day = i % scenario.days();
            Instant t = scenario.start().plusDays(day).atTime(replay.sisfallAt()).atZone(scenario.zone()).toInstant()
                    .plus(Duration.ofMinutes(20L * (i / scenario.days())));
            int hz = SisFallTrial.RATE_HZ;
            for (int from = 0; from < trial.size(); from += hz) {
                int to = Math.min(trial.size(), from + hz);
                var batch = new WearableSensor.Batch(t.plusMillis(1000L * from / hz), hz,
                        Arrays.copyOfRange(trial.x(), from, to), Arrays.copyOfRange(trial.y(), from, to),
                        Arrays.copyOfRange(trial.z(), from, to));
                stimuli.add(new Stimulus(batch.start(), new Stimulus.Accel(wearable, batch)));
            }
            Instant end = t.plusMillis(1000L * trial.size() / hz).plus(Injector.PROMPT);
            String label = "sisfall " + trial.name() + " day " + (day + 1);
            expectations.add(trial.name().isFall()
                    ? new Expectation(label, InjectionKind.FALL_WEARABLE, Optional.of("fall-detected"), "", t, end,
                            InjectionKind.FALL_WEARABLE.requires())
                    : new Expectation(label, InjectionKind.FALL_WEARABLE, Optional.empty(), "fall-detected", t, end,
                            InjectionKind.FALL_WEARABLE.requires()));
        }
        return base.with(stimuli, expectations);
    }

    private static String room(Room room) {
        return room == Room.LIVING ? "lounge" : room.name().toLowerCase(Locale.ROOT);
    }

    private static String kind(String role) {
        return switch (role) {
            case "motion" -> "motion";
            case "bed", "chair" -> "mat";
            case "appliance" -> "plug";
            default -> "contact";
        };
    }
}
