package org.hearth.simulator.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.SensorEvent;
import org.junit.jupiter.api.Test;

/** Activations turned into what the sensors would report, in normal living and after a collapse. */
class UciAdlHomeTest {

    private static final Instant T = Instant.parse("2012-11-20T10:00:00Z");

    private final UciAdlHome home = new UciAdlHome("Test", Path.of("Test_Sensors.txt"), ZoneId.of("Europe/Madrid"),
            HomeLayout.empty(), List.of(
                    new Activation("seat", UciSensorType.PRESSURE, at(0), at(3_600)),
                    new Activation("pir", UciSensorType.PIR, at(100), at(250)),
                    new Activation("fridge", UciSensorType.MAGNETIC, at(300), at(320)),
                    new Activation("flush", UciSensorType.FLUSH, at(400), at(460)),
                    new Activation("oven", UciSensorType.ELECTRIC, at(500), at(620)),
                    new Activation("odd", UciSensorType.UNKNOWN, at(700), at(701))));

    @Test
    void normalLivingReportsStartsEndsAndContinuingMotion() {
        assertThat(home.events()).extracting(SensorEvent::sensorId, SensorEvent::kind, SensorEvent::at).containsExactly(
                tuple("seat", EventKind.OCCUPIED, at(0)),
                tuple("pir", EventKind.MOTION, at(100)),
                tuple("pir", EventKind.MOTION, at(160)),
                tuple("pir", EventKind.MOTION, at(220)),
                tuple("pir", EventKind.NO_MOTION, at(250)),
                tuple("fridge", EventKind.CONTACT_OPEN, at(300)),
                tuple("fridge", EventKind.CONTACT_CLOSED, at(320)),
                tuple("flush", EventKind.FLUSH, at(400)),
                tuple("oven", EventKind.APPLIANCE_ON, at(500)),
                tuple("oven", EventKind.APPLIANCE_OFF, at(620)),
                tuple("odd", EventKind.MOTION, at(700)),
                tuple("seat", EventKind.VACATED, at(3_600)));
    }

    @Test
    void aCollapseVacatesTheMatStopsTheMotionAndLeavesDoorsOpen() {
        List<SensorEvent> events = home.eventsWithCollapseAt(at(200));

        assertThat(events).extracting(SensorEvent::sensorId, SensorEvent::kind, SensorEvent::at).containsExactly(
                tuple("seat", EventKind.OCCUPIED, at(0)),
                tuple("pir", EventKind.MOTION, at(100)),
                tuple("pir", EventKind.MOTION, at(160)),
                tuple("seat", EventKind.VACATED, at(200)),
                tuple("pir", EventKind.NO_MOTION, at(200)));
        assertThat(home.eventsWithCollapseAt(at(310))).extracting(SensorEvent::kind).endsWith(EventKind.VACATED)
                .contains(EventKind.CONTACT_OPEN).doesNotContain(EventKind.CONTACT_CLOSED);
    }

    @Test
    void anApplianceRunningAtACollapseSwitchesItselfOffAsRecorded() {
        List<SensorEvent> events = home.eventsWithCollapseAt(at(550));

        assertThat(events).filteredOn(e -> e.sensorId().equals("oven")).extracting(SensorEvent::kind, SensorEvent::at)
                .containsExactly(tuple(EventKind.APPLIANCE_ON, at(500)), tuple(EventKind.APPLIANCE_OFF, at(620)));
        assertThat(events).last().extracting(SensorEvent::at).isEqualTo(at(620));
    }

    private static Instant at(long seconds) {
        return T.plusSeconds(seconds);
    }

    @Test
    void withoutASensorItsRowsAndItsPlaceInTheLayoutAreGone() {
        UciAdlHome fewer = home.without("seat");

        assertThat(fewer.events()).extracting(SensorEvent::sensorId).doesNotContain("seat").isNotEmpty();
        assertThat(fewer.layout().sensors()).doesNotContainKey("seat");
        assertThat(fewer.events()).isEqualTo(home.events().stream().filter(e -> !e.sensorId().equals("seat")).toList());
        assertThat(home.without("no-such-sensor")).isSameAs(home);
    }
}
