package org.hearth.rules.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.hearth.rules.model.EventKind;
import org.hearth.rules.model.HomeLayout;
import org.hearth.rules.model.Room;
import org.hearth.rules.model.SensorEvent;
import org.hearth.rules.model.SensorRole;

/** A test home and helpers to write its events in local time. */
final class Days {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final HomeLayout HOME = HomeLayout.empty()
            .with("hall-motion", SensorRole.MOTION, Room.HALL)
            .with("kitchen-motion", SensorRole.MOTION, Room.KITCHEN)
            .with("bathroom-motion", SensorRole.MOTION, Room.BATHROOM)
            .with("bedroom-motion", SensorRole.MOTION, Room.BEDROOM)
            .with("lounge-motion", SensorRole.MOTION, Room.LIVING)
            .with("front-door", SensorRole.FRONT_DOOR, Room.HALL)
            .with("bed-mat", SensorRole.BED, Room.BEDROOM)
            .with("kettle", SensorRole.APPLIANCE, Room.KITCHEN)
            .with("flush", SensorRole.TOILET_FLUSH, Room.BATHROOM);
    static final String[] SENSORS = {"hall-motion", "kitchen-motion", "bathroom-motion", "bedroom-motion",
        "lounge-motion", "front-door", "bed-mat", "kettle", "flush", "unknown-sensor"};

    private Days() {
    }

    /** Local wall-clock time on the given day; in an overlap, the earlier (summer) offset. */
    static Instant at(LocalDate day, String hhmm) {
        return LocalDateTime.of(day, java.time.LocalTime.parse(hhmm)).atZone(LONDON).toInstant();
    }

    /** Local wall-clock time with an explicit offset, for the repeated hour of the autumn change. */
    static Instant at(LocalDate day, String hhmm, int offsetHours) {
        return LocalDateTime.of(day, java.time.LocalTime.parse(hhmm)).atOffset(ZoneOffset.ofHours(offsetHours))
                .toInstant();
    }

    static SensorEvent ev(String sensor, EventKind kind, Instant at) {
        return SensorEvent.of(sensor, kind, at);
    }

    static DailySummariser summariser() {
        return new DailySummariser(HOME, SummaryPolicy.ukDefault(LONDON));
    }
}
