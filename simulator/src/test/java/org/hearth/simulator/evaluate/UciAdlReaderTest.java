package org.hearth.simulator.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorPlacement;
import org.hearth.rules.model.SensorRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on small files written like the originals: tabs and stray spaces, CRLF, no final newline. */
class UciAdlReaderTest {

    private static final String HEADER = "Start time          \tEnd time            \tLocation\tType\t\tPlace\r\n"
            + "--------------------\t--------------------\t--------\t--------\t-----\r\n";

    @TempDir
    Path dir;

    @Test
    void readsRowsWithRunsOfTabsAndStraySpacesSortedByStart() throws IOException {
        Path file = write("smarthome/home/TestA_Sensors.txt", HEADER
                + "2012-11-12 00:22:57\t\t2012-11-12 00:22:59\t\tDoor\t\tPIR\t\t\tLiving\r\n"
                + "2012-11-11 21:14:21\t\t2012-11-12 00:21:49\t\tSeat\t\tPressure\tLiving\r\n"
                + "2012-11-12 00:24:00 \t2012-11-12 00:24:09\t\tMaindoor\tMagnetic\tEntrance");

        UciAdlHome home = UciAdlReader.read(file);

        assertThat(home.name()).isEqualTo("TestA");
        assertThat(home.zone()).isEqualTo(ZoneId.of("Europe/Madrid"));
        assertThat(home.activations()).extracting(Activation::sensorId).containsExactly(
                "living-seat-pressure", "living-door-pir", "entrance-maindoor-magnetic");
        // Madrid is UTC+1 in November.
        assertThat(home.activations().get(0).start()).isEqualTo(Instant.parse("2012-11-11T20:14:21Z"));
        assertThat(home.activations().get(0).end()).isEqualTo(Instant.parse("2012-11-11T23:21:49Z"));
        assertThat(home.activations().get(2).type()).isEqualTo(UciSensorType.MAGNETIC);
        assertThat(home.first()).isEqualTo(Instant.parse("2012-11-11T20:14:21Z"));
        assertThat(home.last()).isEqualTo(Instant.parse("2012-11-11T23:24:09Z"));
    }

    @Test
    void derivesTheLayoutFromTheDistinctSensors() throws IOException {
        Path file = write("smarthome/TestB_Sensors.txt", HEADER
                + row("Maindoor", "Magnetic", "Entrance") + row("Bed", "Pressure", "Bedroom")
                + row("Seat", "Pressure", "Living") + row("Toilet", "Flush", "Bathroom")
                + row("Microwave", "Electric", "Kitchen") + row("Shower", "PIR", "Bathroom")
                + row("Basin", "PIR", "Bathroom") + row("Fridge", "Magnetic", "Kitchen")
                + row("Door", "PIR", "Kitchen") + row("Door", "PIR", "Bedroom") + row("Door", "PIR", "Kitchen")
                + row("Lamp", "Sound", "Attic"));

        UciAdlHome home = UciAdlReader.read(file);

        assertThat(home.layout().sensors()).hasSize(11).containsEntry("entrance-maindoor-magnetic",
                new SensorPlacement(SensorRole.FRONT_DOOR, Room.HALL));
        assertThat(home.layout().placementOf("bedroom-bed-pressure"))
                .isEqualTo(new SensorPlacement(SensorRole.BED, Room.BEDROOM));
        assertThat(home.layout().placementOf("living-seat-pressure"))
                .isEqualTo(new SensorPlacement(SensorRole.CHAIR, Room.LIVING));
        assertThat(home.layout().placementOf("bathroom-toilet-flush"))
                .isEqualTo(new SensorPlacement(SensorRole.TOILET_FLUSH, Room.BATHROOM));
        assertThat(home.layout().placementOf("kitchen-microwave-electric"))
                .isEqualTo(new SensorPlacement(SensorRole.APPLIANCE, Room.KITCHEN));
        assertThat(home.layout().placementOf("bathroom-shower-pir"))
                .isEqualTo(new SensorPlacement(SensorRole.MOTION, Room.BATHROOM));
        assertThat(home.layout().placementOf("kitchen-fridge-magnetic"))
                .isEqualTo(new SensorPlacement(SensorRole.CONTACT, Room.KITCHEN));
        assertThat(home.layout().placementOf("bedroom-door-pir"))
                .isEqualTo(new SensorPlacement(SensorRole.MOTION, Room.BEDROOM));
        assertThat(home.layout().placementOf("attic-lamp-sound"))
                .isEqualTo(new SensorPlacement(SensorRole.OTHER, Room.OTHER));
        assertThat(home.activations().get(11).type()).isEqualTo(UciSensorType.UNKNOWN);
        // Shower and basin are in the bathroom whatever the Place column says.
        assertThat(UciAdlReader.placement("Basin", "PIR", "Hall").room()).isEqualTo(Room.BATHROOM);
    }

    @Test
    void aReadmeNamingATimeZoneOverridesMadrid() throws IOException {
        Path file = write("smarthome/uk/TestC_Sensors.txt", HEADER + row("Door", "PIR", "Hall"));
        write("smarthome/uk/README.md", "# A home\n\nTime zone: Europe/London (local wall clock).\n");

        UciAdlHome home = UciAdlReader.read(file);

        assertThat(home.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(home.first()).isEqualTo(Instant.parse("2012-11-20T10:00:00Z"));
        assertThat(UciAdlReader.zoneNamedIn("Times are local in Spain with no timezone given.")).isEmpty();
        assertThat(UciAdlReader.zoneNamedIn("timezone: Not/AZone")).isEmpty();
    }

    @Test
    void aFewBadRowsAreSkippedButAFileOfBadRowsFailsNamingTheFirst() throws IOException {
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i < 250; i++) {
            many.append(row("Door", "PIR", "Hall"));
        }
        Path fewBad = write("smarthome/TestD_Sensors.txt", many + "2012-11-20 10:00:00\t\tDoor\tPIR\tHall\r\n"
                + "2012-11-20 10:00:05\t2012-11-20 10:00:00\tDoor\tPIR\tHall\r\n");
        Path allBad = write("smarthome/TestE_Sensors.txt", HEADER + row("Door", "PIR", "Hall")
                + "2012-11-20 10:00:00\t\tDoor\tPIR\tHall\r\n");

        assertThat(UciAdlReader.read(fewBad).activations()).hasSize(250);
        assertThatThrownBy(() -> UciAdlReader.read(allBad)).isInstanceOf(IOException.class)
                .hasMessageContaining("1 of 2 dated lines").hasMessageContaining("TestE_Sensors.txt:4");
    }

    @Test
    void aRowEndingBeforeItStartsIsBadAndAFileWithoutRowsFails() throws IOException {
        Path backwards = write("smarthome/TestE_Sensors.txt", HEADER
                + "2012-11-20 10:00:05\t2012-11-20 10:00:00\tDoor\tPIR\tHall\r\n");
        Path empty = write("smarthome/TestF_Sensors.txt", HEADER);

        assertThatThrownBy(() -> UciAdlReader.read(backwards)).isInstanceOf(IOException.class)
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> UciAdlReader.read(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("no activation rows");
    }

    @Test
    void discoversEverySensorsFileUnderSmarthomeSorted() throws IOException {
        write("smarthome/b/deeper/HomeB_Sensors.txt", HEADER + row("Door", "PIR", "Hall"));
        write("smarthome/a/HomeA_Sensors.txt", HEADER + row("Door", "PIR", "Hall"));
        write("smarthome/a/HomeA_ADLs.txt", "not a sensors file");
        write("falls/Other_Sensors.txt", "not under smarthome");

        assertThat(UciAdlReader.discover(dir)).containsExactly(dir.resolve("smarthome/a/HomeA_Sensors.txt"),
                dir.resolve("smarthome/b/deeper/HomeB_Sensors.txt"));
        assertThat(UciAdlReader.discover(dir.resolve("falls"))).isEmpty();
    }

    private static String row(String location, String type, String place) {
        return "2012-11-20 10:00:00\t\t2012-11-20 10:00:05\t\t" + location + "\t\t" + type + "\t\t" + place + "\r\n";
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return file;
    }
}
